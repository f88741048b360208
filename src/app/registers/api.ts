// Server functions of this capability; filled in by its issue.
import { setupSpreadsheet } from './setup';

export const registersApi = {
  setupSpreadsheet,
};
