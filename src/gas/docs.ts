import type { DocumentsPort } from '../app/context';
import { UserError } from '../app/port';

/** Google Docs renderer of the order document model (filled in by the orders issue). */
export function gasDocuments(): DocumentsPort {
  return {
    create() {
      throw new UserError('Формирование приказов появится в следующей версии.');
    },
  };
}
