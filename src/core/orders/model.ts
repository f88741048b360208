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

/**
 * Which part of an order a block belongs to. A curator's template (letterhead) replaces 'head'
 * and receives the others at its placeholders: 'text' at {{Текст приказа}}, 'signature' at
 * {{Подпись}}, 'appendix' at {{Таблица пар}}.
 */
export type OrderPart = 'head' | 'text' | 'signature' | 'appendix';

export type Block = (
  | { type: 'paragraph'; runs: TextRun[]; align?: Align; indentFirstLine?: boolean; spaceAfter?: number }
  /** A numbered list; `continues` carries on the numbering of the previous numbered block. */
  | { type: 'numbered'; items: TextRun[][]; start?: number; continues?: boolean }
  /** header may be empty (no header row); a borderless table lays out lists such as «С приказом ознакомлены». */
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[]; borderless?: boolean }
  | { type: 'signature'; position: string; name: string }
  /** Two texts on one line, left and right (date and number of the order). */
  | { type: 'split'; left: TextRun[]; right: TextRun[] }
  | { type: 'pageBreak' }
) & { part?: OrderPart };

/** The order's requisites, for templates' placeholders. */
export interface OrderFields {
  orgName: string;
  number: string;
  /** ISO date. */
  date: string;
  /** «15 февраля 2021 г.» */
  dateText: string;
  /** «О закреплении наставнических пар (групп)» */
  heading: string;
  /** «Директор Т.Н. Кудрявцева» as one line. */
  signatureText: string;
}

export interface DocModel {
  title: string;
  fontFamily: string;
  fontSize: number;
  blocks: Block[];
  /** Present for orders: lets a template put the parts at its placeholders. */
  fields?: OrderFields;
}

/** Placeholders a curator's template may hold, «{{…}}». */
export const TEMPLATE_PLACEHOLDERS = [
  'Название организации',
  'Номер приказа',
  'Дата приказа',
  'Заголовок',
  'Текст приказа',
  'Подпись',
  'Таблица пар',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Placeholders replaced by text inside a paragraph (the others replace whole paragraphs). */
export function inlineValues(fields: OrderFields): Record<string, string> {
  return {
    'Название организации': fields.orgName,
    'Номер приказа': fields.number,
    'Дата приказа': fields.dateText,
    Заголовок: fields.heading,
  };
}

/** The placeholders «{{name}}» in a text, in order. */
export function findPlaceholders(text: string): string[] {
  const out: string[] = [];
  const re = /\{\{\s*([^{}]*?)\s*\}\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1]);
  return out;
}

/** The placeholders of a template that this version does not know. */
export function unknownPlaceholders(texts: string[]): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const unknown = new Set<string>();
  for (const t of texts) for (const p of findPlaceholders(t)) if (!known.has(p)) unknown.add(p);
  return [...unknown];
}

/** Escapes a literal for a regular expression (Body.findText takes RE2 patterns). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Plain text of a model, for previews and tests. */
export function modelText(model: DocModel): string {
  const runs = (r: TextRun[]) => r.map((x) => x.text).join('');
  const lines: string[] = [];
  for (const b of model.blocks) {
    if (b.type === 'paragraph') lines.push(runs(b.runs));
    else if (b.type === 'numbered') b.items.forEach((it) => lines.push(runs(it)));
    else if (b.type === 'table') for (const r of [b.header, ...b.rows]) lines.push(r.join(' | '));
    else if (b.type === 'signature') lines.push(`${b.position}\t${b.name}`);
    else if (b.type === 'split') lines.push(`${runs(b.left)}\t${runs(b.right)}`);
  }
  return lines.join('\n');
}
