import { useEffect, useState } from 'preact/hooks';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';
import type { ApiResult } from '../../src/app/api';
import { decimal } from '../../src/core/util/text';

type Suggestions = ApiResult<'suggestPairs'>;
type Assignment = Suggestions['assignments'][number];

const toRequest = (a: Assignment) => ({ mentor: a.mentor, mentees: a.mentees.map((m) => m.id), form: a.form });

/** «Подбор пар»: suggestions with reasons and alternatives; accept one, all, or reject a pair. */
export function Match() {
  const suggest = useCall('suggestPairs');
  const accept = useCall('acceptPairs');
  const reject = useCall('rejectSuggestion');
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    void suggest.run();
  }, []);
  const s = suggest.data;
  const busy = suggest.loading || accept.loading || reject.loading;

  const onAccept = async (list: Assignment[]) => {
    setMessage(null);
    const out = await accept.run(list.map(toRequest));
    if (!out) return;
    const skipped = out.skipped.map((x) => `${x.mentee}: ${x.reason}`);
    setMessage([out.summary, ...skipped].join('\n'));
    await suggest.run();
  };
  const onReject = async (mentor: string, mentee: string) => {
    setMessage(null);
    const out = await reject.run(mentor, mentee);
    if (out) setMessage(out.summary);
    await suggest.run();
  };

  return (
    <Section title="Подбор пар">
      {suggest.loading && <Busy text="Подбираю пары…" />}
      {accept.loading && <Busy text="Записываю пары в «Пары»…" />}
      <ErrorBox error={suggest.error ?? accept.error ?? reject.error} />
      {message && <p class="match-message">{message}</p>}
      {s && (
        <div>
          <p>
            Предложений: <b>{s.assignments.length}</b>, суммарная оценка {decimal(s.totalScore, 2)}. Без наставника: {s.unmatched.length}.
          </p>
          <button type="button" class="primary" disabled={busy || s.assignments.length === 0} onClick={() => void onAccept(s.assignments)}>
            Принять все
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => void suggest.run()}>
            Обновить
          </button>
          {s.assignments.map((a) => {
            const key = `${a.mentor}|${a.form}`;
            return (
              <div class="card" key={key}>
                <div>
                  <b>{a.mentorName}</b> <span class="muted">({a.mentor})</span> → {a.mentees.map((m) => m.name).join(', ')}
                </div>
                <div class="muted">
                  {a.form} · оценка {decimal(a.score, 2)}
                  {a.mentees.length > 1 ? ' · группа' : ''}
                </div>
                {a.mentees.map((m) => (
                  <div key={m.id} class="match-mentee">
                    {a.mentees.length > 1 && <div>{m.name}:</div>}
                    <ul class="match-reasons">
                      {m.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                    <button type="button" class="secondary" disabled={busy} onClick={() => void onReject(a.mentor, m.id)}>
                      Отклонить{a.mentees.length > 1 ? ` (${m.name})` : ''}
                    </button>
                    {(s.alternatives[m.id]?.length ?? 0) > 0 && (
                      <button type="button" class="secondary" onClick={() => setOpen(open === m.id ? null : m.id)}>
                        {open === m.id ? 'Скрыть другие варианты' : 'Другие варианты'}
                      </button>
                    )}
                    {open === m.id && (
                      <ul class="match-alts">
                        {s.alternatives[m.id].map((alt) => (
                          <li key={alt.mentor}>
                            {alt.mentorName} ({alt.mentor}), {decimal(alt.score, 2)}: {alt.reasons.join('; ') || 'без особых совпадений'}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                ))}
                <button type="button" class="primary" disabled={busy} onClick={() => void onAccept([a])}>
                  Принять
                </button>
              </div>
            );
          })}
          {s.unmatched.length > 0 && (
            <details>
              <summary>Без наставника ({s.unmatched.length})</summary>
              <ul class="match-reasons">
                {s.unmatched.slice(0, 200).map((u) => (
                  <li key={u.mentee}>
                    {u.name} ({u.mentee}): {u.reason}
                  </li>
                ))}
              </ul>
              {s.unmatched.length > 200 && <p class="muted">… и ещё {s.unmatched.length - 200}</p>}
            </details>
          )}
        </div>
      )}
    </Section>
  );
}
