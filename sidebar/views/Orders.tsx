/** «Приказы»: pick a kind, see who is in and who is left out, pick pairs/people, generate. */
import { useEffect, useState } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import type { ApiResult } from '../../src/app/api';

type Preview = ApiResult<'previewOrder'>;
type Generated = ApiResult<'generateOrder'>;
/** A Google Doc, or in the local preview a .docx the page serves under /files/. */
const OPENABLE = /^(https?:\/\/|\/files\/)/;

export function Orders() {
  const kinds = useCall('listOrderKinds');
  const preview = useCall('previewOrder');
  const generate = useCall('generateOrder');
  const [kind, setKind] = useState('pairs');
  const [picked, setPicked] = useState<string[] | null>(null);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [confirm, setConfirm] = useState<Extract<Generated, { needsConfirmation: true }> | null>(null);
  const [done, setDone] = useState<Extract<Generated, { url: string }> | null>(null);

  const options = (p: string[] | null) => {
    const picks = preview.data?.picks ?? kinds.data?.find((k) => k.kind === kind)?.picks;
    return {
      number: number.trim() || undefined,
      date: date || undefined,
      pairIds: picks === 'pairs' && p ? p : undefined,
      mentorIds: picks === 'people' && p ? p : undefined,
    };
  };

  const refresh = (p: string[] | null = picked) => void preview.run(kind, options(p));

  useEffect(() => {
    void kinds.run();
  }, []);
  useEffect(() => {
    setPicked(null);
    setDone(null);
    setConfirm(null);
    void preview.run(kind, { number: number.trim() || undefined, date: date || undefined });
  }, [kind]);

  const toggle = (id: string, data: Preview) => {
    const current = picked ?? data.choices.filter((c) => c.selected).map((c) => c.id);
    const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
    setPicked(next);
    refresh(next);
  };

  const onGenerate = async (confirmDuplicate = false) => {
    setDone(null);
    const r = await generate.run(kind, { ...options(picked), confirmDuplicate });
    if (!r) return;
    if (r.needsConfirmation) {
      setConfirm(r);
      return;
    }
    setConfirm(null);
    setDone(r);
    refresh();
  };

  const p = preview.data;
  return (
    <Section title="Приказы">
      <ErrorBox error={kinds.error} />
      <label for="orders-kind">Вид приказа</label>
      <select id="orders-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
        {(kinds.data ?? []).map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.title}
          </option>
        ))}
      </select>
      <div class="orders-row">
        <div>
          <label for="orders-number">Номер</label>
          <input id="orders-number" placeholder={p?.number ?? ''} value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} onBlur={() => refresh()} />
        </div>
        <div>
          <label for="orders-date">Дата</label>
          <input id="orders-date" type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} onBlur={() => refresh()} />
        </div>
      </div>

      {preview.loading && <Busy text="Читаю реестры…" />}
      <ErrorBox error={preview.error} />
      {p && (
        <div class="orders-preview">
          <p>
            <b>{p.heading}</b>
            <br />
            Будет № {p.number} от {p.date.split('-').reverse().join('.')}
            {p.usesTemplate && <span class="muted"> · по шаблону из «Настроек»</span>}
          </p>
          {p.problems.map((x) => (
            <div class="error" role="alert" key={x}>
              {x}
            </div>
          ))}
          {p.picks && p.choices.length > 0 && (
            <>
              <h3>{p.picks === 'pairs' ? 'Пары и группы' : 'Участники'}</h3>
              <ul class="list orders-choices">
                {p.choices.map((c) => (
                  <li key={c.id}>
                    <label class="orders-choice">
                      <input
                        type="checkbox"
                        checked={picked ? picked.includes(c.id) : c.selected}
                        disabled={!c.consent}
                        onChange={() => toggle(c.id, p)}
                      />
                      {c.label}
                      {c.status && <span class="badge info">{c.status}</span>}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.included.length > 0 && (
            <>
              <h3>Войдут в приказ ({p.included.length})</h3>
              <ul class="list">
                {p.included.map((i) => (
                  <li key={i.id}>{i.label}</li>
                ))}
              </ul>
            </>
          )}
          {p.warnings.length > 0 && (
            <>
              <h3>Предупреждения</h3>
              <ul class="list">
                {p.warnings.map((w) => (
                  <li key={w} class="warn">
                    {w}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.duplicate && (
            <p class="warn">
              Такой приказ уже издан: № {p.duplicate.number} от {p.duplicate.date.split('-').reverse().join('.')}.{' '}
              {OPENABLE.test(p.duplicate.url) && (
                <a href={p.duplicate.url} target="_blank" rel="noopener">
                  Открыть
                </a>
              )}
            </p>
          )}
          <button type="button" class="primary" disabled={generate.loading || p.problems.length > 0} onClick={() => void onGenerate(false)}>
            Сформировать приказ
          </button>
        </div>
      )}

      {generate.loading && <Busy text="Создаю документ…" />}
      <ErrorBox error={generate.error} />
      {confirm && (
        <div class="card orders-confirm" role="alertdialog" aria-labelledby="orders-confirm-text">
          <p id="orders-confirm-text">{confirm.summary}</p>
          <button type="button" class="primary" onClick={() => void onGenerate(true)}>
            Да, сформировать ещё один
          </button>
          <button type="button" class="secondary" onClick={() => setConfirm(null)}>
            Отмена
          </button>
        </div>
      )}
      {done && (
        <div class="card">
          <p class="ok">{done.summary}</p>
          {OPENABLE.test(done.url) ? (
            <a class="orders-open" href={done.url} target="_blank" rel="noopener">
              Открыть приказ № {done.number}
            </a>
          ) : (
            <p>Файл: {done.url}</p>
          )}
          {done.warnings.length > 0 && (
            <ul class="list">
              {done.warnings.map((w) => (
                <li key={w} class="warn">
                  {w}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}
