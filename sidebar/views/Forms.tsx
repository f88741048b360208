/**
 * «Анкеты»: add or edit a mentor, a mentee, a pair or group. Fields come from the register
 * schemas (the server sends their metadata), errors are shown beside the fields, the server
 * re-checks everything under the lock before writing.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiResult } from '../../src/app/api';
import type { FieldInfo, FormKey, PersonBrief, RowRef, SaveResult } from '../../src/app/registers/forms';
import { useCall } from '../hooks';
import { Busy, ErrorBox, Section } from '../components';

type FormsData = ApiResult<'getFormsData'>;
type Values = Record<string, string | string[]>;

const TITLES: Record<FormKey, string> = {
  mentors: 'Добавить наставника',
  mentees: 'Добавить наставляемого',
  pairs: 'Создать пару или группу',
};
const EDIT_TITLES: Record<FormKey, string> = {
  mentors: 'Изменить наставника',
  mentees: 'Изменить наставляемого',
  pairs: 'Изменить пару или группу',
};

/** Fields shown in the form (the ID is given by the add-on; pair people have their own pickers). */
function visibleFields(kind: FormKey, fields: FieldInfo[]): FieldInfo[] {
  return fields.filter((f) => f.field !== 'id' && !(kind === 'pairs' && (f.field === 'mentor' || f.field === 'mentees')));
}

function hint(f: FieldInfo): string | undefined {
  if (f.kind === 'dateOrYes') return 'дата ДД.ММ.ГГГГ или «да»';
  if (f.kind === 'list') return 'через «;»';
  if (f.kind === 'phone') return '+7 912 345-67-89';
  return undefined;
}

function FieldInput({ f, value, error, onChange }: { f: FieldInfo; value: string | string[] | undefined; error?: string; onChange: (v: string | string[]) => void }) {
  const id = `forms-${f.field}`;
  const text = Array.isArray(value) ? value.join('; ') : (value ?? '');
  let control;
  if (f.options && f.multiple) {
    const chosen = Array.isArray(value) ? value : text ? text.split(/\s*;\s*/) : [];
    control = (
      <div class="forms-checks" id={id}>
        {f.options.map((o) => (
          <label key={o} class="forms-check">
            <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? [...chosen, o] : chosen.filter((c) => c !== o))} />
            {o}
          </label>
        ))}
      </div>
    );
  } else if (f.options) {
    control = (
      <select id={id} value={text} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">—</option>
        {text && !f.options.includes(text) && <option value={text}>{text}</option>}
        {f.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (f.field === 'request' || f.field === 'result') {
    control = <textarea id={id} rows={2} value={text} onInput={(e) => onChange((e.currentTarget as HTMLTextAreaElement).value)} />;
  } else {
    const onInput = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
    if (f.kind === 'date') control = <input id={id} type="date" value={text} onInput={onInput} />;
    else if (f.kind === 'int') control = <input id={id} type="number" min={0} value={text} onInput={onInput} />;
    else if (f.kind === 'email') control = <input id={id} type="email" value={text} onInput={onInput} />;
    else control = <input id={id} type="text" placeholder={hint(f)} value={text} onInput={onInput} />;
  }
  return (
    <div class="forms-field">
      <label for={id}>
        {f.label}
        {f.required && <span class="forms-req"> *</span>}
      </label>
      {control}
      {error && <div class="field-error">{error}</div>}
    </div>
  );
}

/** A searchable list of people: type to filter by name or ID; one or several may be picked. */
function PersonPicker({ label, people, value, multiple, error, onChange }: { label: string; people: PersonBrief[]; value: string[]; multiple: boolean; error?: string; onChange: (ids: string[]) => void }) {
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const t = q.trim().toLowerCase().replace(/ё/g, 'е');
    const hits = t ? people.filter((p) => `${p.id} ${p.fullName}`.toLowerCase().replace(/ё/g, 'е').includes(t)) : people;
    return hits.slice(0, 30);
  }, [q, people]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const toggle = (id: string) => {
    if (!multiple) onChange([id]);
    else onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);
  };
  return (
    <div class="forms-field">
      <label>
        {label} <span class="forms-req">*</span>
      </label>
      {value.length > 0 && (
        <div class="forms-chosen">
          {value.map((id) => (
            <button type="button" key={id} class="forms-chip" title="Убрать" onClick={() => onChange(value.filter((v) => v !== id))}>
              {byId.get(id)?.fullName ?? id} ({id}) ×
            </button>
          ))}
        </div>
      )}
      <input type="search" placeholder="Поиск по ФИО или ID" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} aria-label={`${label}: поиск`} />
      <ul class="list forms-people">
        {shown.map((p) => (
          <li key={p.id} class={value.includes(p.id) ? 'clickable forms-picked' : 'clickable'} onClick={() => toggle(p.id)}>
            {p.fullName} <span class="muted">
              {p.id} · {p.category}
              {p.organization ? ` · ${p.organization}` : ''}
            </span>
            {!p.consent && <span class="badge warning">нет согласия ПДн</span>}
          </li>
        ))}
        {shown.length === 0 && <li class="muted">Никого не найдено</li>}
      </ul>
      {error && <div class="field-error">{error}</div>}
    </div>
  );
}

