import { useEffect, useRef, useState } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import { percent, plural } from '../../src/core/util/text';
import { ruDate } from '../../src/core/util/dates';

const pct = (x: number | null) => (x === null ? '—' : percent(x));
/** The monitoring flags are lower-case phrases; as list lines they start with a capital. */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Up to five IDs after a count (the names stay in the registers). */
const ids = (list: readonly string[]) => (list.length ? ` (${list.slice(0, 5).join(', ')}${list.length > 5 ? '…' : ''})` : '');

/** Width of the charts: the sidebar is 300 px, less the view's padding. */
const CHART_WIDTH = 260;

/** Share against target as a bar: the curator sees at a glance how far the school is. */
function ShareBar({ share, target }: { share: number | null; target: number | null }) {
  if (share === null) return <p class="muted">Укажите «Численность обучающихся» в «Настройках», чтобы посчитать долю.</p>;
  const w = CHART_WIDTH;
  return (
    <div>
      <svg width={w} height={34} role="img" aria-label={`Вовлечено ${pct(share)}, цель ${pct(target)}`}>
        <rect x={0} y={8} width={w} height={14} fill="#e8eaed" rx={3} />
        <rect x={0} y={8} width={Math.min(1, share) * w} height={14} fill={target !== null && share < target ? '#f29900' : '#188038'} rx={3} />
        {target !== null && <line x1={Math.min(1, target) * w} x2={Math.min(1, target) * w} y1={2} y2={30} stroke="#c5221f" stroke-width={2} />}
      </svg>
      {target !== null && <p class="muted monitoring-legend">Полоса — доля вовлечённых, красная черта — цель.</p>}
    </div>
  );
}

const ROW = 30;

/** Mentees by form. Each label stands on its own line above its bar, so no form name runs into the bars. */
function FormBars({ byForm }: { byForm: Record<string, { pairs: number; mentees: number }> }) {
  const entries = Object.entries(byForm);
  if (!entries.length) return <p class="muted">Формирующихся и активных пар пока нет.</p>;
  const max = Math.max(...entries.map(([, v]) => v.mentees), 1);
  // Room for the count right of the longest bar.
  const barMax = CHART_WIDTH - 36;
  return (
    <div class="monitoring-forms">
      <p class="muted monitoring-legend">Наставляемые по формам наставничества (в формирующихся и активных парах и группах):</p>
      <svg width={CHART_WIDTH} height={entries.length * ROW} role="img" aria-label={`Наставляемые по формам: ${entries.map(([f, v]) => `${f} — ${v.mentees}`).join('; ')}`}>
        {entries.map(([form, v], i) => {
          const w = (v.mentees / max) * barMax;
          return (
            <g key={form} transform={`translate(0, ${i * ROW})`} data-form={form}>
              <title>{`${form}: наставляемых ${v.mentees}, пар и групп ${v.pairs}`}</title>
              <text class="label" x={0} y={11} font-size={11} fill="#3c4043">
                {form}
              </text>
              <rect x={0} y={15} width={w} height={10} fill="#1a73e8" rx={2} />
              <text class="count" x={w + 4} y={24} font-size={11} fill="#3c4043">
                {v.mentees}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The Clipboard API first; a sidebar frame may refuse it, then the selected text and the browser's copy. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused or absent: below.
  }
  if (!area) return false;
  area.focus();
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function Monitoring() {
  const data = useCall('getMonitoring');
  const sheet = useCall('updateMonitoringSheet');
  const report = useCall('generateDepartmentReport');
  const [copy, setCopy] = useState<'idle' | 'done' | 'manual'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    void data.run();
  }, []);
  const m = data.data;
  const i = m?.indicators;
  const days = m?.waitingDays ?? 0;
  return (
    <Section title="Мониторинг">
      {data.loading && <Busy text="Считаю показатели…" />}
      <ErrorBox error={data.error} />
      {i && m && (
        <div>
          <p class="monitoring-pupils">
            На {ruDate(i.asOf)}: вовлечено <b>{i.pupils.involved}</b> из {i.pupils.total || '—'} обучающихся ({pct(i.pupils.share)}),{' '}
            {i.pupils.targetYear === null ? 'цель не задана' : `цель ${pct(i.pupils.target)} к концу ${i.pupils.targetYear} года`}.
          </p>
          <ShareBar share={i.pupils.share} target={i.pupils.target} />
          <h3>Пары и группы</h3>
          <p class="monitoring-pairs">
            формируется {i.pairs.forming}, активно {i.pairs.active}, завершено {i.pairs.completed}
          </p>
          <FormBars byForm={i.byForm} />
          <h3>Дорожная карта</h3>
          <p class="monitoring-roadmap">
            выполнено {i.roadmap.done}, просрочено <span class={i.roadmap.overdue ? 'warn' : ''}>{i.roadmap.overdue}</span>, скоро срок {i.roadmap.soon}, всего {i.roadmap.total}
          </p>
          <h3>Требует внимания</h3>
          <ul class="list monitoring-attention">
            <li>
              Ждут наставника дольше {days} {plural(days, 'дня', 'дней', 'дней')}: {i.waiting.length}
              {ids(i.waiting.map((w) => w.id))}
            </li>
            <li>
              Наставников без обучения: {i.untrainedMentors.length}
              {ids(i.untrainedMentors)}
            </li>
            <li>
              Нет согласия на обработку ПДн: наставников {i.missingConsent.mentors.length}, наставляемых {i.missingConsent.mentees.length}
              {ids([...i.missingConsent.mentors, ...i.missingConsent.mentees])}
            </li>
            {m.flags.map((f) => (
              <li key={f} class="warn">
                {capital(f)}
              </li>
            ))}
          </ul>
          <h3>Сводка для управления образования</h3>
          <textarea
            ref={area}
            readOnly
            rows={3}
            aria-label="Строка сводки для управления образования"
            value={m.summaryTsv}
            onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
          />
          <button
            type="button"
            class="secondary"
            onClick={() => {
              void copyText(m.summaryTsv, area.current).then((ok) => setCopy(ok ? 'done' : 'manual'));
            }}
          >
            {copy === 'done' ? 'Скопировано' : 'Скопировать строку'}
          </button>
          {copy === 'manual' && <p class="warn">Браузер не дал скопировать: строка выделена — скопируйте её правой кнопкой мыши → «Копировать».</p>}
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
