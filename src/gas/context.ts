import type { AppContext } from '../app/context';

/** Builds the Apps Script context (filled in by the foundation's adapter work). */
export function gasContext(): AppContext {
  throw new Error('gas adapter not built yet');
}
