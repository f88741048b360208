/**
 * «Настройки»: every setting of the «Настройки» tab, the targets per year and the forms of
 * mentoring (which are used, who is mentor and mentee in each), saved with checks.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../src/app/api';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';

type SettingsForm = ApiResult<'getSettingsForm'>;
type FormEntry = SettingsForm['forms'][number];

const HINTS: Record<string, string> = {
  periodStart: 'ДД.ММ.ГГГГ',
  periodEnd: 'ДД.ММ.ГГГГ',
  templateDocId: 'ссылка на Google Документ или его ID',
  outputFolderId: 'ссылка на папку Google Диска или её ID',
};

export function Settings() {
  const read = useCall('getSettingsForm');
  const save = useCall('saveSettings');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [newYear, setNewYear] = useState('');
  const [forms, setForms] = useState<FormEntry[]>([]);
  const [newForm, setNewForm] = useState('');
  // A refused save: the server's message and the fields it names.
  const [refused, setRefused] = useState<{ message: string; errors: Record<string, string> } | null>(null);
  const form: SettingsForm | null = read.data;
  const errors = refused?.errors ?? {};
  const busy = read.loading ? 'Читаю настройки…' : save.loading ? 'Сохраняю…' : null;
  const message = save.data?.ok ? save.data.message : null;

  useEffect(() => {
    void read.run().then((f) => {
      if (!f) return;
      setFields(Object.fromEntries(f.fields.map((x) => [x.field, x.value])));
      const t = Object.fromEntries(f.targets.map((x) => [String(x.year), x.value]));
      if (!(String(f.thisYear) in t)) t[String(f.thisYear)] = '';
      setTargets(t);
      setForms(f.forms);
    });
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setRefused(null);
    const res = await save.run({ fields, targets, forms: forms.map((f) => ({ name: f.name, value: f.value, used: f.used })) });
    if (res) setRefused(res.ok ? null : { message: res.message, errors: res.errors });
  };

  const setField = (field: string, e: Event) => setFields((s) => ({ ...s, [field]: (e.currentTarget as HTMLInputElement).value }));

  const setForm = (i: number, change: Partial<FormEntry>) => setForms((list) => list.map((f, k) => (k === i ? { ...f, ...change } : f)));

  const addForm = () => {
    const name = newForm.trim();
    if (name && !forms.some((f) => f.name.toLowerCase() === name.toLowerCase())) setForms((list) => [...list, { name, value: '', used: true, standard: false }]);
    setNewForm('');
  };

  const addYear = () => {
    const y = newYear.trim();
    if (/^\d{4}$/.test(y) && !(y in targets)) setTargets((t) => ({ ...t, [y]: '' }));
    setNewYear('');
  };

  return (
    <Section title="Настройки">
      {busy && <Busy text={busy} />}
      <ErrorBox error={read.error ?? save.error ?? refused?.message ?? null} />
      {message && <p class="ok">{message}</p>}
      {form && !form.sheet && <p class="warn">Листа «Настройки» нет: он будет создан при сохранении.</p>}
      {form?.problems.map((p) => (
        <p key={p} class="warn">
          {p}
        </p>
      ))}
      {form && (
        <form onSubmit={submit}>
          {form.fields.map((f) => (
            <div key={f.field} class="settings-field">
              <label for={`settings-${f.field}`}>{f.label}</label>
              {f.kind === 'int' ? (
                <input id={`settings-${f.field}`} type="number" min={0} value={fields[f.field] ?? ''} onInput={(e) => setField(f.field, e)} />
              ) : f.kind === 'email' ? (
                <input id={`settings-${f.field}`} type="email" value={fields[f.field] ?? ''} onInput={(e) => setField(f.field, e)} />
              ) : (
                <input id={`settings-${f.field}`} type="text" placeholder={HINTS[f.field]} value={fields[f.field] ?? ''} onInput={(e) => setField(f.field, e)} />
              )}
              {errors[f.field] && <div class="field-error">{errors[f.field]}</div>}
            </div>
          ))}
          <h3>Целевые показатели (доля вовлечённых обучающихся)</h3>
          {Object.keys(targets)
            .sort()
            .map((year) => (
              <div key={year} class="settings-field">
                <label for={`settings-target-${year}`}>Цель {year}</label>
                <input id={`settings-target-${year}`} type="text" placeholder="например, 40%" value={targets[year]} onInput={(e) => setTargets((t) => ({ ...t, [year]: (e.currentTarget as HTMLInputElement).value }))} />
                {errors[`target${year}`] && <div class="field-error">{errors[`target${year}`]}</div>}
              </div>
            ))}
          <div class="settings-add">
            <input type="text" inputMode="numeric" placeholder="Год" aria-label="Год нового показателя" value={newYear} onInput={(e) => setNewYear((e.currentTarget as HTMLInputElement).value)} />
            <button type="button" class="secondary" onClick={addYear}>
              Добавить год
            </button>
          </div>
          <h3>Формы наставничества</h3>
          <p class="muted settings-hint">
            Отметьте формы, которые есть в вашей организации. Для каждой — кто наставник и кто наставляемый, например «наставник: педагог; наставляемый: обучающийся» (категории: педагог, обучающийся, студент, работодатель, молодой специалист).
          </p>
          {forms.map((f, i) => (
            <div key={f.name} class="settings-field settings-form">
              <label class="settings-check">
                <input type="checkbox" checked={f.used} onChange={(e) => setForm(i, { used: (e.currentTarget as HTMLInputElement).checked })} />
                {f.name}
              </label>
              {/* Two lines: the whole rule is seen in a 300 px sidebar. */}
              <textarea
                rows={2}
                class="settings-rule"
                aria-label={`Кто наставник и кто наставляемый в форме «${f.name}»`}
                placeholder="наставник: …; наставляемый: …"
                value={f.value}
                onInput={(e) => setForm(i, { value: (e.currentTarget as HTMLTextAreaElement).value })}
              />
              {errors[`form:${f.name}`] && <div class="field-error">{errors[`form:${f.name}`]}</div>}
            </div>
          ))}
          {errors.forms && <div class="field-error">{errors.forms}</div>}
          <div class="settings-add settings-add-form">
            <input type="text" placeholder="Новая форма, например «педагог – обучающийся»" aria-label="Название новой формы" value={newForm} onInput={(e) => setNewForm((e.currentTarget as HTMLInputElement).value)} />
            <button type="button" class="secondary" onClick={addForm}>
              Добавить форму
            </button>
          </div>
          <button type="submit" class="primary" disabled={!!busy}>
            Сохранить
          </button>
        </form>
      )}
    </Section>
  );
}
