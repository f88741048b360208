import { useEffect, useState } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import { percent } from '../../src/core/util/text';
import { ruDate } from '../../src/core/util/dates';

const pct = (x: number | null) => (x === null ? '—' : percent(x));

/** Share against target as a bar: the curator sees at a glance how far the school is. */
function ShareBar({ share, target }: { share: number | null; target: number | null }) {
  if (share === null) return <p class="muted">Укажите «Численность обучающихся» в «Настройках», чтобы посчитать долю.</p>;
  const w = 260;
  return (
    <svg width={w} height={34} role="img" aria-label={`Вовлечено ${pct(share)}, цель ${pct(target)}`}>
      <rect x={0} y={8} width={w} height={14} fill="#e8eaed" rx={3} />
      <rect x={0} y={8} width={Math.min(1, share) * w} height={14} fill={target !== null && share < target ? '#f29900' : '#188038'} rx={3} />
      {target !== null && <line x1={target * w} x2={target * w} y1={2} y2={30} stroke="#c5221f" stroke-width={2} />}
    </svg>
  );
}

function FormBars({ byForm }: { byForm: Record<string, { pairs: number; mentees: number }> }) {
  const entries = Object.entries(byForm);
  if (!entries.length) return <p class="muted">Формирующихся и активных пар пока нет.</p>;
  const max = Math.max(...entries.map(([, v]) => v.mentees), 1);
  return (
    <svg width={260} height={entries.length * 22} role="img" aria-label="Наставляемые по формам">
      {entries.map(([form, v], i) => (
        <g key={form} transform={`translate(0, ${i * 22})`}>
          <text x={0} y={13} font-size={11} fill="#3c4043">
            {form}
          </text>
          <rect x={130} y={3} width={(v.mentees / max) * 100} height={12} fill="#1a73e8" rx={2} />
          <text x={134 + (v.mentees / max) * 100} y={13} font-size={11} fill="#3c4043">
            {v.mentees}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function Monitoring() {
  const data = useCall('getMonitoring');
  const sheet = useCall('updateMonitoringSheet');
  const report = useCall('generateDepartmentReport');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void data.run();
  }, []);
  const m = data.data;
  const i = m?.indicators;
  return (
    <Section title="Мониторинг">
      {data.loading && <Busy text="Считаю показатели…" />}
      <ErrorBox error={data.error} />
      {i && m && (
        <div>
          <p>
            На {ruDate(i.asOf)}: вовлечено <b>{i.pupils.involved}</b> из {i.pupils.total || '—'} обучающихся ({pct(i.pupils.share)}),{' '}
            {i.pupils.targetYear === null ? 'цель не задана' : `цель ${pct(i.pupils.target)} к концу ${i.pupils.targetYear} года`}.
          </p>
          <ShareBar share={i.pupils.share} target={i.pupils.target} />
          <h3>Пары и группы</h3>
          <p>
            формируется {i.pairs.forming}, активно {i.pairs.active}, завершено {i.pairs.completed}
          </p>
          <FormBars byForm={i.byForm} />
          <h3>Дорожная карта</h3>
          <p>
            выполнено {i.roadmap.done}, просрочено <span class={i.roadmap.overdue ? 'warn' : ''}>{i.roadmap.overdue}</span>, скоро срок {i.roadmap.soon}, всего {i.roadmap.total}
          </p>
          <h3>Требует внимания</h3>
          <ul class="list">
            <li>Ждут наставника дольше срока: {i.waiting.length}{i.waiting.length ? ` (${i.waiting.slice(0, 5).map((w) => w.id).join(', ')}${i.waiting.length > 5 ? '…' : ''})` : ''}</li>
            <li>Наставников без обучения: {i.untrainedMentors.length}</li>
            <li>
              Нет согласия на обработку ПДн: наставников {i.missingConsent.mentors.length}, наставляемых {i.missingConsent.mentees.length}
            </li>
            {m.flags.map((f) => (
              <li key={f} class="warn">
                {f}
              </li>
            ))}
          </ul>
          <h3>Сводка для управления образования</h3>
          <textarea readOnly rows={3} value={m.summaryTsv} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
          <button
            type="button"
            class="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(m.summaryTsv).then(() => setCopied(true));
            }}
          >
            {copied ? 'Скопировано' : 'Скопировать строку'}
          </button>
        </div>
      )}
      <div>
        <button type="button" class="primary" disabled={sheet.loading} onClick={() => void sheet.run()}>
          Обновить лист «Мониторинг»
        </button>
        <button type="button" class="secondary" disabled={report.loading} onClick={() => void report.run()}>
          Сформировать сведения
        </button>
      </div>
      {(sheet.loading || report.loading) && <Busy />}
      <ErrorBox error={sheet.error ?? report.error} />
      {sheet.data && <p class="ok">{sheet.data.summary}</p>}
      {report.data && (
        <p class="ok">
          {report.data.summary}.{' '}
          <a href={report.data.url} target="_blank" rel="noopener noreferrer">
            Открыть
          </a>
        </p>
      )}
    </Section>
  );
}
