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

/**
 * A document as the .docx and Google Doc readers give it: every top-level table on its grid
 * (rows of cell texts, merged cells resolved) and the non-empty paragraphs outside the tables,
 * in document order (the title and preamble state the period and the targets).
 */
export interface DocumentTables {
  tables: string[][][];
  paragraphs: string[];
}
