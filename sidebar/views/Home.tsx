import { useEffect } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import { ruDate } from '../../src/core/util/dates';

export function Home() {
  const overview = useCall('getOverview');
  useEffect(() => {
    void overview.run();
  }, []);
  return (
    <Section title="Наставник">
      <p>Реестры наставников, наставляемых и пар, дорожная карта, приказы и мониторинг.</p>
      {overview.loading && <Busy text="Читаю таблицу…" />}
      <ErrorBox error={overview.error} />
      {overview.data && (
        <div class="overview">
          <p>Сегодня: {ruDate(overview.data.today)}</p>
          {overview.data.missing.length > 0 ? (
            <p class="warn">
              Нет листов: {overview.data.missing.join(', ')}. Выберите «Настроить таблицу» в меню.
            </p>
          ) : (
            <p class="ok">Все листы на месте.</p>
          )}
          {overview.data.adopted.map((a) => (
            <p key={a.register} class="muted">
              «{a.register}» читается с листа «{a.sheet}».
            </p>
          ))}
        </div>
      )}
    </Section>
  );
}
