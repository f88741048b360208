// Server functions of this capability; filled in by its issue.
import { setupSpreadsheet } from './setup';
import { checkApi } from './check';

export const registersApi = {
  ...checkApi,
  setupSpreadsheet,
};
