import type { AppContext } from '../context';
import { UserError } from '../port';
import { importRoadmapTables, importRoadmapText } from '../../core/roadmap/import';
import { writeImportedRoadmap } from './importSheet';
import { highlightDeadlines, evaluateLoaded } from './highlight';
import { sendDeadlineDigest } from './digest';
import { refreshReminderSnapshot, reminderState, setDeadlineReminders, snapshotLabel, withReminderNote } from './reminders';
import { loadRegisters } from '../registers/load';
import { STATUS_LABELS } from '../../core/roadmap/evaluate';

const MAX_PASTE = 500_000;

export const roadmapApi = {
  /** A table pasted into the sidebar (tab-separated from Word or a PDF viewer) or plain text. */
  importRoadmapFromText(ctx: AppContext, text: string) {
    if (typeof text !== 'string' || !text.trim()) throw new UserError('Вставьте текст или таблицу дорожной карты.');
    if (text.length > MAX_PASTE) throw new UserError('Текст слишком большой (более 500 000 знаков): импортируйте документ по частям.');
    return withReminderNote(writeImportedRoadmap(ctx, importRoadmapText(text)), refreshReminderSnapshot(ctx));
  },

  /** A Google Doc (link or ID) holding the roadmap table. */
  importRoadmapFromDoc(ctx: AppContext, ref: string) {
    if (!ctx.docs?.readDocument) throw new UserError('Импорт из документа недоступен в этом режиме: вставьте таблицу текстом.');
    const { tables, paragraphs } = ctx.docs.readDocument(String(ref ?? '').trim());
    if (!tables.length) throw new UserError('В документе нет таблиц: вставьте текст дорожной карты в поле ниже.');
    // The same import as a .docx (`nastavnik roadmap`): the paragraphs give the period and targets.
    return withReminderNote(writeImportedRoadmap(ctx, importRoadmapTables(tables, paragraphs)), refreshReminderSnapshot(ctx));
  },

  /** Menu «Подсветить сроки». */
  highlightDeadlines(ctx: AppContext) {
    return withReminderNote(highlightDeadlines(ctx), refreshReminderSnapshot(ctx));
  },

  /** The «Сроки» view: items that need attention first. */
  getDeadlines(ctx: AppContext) {
    // First: it may refresh the reminders' snapshot, which reads the roadmap itself.
    const reminders = reminderState(ctx);
    const reg = loadRegisters(ctx.wb, { only: ['roadmap'] });
    const asOf = ctx.today();
    const order = { overdue: 0, soon: 1, 'in-progress': 2, upcoming: 3, 'no-date': 4, done: 5 } as const;
    const items = evaluateLoaded(reg, asOf)
      .map((e) => ({
        row: e.row + 1,
        number: e.item.number ?? '',
        title: e.item.title ?? '',
        deadline: e.item.deadline ?? '',
        responsible: e.item.responsible ?? '',
        status: e.status,
        statusLabel: STATUS_LABELS[e.status],
        nextDue: e.next?.due ?? null,
        understood: e.parsed.understood,
      }))
      .sort((a, b) => order[a.status] - order[b.status] || (a.nextDue ?? '9').localeCompare(b.nextDue ?? '9'));
    return {
      asOf,
      sheet: reg.sheets.roadmap?.name ?? null,
      items,
      reminders: reminders.on,
      remindersNote: reminders.note ?? (reminders.on ? snapshotLabel(reminders.snapshotDate) : null),
    };
  },

  /** «Отправить сейчас»; also the daily trigger's handler when it has the spreadsheet (src/gas/main.ts). */
  sendDeadlineDigest(ctx: AppContext) {
    const { result, reg } = sendDeadlineDigest(ctx);
    return reg ? withReminderNote(result, refreshReminderSnapshot(ctx, reg)) : result;
  },

  setDeadlineReminders(ctx: AppContext, on: boolean) {
    return setDeadlineReminders(ctx, on === true);
  },
};
