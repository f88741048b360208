// Server functions of this capability; filled in by its issue.
import { setupSpreadsheet } from './setup';
import { getFormsData, getRecordAtCursor, getSettingsForm, saveMentee, saveMentor, savePair, saveSettings } from './forms';
import { checkApi } from './check';

export const registersApi = {
  ...checkApi,
  setupSpreadsheet,
  getFormsData,
  saveMentor,
  saveMentee,
  savePair,
  getRecordAtCursor,
  getSettingsForm,
  saveSettings,
};
