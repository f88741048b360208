/**
 * «Проверка реестров»: check and highlight, a summary, the findings grouped by tab; a click on a
 * finding moves the cursor to its cell. All text is rendered as text (Preact escapes it).
 */
import { useState } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import type { Finding } from '../../src/core/validation/finding';

const SEVERITY: Record<Finding['severity'], string> = { error: 'ошибка', warning: 'внимание', info: 'сведения' };

function groupBySheet(findings: readonly Finding[]): Array<{ sheet: string; items: Finding[] }> {
  const groups: Array<{ sheet: string; items: Finding[] }> = [];
  for (const f of findings) {
    const last = groups[groups.length - 1];
    if (last && last.sheet === f.sheet) last.items.push(f);
    else groups.push({ sheet: f.sheet, items: [f] });
  }
  return groups;
}

export function Registers() {
  const check = useCall('checkAndHighlight');
  const go = useCall('goToCell');
  const [showInfo, setShowInfo] = useState(false);
  const findings = (check.data?.findings ?? []).filter((f) => showInfo || f.severity !== 'info');
  const groups = groupBySheet(findings);
  return (
    <Section title="Проверка реестров">
      <p class="muted">Проверяет листы «Наставники», «Наставляемые» и «Пары»: обязательные поля, даты, согласия, возраст, формы, пары и нагрузку наставников. Ошибки подсвечиваются красным, предупреждения — жёлтым; ваши цвета и заметки сохраняются.</p>
      <button type="button" class="primary" disabled={check.loading} onClick={() => void check.run()}>
        Проверить и подсветить
      </button>
      {check.loading && <Busy text="Проверяю реестры…" />}
      <ErrorBox error={check.error ?? go.error} />
      {check.data && (
        <div class="registers-result">
          <p class={check.data.counts.errors ? 'warn' : 'ok'}>{check.data.summary}</p>
          <label>
            <input type="checkbox" style={{ width: 'auto' }} checked={showInfo} onChange={(e) => setShowInfo((e.currentTarget as HTMLInputElement).checked)} /> показать сведения
          </label>
          {groups.map((g) => (
            <div key={g.sheet}>
              <h3>
                {g.sheet} <span class="muted">({g.items.length})</span>
              </h3>
              <ul class="list">
                {g.items.map((f, i) => {
                  // A missing tab's finding has a row too (its header's), but no cell to go to.
                  const clickable = f.row > 0 && check.data!.sheets.includes(f.sheet);
                  const open = () => {
                    if (clickable) void go.run(f.sheet, f.row, f.column);
                  };
                  return (
                    <li
                      key={`${f.row}-${f.column}-${f.code}-${i}`}
                      class={clickable ? 'clickable' : undefined}
                      role={clickable ? 'button' : undefined}
                      tabIndex={clickable ? 0 : undefined}
                      title={clickable ? 'Перейти к ячейке' : undefined}
                      onClick={open}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          open();
                        }
                      }}
                    >
                      <span class={`badge ${f.severity}`}>{SEVERITY[f.severity]}</span>
                      {clickable && <span class="registers-cell">{`${f.column}${f.row}`}</span>}
                      {f.message}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
