import { useEffect, useState } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import { ruDate } from '../../src/core/util/dates';

const BADGE: Record<string, string> = { overdue: 'error', soon: 'warning', 'in-progress': 'info', done: 'info', upcoming: 'info', 'no-date': 'info' };
const ru = (iso: string | null) => (iso ? ruDate(iso) : '');

export function Roadmap() {
  const list = useCall('getDeadlines');
  const highlight = useCall('highlightDeadlines');
  const fromText = useCall('importRoadmapFromText');
  const fromDoc = useCall('importRoadmapFromDoc');
  const reminders = useCall('setDeadlineReminders');
  const sendNow = useCall('sendDeadlineDigest');
  const [text, setText] = useState('');
  const [docRef, setDocRef] = useState('');
  const [showAll, setShowAll] = useState(false);
  useEffect(() => {
    void list.run();
  }, []);
  const refresh = () => void list.run();
  const busy = list.loading || highlight.loading || fromText.loading || fromDoc.loading || reminders.loading || sendNow.loading;
  const items = list.data?.items ?? [];
  const shown = showAll ? items : items.filter((i) => i.status === 'overdue' || i.status === 'soon' || i.status === 'in-progress');
  return (
    <div>
      <Section title="Сроки дорожной карты">
        <button type="button" class="primary" disabled={busy} onClick={() => void highlight.run().then(refresh)}>
          Подсветить сроки
        </button>
        {highlight.data && <p class="ok">{highlight.data.summary}</p>}
        {busy && <Busy />}
        <ErrorBox error={list.error ?? highlight.error ?? reminders.error ?? sendNow.error} />
        {list.data && !list.data.sheet && <p class="muted">Листа «Дорожная карта» пока нет: импортируйте дорожную карту ниже.</p>}
        {list.data && list.data.sheet && (
          <div>
            <label>
              <input type="checkbox" style={{ width: 'auto' }} checked={showAll} onChange={(e) => setShowAll((e.currentTarget as HTMLInputElement).checked)} /> показать все мероприятия
            </label>
            {shown.length === 0 && <p class="ok">Просроченных и срочных мероприятий нет.</p>}
            <ul class="list">
              {shown.map((i) => (
                <li key={i.row}>
                  <span class={`badge ${BADGE[i.status]}`}>{i.statusLabel}</span>
                  {i.number && <b>{i.number}. </b>}
                  {i.title}
                  <div class="muted">
                    {i.deadline}
                    {i.nextDue ? ` → до ${ru(i.nextDue)}` : ''}
                    {i.responsible ? ` · ${i.responsible}` : ''} · строка {i.row}
                    {!i.understood && i.deadline ? ' · срок не распознан' : ''}
                  </div>
                </li>
              ))}
            </ul>
            <h3>Напоминания ответственным</h3>
            <p class="muted">
              Раз в день ответственные с адресом почты получают одно письмо о просроченных и срочных мероприятиях. Напоминания включаются для этой таблицы и
              вашей учётной записи; в других таблицах они настраиваются отдельно.
            </p>
            <button type="button" class="secondary" disabled={busy} onClick={() => void reminders.run(!list.data!.reminders).then(refresh)}>
              {list.data.reminders ? 'Выключить напоминания' : 'Включить напоминания'}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => void sendNow.run()}>
              Отправить сейчас
            </button>
            {list.data.remindersNote && <p class="muted">{list.data.remindersNote}</p>}
            {reminders.data && <p class="ok">{reminders.data.summary}</p>}
            {sendNow.data && <p class="ok">{sendNow.data.summary}</p>}
          </div>
        )}
      </Section>
      <Section title="Импорт дорожной карты">
        <label for="rm-text">Скопируйте таблицу из Word или PDF и вставьте сюда</label>
        <textarea id="rm-text" rows={6} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <button type="button" class="primary" disabled={busy || !text.trim()} onClick={() => void fromText.run(text).then((r) => r && (setText(''), refresh()))}>
          Импортировать текст
        </button>
        <label for="rm-doc">или ссылка на Google Документ с таблицей</label>
        <input id="rm-doc" value={docRef} onInput={(e) => setDocRef((e.currentTarget as HTMLInputElement).value)} placeholder="https://docs.google.com/document/d/…" />
        <button type="button" class="secondary" disabled={busy || !docRef.trim()} onClick={() => void fromDoc.run(docRef).then((r) => r && refresh())}>
          Импортировать документ
        </button>
        <ErrorBox error={fromText.error ?? fromDoc.error} />
        {[fromText.data, fromDoc.data].filter(Boolean).map((d) => (
          <div key={d!.summary}>
            <p class="ok">{d!.summary}</p>
            {d!.warnings.length > 0 && (
              <details>
                <summary>Замечания импорта ({d!.warnings.length})</summary>
                <ul class="list">
                  {d!.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        ))}
      </Section>
    </div>
  );
}
