import type { DocumentsPort } from '../app/context';
import { UserError } from '../app/port';

/** .docx renderer of the order document model for the CLI and the preview (filled in by the orders issue). */
export function docxDocuments(_outDir: string): DocumentsPort {
  return {
    create() {
      throw new UserError('Формирование приказов появится в следующей версии.');
    },
  };
}