const asList = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

export function Forms() {
  const formsData = useCall('getFormsData');
  const atCursor = useCall('getRecordAtCursor');
  const savers = { mentors: useCall('saveMentor'), mentees: useCall('saveMentee'), pairs: useCall('savePair') };
  const [kind, setKind] = useState<FormKey>('mentors');
  const [values, setValues] = useState<Values>({});
  const [edit, setEdit] = useState<RowRef | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  // A refusal the server answered with (not a failure of the call itself).
  const [refusal, setRefusal] = useState<string | null>(null);
  const data: FormsData | null = formsData.data;
  const saver = savers[kind];
  const busy = formsData.loading ? 'Читаю реестры…' : atCursor.loading ? 'Открываю строку…' : saver.loading ? 'Сохраняю…' : null;
  const error = formsData.error ?? atCursor.error ?? saver.error ?? refusal;

  useEffect(() => {
    void formsData.run();
  }, []);

  const reset = (k: FormKey) => {
    setKind(k);
    setValues({});
    setEdit(null);
    setErrors({});
    setMessage(null);
    setWarnings([]);
    setRefusal(null);
  };

  const openAtCursor = async () => {
    setRefusal(null);
    setMessage(null);
    const rec = await atCursor.run();
    if (!rec) return;
    if (!rec.ok) {
      setRefusal(rec.message);
      return;
    }
    setKind(rec.kind);
    setValues(rec.values);
    setEdit(rec.rowRef);
    setErrors({});
    setWarnings([]);
    setMessage(`Открыта строка ${rec.row} листа «${rec.sheet}»${rec.valid ? '' : ' (в ней есть ошибки — см. поля)'}.`);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setRefusal(null);
    setMessage(null);
    const res: SaveResult | null = await saver.run(values, edit ?? undefined);
    if (!res) return;
    if (!res.ok) {
      setErrors(res.errors);
      setRefusal(res.message);
      return;
    }
    setErrors({});
    setWarnings(res.warnings);
    setMessage(res.message);
    if (res.created) setValues({});
    void formsData.run();
  };

  const set = (field: string) => (v: string | string[]) => setValues((s) => ({ ...s, [field]: v }));
  const fields = data ? visibleFields(kind, data.fields[kind]) : [];

  return (
    <Section title={edit ? `${EDIT_TITLES[kind]} ${edit.id}` : TITLES[kind]}>
      <div class="forms-kinds" role="tablist">
        {(Object.keys(TITLES) as FormKey[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === kind && !edit} class={k === kind && !edit ? 'tab active' : 'tab'} onClick={() => reset(k)}>
            {k === 'mentors' ? 'Наставник' : k === 'mentees' ? 'Наставляемый' : 'Пара / группа'}
          </button>
        ))}
      </div>
      <button type="button" class="secondary" onClick={openAtCursor} disabled={!!busy}>
        Открыть строку под курсором
      </button>
      {busy && <Busy text={busy} />}
      <ErrorBox error={error} />
      {message && <p class="ok">{message}</p>}
      {warnings.map((w) => (
        <p key={w} class="warn">
          {w}
        </p>
      ))}
      {data && data.missing.length > 0 && <p class="warn">Нет листов: {data.missing.join(', ')}. Выберите в меню «Настроить таблицу».</p>}
      {data && (
        <form onSubmit={submit}>
          {!edit && kind !== 'pairs' && <p class="muted">Будет присвоен ID {data.nextIds[kind]}.</p>}
          {kind === 'pairs' && (
            <>
              {!edit && <p class="muted">Будет присвоен ID {data.nextIds.pairs}. Закрепить можно только участников с согласием на обработку ПДн.</p>}
              <PersonPicker label="Наставник" people={data.mentors} value={asList(values.mentor)} multiple={false} error={errors.mentor} onChange={(ids) => set('mentor')(ids[0] ?? '')} />
              <PersonPicker label="Наставляемые" people={data.mentees} value={asList(values.mentees)} multiple error={errors.mentees} onChange={set('mentees')} />
            </>
          )}
          {fields.map((f) => (
            <FieldInput key={f.field} f={f} value={values[f.field] ?? (kind === 'pairs' && f.field === 'status' && !edit ? 'формируется' : undefined)} error={errors[f.field]} onChange={set(f.field)} />
          ))}
          {errors.id && <div class="field-error">{errors.id}</div>}
          <button type="submit" class="primary" disabled={!!busy}>
            {edit ? 'Сохранить изменения' : 'Добавить'}
          </button>
          {edit && (
            <button type="button" class="secondary" onClick={() => reset(kind)}>
              Новая запись
            </button>
          )}
        </form>
      )}
    </Section>
  );
}
