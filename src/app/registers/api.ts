// Server functions of this capability; filled in by its issue.
import { setupSpreadsheet } from './setup';
import { getFormsData, getRecordAtCursor, getSettingsForm, saveMentee, saveMentor, savePair, saveSettings } from './forms';
import { checkApi, checkAndHighlight } from './check';
import type { AppContext } from '../context';
import { afterSettingsSaved, refreshReminderSnapshot, withReminderNote } from '../roadmap/reminders';

export const registersApi = {
  ...checkApi,
  /** Mentors' e-mails may have changed: the reminders' snapshot follows. */
  checkAndHighlight(ctx: AppContext) {
    return withReminderNote(checkAndHighlight(ctx), refreshReminderSnapshot(ctx));
  },
  setupSpreadsheet,
  getFormsData,
  saveMentor,
  saveMentee,
  savePair,
  getRecordAtCursor,
  getSettingsForm,
  saveSettings(ctx: AppContext, values: Parameters<typeof saveSettings>[1]) {
    const saved = saveSettings(ctx, values);
    const note = saved.ok ? afterSettingsSaved(ctx) : null;
    return note ? { ...saved, message: `${saved.message} ${note}` } : saved;
  },
};
