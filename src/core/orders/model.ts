/**
 * The document model of an order (приказ): one model, two renderers (Google Docs and .docx).
 * Layout after ГОСТ Р 7.0.97-2025.
 */
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { type: 'paragraph'; runs: TextRun[]; align?: Align; indentFirstLine?: boolean; spaceAfter?: number }
  | { type: 'numbered'; items: TextRun[][]; start?: number }
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { type: 'signature'; position: string; name: string }
  | { type: 'pageBreak' };

export interface DocModel {
  title: string;
  fontFamily: string;
  fontSize: number;
  blocks: Block[];
}
