/** Result types of the roadmap importer (issue «Roadmaps», item 1). */

export interface ImportedItem {
  number?: string;
  section?: string;
  title: string;
  details?: string;
  deadline?: string;
  responsible?: string;
  result?: string;
  /** The item's section is marked «(ежегодно)»: it repeats every year of the period. */
  recurrence?: 'yearly';
  /** Where the item starts: a 1-based line of the text, or a 1-based row of the table. */
  source?: { line?: number; row?: number };
}

export interface ImportedRoadmap {
  /** Stated by the document, ISO dates. */
  period?: { start: string; end: string };
  /** Stated shares of pupils involved, by year. */
  targets: Array<{ year: number; share: number }>;
  items: ImportedItem[];
  /** Russian, each naming the line (or table row) it is about. */
  warnings: string[];
}
