/**
 * In-memory DocumentApp and DriveApp. A document is a tree: Body/Header/Footer → Paragraph,
 * ListItem, Table → TableRow → TableCell → Paragraph. A new document's body holds one empty
 * paragraph, as in Google Docs. After saveAndClose() edits throw, as they do in Apps Script.
 *
 * replaceText(pattern, replacement): the pattern is a regular-expression string (JS RegExp stands
 * in for RE2). The replacement follows Java Matcher rules, which the Docs service inherits:
 * `$n` inserts group n, `\x` inserts x literally, and a `$` not followed by a digit throws
 * "Illegal group reference". So data containing `$` or `\` must be escaped by the renderer.
 * Matching never crosses paragraph boundaries.
 *
 * Text: a paragraph's own Text holds per-range styles. editAsText() of a Table, TableRow,
 * TableCell or Body is one Text over every paragraph inside: a setter without offsets (setBold(true),
 * setFontSize(12)) styles all of them at once, which is what lets the renderer style a whole table
 * in one call. Offsets over such a Text are not modelled and throw rather than pretend.
 * Paragraphs may not contain "\n": as the Paragraph reference says, it becomes a line break "\r"
 * (one paragraph). A string cell given to appendTable/insertTable is split into paragraphs at "\n"
 * (what the service does there is not documented; the renderer never relies on it).
 */
import { fail } from './sheets';

const ParagraphHeading = {
  NORMAL: 'NORMAL', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING1', HEADING2: 'HEADING2', HEADING3: 'HEADING3', HEADING4: 'HEADING4', HEADING5: 'HEADING5', HEADING6: 'HEADING6',
} as const;
const HorizontalAlignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' } as const;
const VerticalAlignment = { TOP: 'TOP', CENTER: 'CENTER', BOTTOM: 'BOTTOM' } as const;
const GlyphType = { BULLET: 'BULLET', HOLLOW_BULLET: 'HOLLOW_BULLET', SQUARE_BULLET: 'SQUARE_BULLET', NUMBER: 'NUMBER', LATIN_UPPER: 'LATIN_UPPER', LATIN_LOWER: 'LATIN_LOWER', ROMAN_UPPER: 'ROMAN_UPPER', ROMAN_LOWER: 'ROMAN_LOWER' } as const;
const ElementType = {
  BODY_SECTION: 'BODY_SECTION', HEADER_SECTION: 'HEADER_SECTION', FOOTER_SECTION: 'FOOTER_SECTION', PARAGRAPH: 'PARAGRAPH', LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE', TABLE_ROW: 'TABLE_ROW', TABLE_CELL: 'TABLE_CELL', TEXT: 'TEXT', PAGE_BREAK: 'PAGE_BREAK', HORIZONTAL_RULE: 'HORIZONTAL_RULE',
} as const;
const Attribute = {
  BOLD: 'BOLD', ITALIC: 'ITALIC', UNDERLINE: 'UNDERLINE', FONT_SIZE: 'FONT_SIZE', FONT_FAMILY: 'FONT_FAMILY', HORIZONTAL_ALIGNMENT: 'HORIZONTAL_ALIGNMENT',
  HEADING: 'HEADING', INDENT_FIRST_LINE: 'INDENT_FIRST_LINE', INDENT_START: 'INDENT_START', INDENT_END: 'INDENT_END', SPACING_BEFORE: 'SPACING_BEFORE',
  SPACING_AFTER: 'SPACING_AFTER', LINE_SPACING: 'LINE_SPACING', MARGIN_TOP: 'MARGIN_TOP', MARGIN_BOTTOM: 'MARGIN_BOTTOM', MARGIN_LEFT: 'MARGIN_LEFT',
  MARGIN_RIGHT: 'MARGIN_RIGHT', PAGE_WIDTH: 'PAGE_WIDTH', PAGE_HEIGHT: 'PAGE_HEIGHT',
} as const;

/** Java Matcher replacement semantics (see header comment). */
export function javaReplacement(replacement: string, groups: string[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) fail('character to be escaped is missing');
      out += replacement[i];
    } else if (ch === '$') {
      const m = /^\d+/.exec(replacement.slice(i + 1));
      if (!m) fail('Illegal group reference');
      // Java takes the longest group number that exists.
      let digits = m[0];
      while (digits.length > 1 && Number(digits) >= groups.length) digits = digits.slice(0, -1);
      const n = Number(digits);
      if (n >= groups.length) fail(`No group ${n}`);
      out += groups[n] ?? '';
      i += digits.length;
    } else {
      out += ch;
    }
  }
  return out;
}

interface Style {
  start: number;
  end: number; // inclusive
  attr: string;
  value: unknown;
}

/** Owner of the closed flag, shared by every element of one document. */
interface DocRef {
  closed: boolean;
}

function checkOpen(doc: DocRef) {
  if (doc.closed) fail('Document is closed, its contents cannot be updated.');
}

abstract class FakeElement {
  abstract readonly __type: string;
  parent: FakeContainer | null = null;
  attrs: Record<string, unknown> = {};
  constructor(readonly doc: DocRef) {}
  abstract getText(): string;
  abstract getType(): string;
  abstract copy(): FakeElement;
  getParent() {
    return this.parent;
  }
  removeFromParent() {
    checkOpen(this.doc);
    this.parent?.removeChild(this as unknown as Child);
    return this;
  }
  getAttributes() {
    return { ...this.attrs };
  }
  setAttributes(a: Record<string, unknown>) {
    checkOpen(this.doc);
    Object.assign(this.attrs, a);
    return this;
  }
  /** Element.asParagraph() and the like: the element as its own type, or an error for another. */
  private cast(type: string) {
    if (this.getType() !== type) fail(`Cannot cast element of type ${this.getType()} to ${type}.`);
    return this;
  }
  asParagraph() {
    return this.cast(ElementType.PARAGRAPH);
  }
  asListItem() {
    return this.cast(ElementType.LIST_ITEM);
  }
  asTable() {
    return this.cast(ElementType.TABLE);
  }
  asTableRow() {
    return this.cast(ElementType.TABLE_ROW);
  }
  asTableCell() {
    return this.cast(ElementType.TABLE_CELL);
  }
  protected set(attr: string, v: unknown) {
    checkOpen(this.doc);
    this.attrs[attr] = v;
    return this;
  }
}

/** The Text element of a paragraph, with per-range styles. */
export class FakeText {
  readonly __type = 'Text';
  styles: Style[] = [];
  constructor(
    readonly doc: DocRef,
    public text: string,
  ) {}
  getText() {
    return this.text;
  }
  getType() {
    return ElementType.TEXT;
  }
  setText(t: string) {
    checkOpen(this.doc);
    this.text = String(t);
    this.styles = [];
    return this;
  }
  appendText(t: string) {
    checkOpen(this.doc);
    this.text += String(t);
    return this;
  }
  insertText(offset: number, t: string) {
    checkOpen(this.doc);
    if (offset < 0 || offset > this.text.length) fail('Index out of bounds');
    this.text = this.text.slice(0, offset) + t + this.text.slice(offset);
    return this;
  }
  deleteText(start: number, endInclusive: number) {
    checkOpen(this.doc);
    if (start < 0 || endInclusive >= this.text.length || start > endInclusive) fail('Index out of bounds');
    this.text = this.text.slice(0, start) + this.text.slice(endInclusive + 1);
    return this;
  }
  private style(attr: string, args: unknown[]) {
    checkOpen(this.doc);
    if (args.length >= 3) {
      const [s, e, v] = args as [number, number, unknown];
      if (s < 0 || e >= this.text.length || s > e) fail('Index out of bounds');
      this.styles.push({ start: s, end: e, attr, value: v });
    } else {
      this.styles.push({ start: 0, end: Math.max(0, this.text.length - 1), attr, value: args[0] });
    }
    return this;
  }
  /** Style at an offset (last one wins), for tests. */
  styleAt(offset: number, attr: string): unknown {
    let v: unknown = null;
    for (const s of this.styles) if (s.attr === attr && offset >= s.start && offset <= s.end) v = s.value;
    return v;
  }
  setBold(...a: unknown[]) {
    return this.style(Attribute.BOLD, a);
  }
  setItalic(...a: unknown[]) {
    return this.style(Attribute.ITALIC, a);
  }
  setUnderline(...a: unknown[]) {
    return this.style(Attribute.UNDERLINE, a);
  }
  setFontSize(...a: unknown[]) {
    return this.style(Attribute.FONT_SIZE, a);
  }
  setFontFamily(...a: unknown[]) {
    return this.style(Attribute.FONT_FAMILY, a);
  }
  /** A getter: the setting at an offset, or without one that of every character (null if mixed). */
  private setting(attr: string, offset?: number): unknown {
    if (offset !== undefined) return this.styleAt(offset, attr);
    const seen = new Set<unknown>();
    for (let i = 0; i < this.text.length; i++) seen.add(this.styleAt(i, attr));
    return seen.size === 1 ? [...seen][0] : null;
  }
  isBold(offset?: number) {
    return this.setting(Attribute.BOLD, offset);
  }
  isItalic(offset?: number) {
    return this.setting(Attribute.ITALIC, offset);
  }
  getFontSize(offset?: number) {
    return this.setting(Attribute.FONT_SIZE, offset);
  }
  getFontFamily(offset?: number) {
    return this.setting(Attribute.FONT_FAMILY, offset);
  }
  replaceText(pattern: string, replacement: string) {
    checkOpen(this.doc);
    const re = new RegExp(pattern, 'g');
    this.text = this.text.replace(re, (...m: unknown[]) => {
      const groupCount = m.length - 3 - (typeof m[m.length - 1] === 'object' ? 1 : 0);
      const groups = m.slice(0, groupCount + 1).map((g) => (g === undefined ? '' : String(g)));
      return javaReplacement(replacement, groups);
    });
    return this;
  }
  findText(pattern: string) {
    const m = new RegExp(pattern).exec(this.text);
    if (!m) return null;
    return { __type: 'RangeElement', getElement: () => this, getStartOffset: () => m.index, getEndOffsetInclusive: () => m.index + m[0].length - 1, isPartial: () => true };
  }
}

/** "\n" in a paragraph's text is a line break "\r" (Paragraph reference). */
const lineBreaks = (t: unknown) => String(t).replace(/\n/g, '\r');

/**
 * editAsText() of a table, row, cell or section: one Text over the paragraphs inside. Setters
 * without offsets style every paragraph (empty ones included); offsets are not modelled.
 */
export class FakeElementText {
  readonly __type = 'Text';
  constructor(
    readonly doc: DocRef,
    private readonly parts: () => FakeText[],
  ) {}
  getText() {
    return this.parts().map((p) => p.text).join('\n');
  }
  getType() {
    return ElementType.TEXT;
  }
  private all(setter: 'setBold' | 'setItalic' | 'setUnderline' | 'setFontSize' | 'setFontFamily', args: unknown[]) {
    checkOpen(this.doc);
    if (args.length !== 1) fail(`The fake models ${setter} over a whole table or section only without offsets.`);
    for (const p of this.parts()) p[setter](args[0]);
    return this;
  }
  setBold(...a: unknown[]) {
    return this.all('setBold', a);
  }
  setItalic(...a: unknown[]) {
    return this.all('setItalic', a);
  }
  setUnderline(...a: unknown[]) {
    return this.all('setUnderline', a);
  }
  setFontSize(...a: unknown[]) {
    return this.all('setFontSize', a);
  }
  setFontFamily(...a: unknown[]) {
    return this.all('setFontFamily', a);
  }
  /** A getter without offset: the setting of every character, or null when they differ. */
  private uniform(attr: string, args: unknown[]): unknown {
    if (args.length) fail('The fake models getters over a whole table or section only without an offset.');
    const seen = new Set<unknown>();
    for (const p of this.parts()) for (let i = 0; i < p.text.length; i++) seen.add(p.styleAt(i, attr));
    return seen.size === 1 ? [...seen][0] : null;
  }
  isBold(...a: unknown[]) {
    return this.uniform(Attribute.BOLD, a);
  }
  isItalic(...a: unknown[]) {
    return this.uniform(Attribute.ITALIC, a);
  }
  getFontSize(...a: unknown[]) {
    return this.uniform(Attribute.FONT_SIZE, a);
  }
  getFontFamily(...a: unknown[]) {
    return this.uniform(Attribute.FONT_FAMILY, a);
  }
}

export class FakeParagraph extends FakeElement {
  readonly __type: string = 'Paragraph';
  readonly textEl: FakeText;
  pageBreakAfter = false;
  constructor(doc: DocRef, text = '') {
    super(doc);
    this.textEl = new FakeText(doc, lineBreaks(text));
  }
  getType(): string {
    return ElementType.PARAGRAPH;
  }
  getText() {
    return this.textEl.text;
  }
  setText(t: string) {
    this.textEl.setText(lineBreaks(t));
    return this;
  }
  appendText(t: string) {
    checkOpen(this.doc);
    this.textEl.appendText(lineBreaks(t));
    return this.textEl;
  }
  editAsText() {
    return this.textEl;
  }
  appendPageBreak() {
    checkOpen(this.doc);
    this.pageBreakAfter = true;
    return { __type: 'PageBreak', getType: () => ElementType.PAGE_BREAK };
  }
  replaceText(p: string, r: string) {
    this.textEl.replaceText(p, r);
    return this;
  }
  findText(p: string) {
    return this.textEl.findText(p);
  }
  setAlignment(a: string) {
    return this.set(Attribute.HORIZONTAL_ALIGNMENT, a);
  }
  getAlignment() {
    return this.attrs[Attribute.HORIZONTAL_ALIGNMENT] ?? null;
  }
  setHeading(h: string) {
    return this.set(Attribute.HEADING, h);
  }
  getHeading() {
    return this.attrs[Attribute.HEADING] ?? ParagraphHeading.NORMAL;
  }
  setBold(b: boolean) {
    this.textEl.setBold(b);
    return this.set(Attribute.BOLD, b);
  }
  setItalic(b: boolean) {
    this.textEl.setItalic(b);
    return this.set(Attribute.ITALIC, b);
  }
  setFontSize(n: number) {
    this.textEl.setFontSize(n);
    return this.set(Attribute.FONT_SIZE, n);
  }
  setFontFamily(f: string) {
    this.textEl.setFontFamily(f);
    return this.set(Attribute.FONT_FAMILY, f);
  }
  setIndentFirstLine(n: number) {
    return this.set(Attribute.INDENT_FIRST_LINE, n);
  }
  getIndentFirstLine() {
    return this.attrs[Attribute.INDENT_FIRST_LINE] ?? null;
  }
  setIndentStart(n: number) {
    return this.set(Attribute.INDENT_START, n);
  }
  setIndentEnd(n: number) {
    return this.set(Attribute.INDENT_END, n);
  }
  setSpacingBefore(n: number) {
    return this.set(Attribute.SPACING_BEFORE, n);
  }
  setSpacingAfter(n: number) {
    return this.set(Attribute.SPACING_AFTER, n);
  }
  getSpacingAfter() {
    return this.attrs[Attribute.SPACING_AFTER] ?? null;
  }
  setLineSpacing(n: number) {
    return this.set(Attribute.LINE_SPACING, n);
  }
  isAtDocumentEnd() {
    const p = this.parent;
    return !!p && p.__type === 'Body' && p.children[p.children.length - 1] === this;
  }
  copy(): FakeParagraph {
    const c = new FakeParagraph(this.doc, this.getText());
    copyInto(this, c);
    return c;
  }
}

function copyInto(from: FakeParagraph, to: FakeParagraph) {
  to.attrs = { ...from.attrs };
  to.textEl.styles = from.textEl.styles.map((s) => ({ ...s }));
  to.pageBreakAfter = from.pageBreakAfter;
}

export class FakeListItem extends FakeParagraph {
  override readonly __type: string = 'ListItem';
  glyph: string = GlyphType.BULLET;
  nesting = 0;
  listId = 'list-1';
  override getType() {
    return ElementType.LIST_ITEM;
  }
  setGlyphType(g: string) {
    checkOpen(this.doc);
    this.glyph = g;
    return this;
  }
  getGlyphType() {
    return this.glyph;
  }
  setNestingLevel(n: number) {
    checkOpen(this.doc);
    this.nesting = n;
    return this;
  }
  getNestingLevel() {
    return this.nesting;
  }
  setListId(other: FakeListItem) {
    this.listId = other.listId;
    return this;
  }
  getListId() {
    return this.listId;
  }
  override copy(): FakeListItem {
    const c = new FakeListItem(this.doc, this.getText());
    copyInto(this, c);
    Object.assign(c, { glyph: this.glyph, nesting: this.nesting, listId: this.listId });
    return c;
  }
}

export class FakeTableCell extends FakeElement {
  readonly __type = 'TableCell';
  paragraphs: FakeParagraph[];
  /** Set by FakeTable._merge on the upper-left cell of a merged area. */
  span?: { rows: number; cols: number };
  /** Set by FakeTable._merge on the cells the area covers. */
  covered = false;
  constructor(doc: DocRef, text = '') {
    super(doc);
    this.paragraphs = String(text).split('\n').map((t) => this.adopt(new FakeParagraph(doc, t)));
  }
  private adopt<T extends FakeParagraph>(p: T): T {
    p.parent = this as unknown as FakeContainer;
    return p;
  }
  getType() {
    return ElementType.TABLE_CELL;
  }
  getText() {
    return this.paragraphs.map((p) => p.getText()).join('\n');
  }
  setText(t: string) {
    checkOpen(this.doc);
    this.paragraphs = [this.adopt(new FakeParagraph(this.doc, t))];
    return this;
  }
  editAsText() {
    return new FakeElementText(this.doc, () => this.paragraphs.map((p) => p.textEl));
  }
  getNumChildren() {
    return this.paragraphs.length;
  }
  getChild(i: number) {
    return this.paragraphs[i] ?? fail('Child index out of bounds');
  }
  appendParagraph(t: string | FakeParagraph) {
    checkOpen(this.doc);
    const p = typeof t === 'string' ? new FakeParagraph(this.doc, t) : t;
    this.paragraphs.push(this.adopt(p));
    return p;
  }
  appendListItem(t: string | FakeListItem) {
    checkOpen(this.doc);
    const p = typeof t === 'string' ? new FakeListItem(this.doc, t) : t;
    this.paragraphs.push(this.adopt(p));
    return p;
  }
  getParagraphs() {
    return this.paragraphs.slice();
  }
  /**
   * The reference: the number of rows (columns) the cell spans, 1 for a cell not merged. The
   * cells a merge covers (left in their rows, empty, see FakeTable._merge) report 0 here, which
   * the reference does not say: the reader asks only cells with text, so it does not rely on it.
   */
  getRowSpan() {
    return this.covered ? 0 : (this.span?.rows ?? 1);
  }
  getColSpan() {
    return this.covered ? 0 : (this.span?.cols ?? 1);
  }
  setWidth(w: number) {
    return this.set('WIDTH', w);
  }
  setBackgroundColor(c: string) {
    return this.set('BACKGROUND_COLOR', c);
  }
  setVerticalAlignment(a: string) {
    return this.set('VERTICAL_ALIGNMENT', a);
  }
  setPaddingTop(n: number) {
    return this.set('PADDING_TOP', n);
  }
  setPaddingBottom(n: number) {
    return this.set('PADDING_BOTTOM', n);
  }
  setPaddingLeft(n: number) {
    return this.set('PADDING_LEFT', n);
  }
  setPaddingRight(n: number) {
    return this.set('PADDING_RIGHT', n);
  }
  replaceText(p: string, r: string) {
    for (const para of this.paragraphs) para.replaceText(p, r);
    return this;
  }
  removeChild(child: FakeElement) {
    this.paragraphs = this.paragraphs.filter((p) => p !== child);
    return this;
  }
  copy(): FakeTableCell {
    const c = new FakeTableCell(this.doc);
    c.attrs = { ...this.attrs };
    c.paragraphs = this.paragraphs.map((p) => {
      const cp = p.copy();
      cp.parent = c as unknown as FakeContainer;
      return cp;
    });
    return c;
  }
}

export class FakeTableRow extends FakeElement {
  readonly __type = 'TableRow';
  cells: FakeTableCell[] = [];
  getType() {
    return ElementType.TABLE_ROW;
  }
  getText() {
    return this.cells.map((c) => c.getText()).join('\t');
  }
  editAsText() {
    return new FakeElementText(this.doc, () => this.cells.flatMap((c) => c.paragraphs.map((p) => p.textEl)));
  }
  appendTableCell(t: string | FakeTableCell = '') {
    checkOpen(this.doc);
    const c = typeof t === 'string' ? new FakeTableCell(this.doc, t) : t;
    c.parent = this as unknown as FakeContainer;
    this.cells.push(c);
    return c;
  }
  getNumCells() {
    return this.cells.length;
  }
  getCell(i: number) {
    return this.cells[i] ?? fail('Child index out of bounds');
  }
  getNumChildren() {
    return this.cells.length;
  }
  getChild(i: number) {
    return this.getCell(i);
  }
  setMinimumHeight(h: number) {
    return this.set('MINIMUM_HEIGHT', h);
  }
  removeChild(child: FakeElement) {
    this.cells = this.cells.filter((c) => c !== child);
    return this;
  }
  copy(): FakeTableRow {
    const r = new FakeTableRow(this.doc);
    r.attrs = { ...this.attrs };
    for (const c of this.cells) r.appendTableCell(c.copy());
    return r;
  }
}

export class FakeTable extends FakeElement {
  readonly __type = 'Table';
  rows: FakeTableRow[] = [];
  columnWidths = new Map<number, number>();
  getType() {
    return ElementType.TABLE;
  }
  getText() {
    return this.rows.map((r) => r.getText()).join('\n');
  }
  editAsText() {
    return new FakeElementText(this.doc, () => this.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.map((p) => p.textEl))));
  }
  appendTableRow(r?: FakeTableRow) {
    checkOpen(this.doc);
    const row = r ?? new FakeTableRow(this.doc);
    row.parent = this as unknown as FakeContainer;
    this.rows.push(row);
    return row;
  }
  getNumRows() {
    return this.rows.length;
  }
  getRow(i: number) {
    return this.rows[i] ?? fail('Child index out of bounds');
  }
  getCell(r: number, c: number) {
    return this.getRow(r).getCell(c);
  }
  /**
   * Test set-up (not an Apps Script method): merges the area, as a curator does in the Docs
   * editor. Its content moves into the upper-left cell, as the editor does; the covered cells
   * stay in the table, empty. The Docs API's JSON reports the spans in tableCellStyle,
   * DocumentApp in TableCell.getRowSpan/getColSpan.
   */
  _merge(row: number, col: number, rows: number, cols: number) {
    const head = this.getCell(row, col);
    for (let r = row; r < row + rows; r++) {
      for (let c = col; c < col + cols; c++) {
        const cell = this.getCell(r, c);
        if (cell === head) continue;
        for (const p of cell.paragraphs) if (p.getText()) head.appendParagraph(p.getText());
        cell.paragraphs = [new FakeParagraph(this.doc, '')];
        cell.paragraphs[0].parent = cell as unknown as FakeContainer;
        cell.covered = true;
      }
    }
    head.span = { rows, cols };
    return this;
  }
  getNumChildren() {
    return this.rows.length;
  }
  getChild(i: number) {
    return this.getRow(i);
  }
  setBorderWidth(w: number) {
    return this.set('BORDER_WIDTH', w);
  }
  setBorderColor(c: string) {
    return this.set('BORDER_COLOR', c);
  }
  setColumnWidth(i: number, w: number) {
    checkOpen(this.doc);
    this.columnWidths.set(i, w);
    return this;
  }
  getColumnWidth(i: number) {
    return this.columnWidths.get(i) ?? null;
  }
  replaceText(p: string, r: string) {
    for (const row of this.rows) for (const c of row.cells) c.replaceText(p, r);
    return this;
  }
  removeChild(child: FakeElement) {
    this.rows = this.rows.filter((r) => r !== child);
    return this;
  }
  copy(): FakeTable {
    const t = new FakeTable(this.doc);
    t.attrs = { ...this.attrs };
    t.columnWidths = new Map(this.columnWidths);
    for (const r of this.rows) t.appendTableRow(r.copy());
    return t;
  }
}

function tableFromCells(doc: DocRef, cells?: unknown): FakeTable {
  const t = new FakeTable(doc);
  if (cells === undefined) return t;
  if (!Array.isArray(cells) || cells.some((r) => !Array.isArray(r))) fail("The parameters don't match the method signature for DocumentApp.Body.appendTable.");
  const rows = cells as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) fail('All rows in a table must have the same number of cells.');
  for (const r of rows) {
    const row = t.appendTableRow();
    for (const v of r) {
      if (typeof v !== 'string') fail("The parameters don't match the method signature for DocumentApp.Body.appendTable.");
      row.appendTableCell(v);
    }
  }
  return t;
}

type Child = FakeParagraph | FakeTable | { __type: 'HorizontalRule' };

/** Body, header or footer section. */
export class FakeContainer {
  children: Child[] = [];
  attrs: Record<string, unknown> = {};
  constructor(
    readonly __type: 'Body' | 'HeaderSection' | 'FooterSection',
    readonly doc: DocRef,
  ) {}
  private add<T extends Child>(el: T, index?: number): T {
    checkOpen(this.doc);
    (el as any).parent = this;
    if (index === undefined) this.children.push(el);
    else {
      if (index < 0 || index > this.children.length) fail('Child index out of bounds');
      this.children.splice(index, 0, el);
    }
    return el;
  }
  getType() {
    return this.__type === 'Body' ? ElementType.BODY_SECTION : this.__type === 'HeaderSection' ? ElementType.HEADER_SECTION : ElementType.FOOTER_SECTION;
  }
  appendParagraph(t: string | FakeParagraph) {
    if (typeof t !== 'string' && !(t instanceof FakeParagraph)) fail("The parameters don't match the method signature for DocumentApp.Body.appendParagraph.");
    return this.add(typeof t === 'string' ? new FakeParagraph(this.doc, t) : t);
  }
  insertParagraph(i: number, t: string | FakeParagraph) {
    return this.add(typeof t === 'string' ? new FakeParagraph(this.doc, t) : t, i);
  }
  appendListItem(t: string | FakeListItem) {
    return this.add(typeof t === 'string' ? new FakeListItem(this.doc, t) : t);
  }
  insertListItem(i: number, t: string | FakeListItem) {
    return this.add(typeof t === 'string' ? new FakeListItem(this.doc, t) : t, i);
  }
  appendTable(cells?: unknown) {
    const t = cells instanceof FakeTable ? cells : tableFromCells(this.doc, cells);
    const added = this.add(t);
    // Docs keeps a paragraph after a table at the end of the body.
    if (this.__type === 'Body') this.add(new FakeParagraph(this.doc, ''));
    return added;
  }
  insertTable(i: number, cells?: unknown) {
    return this.add(cells instanceof FakeTable ? cells : tableFromCells(this.doc, cells), i);
  }
  appendPageBreak() {
    if (this.__type !== 'Body') fail('Page breaks are only allowed in the body.');
    const p = this.add(new FakeParagraph(this.doc, ''));
    p.pageBreakAfter = true;
    return { __type: 'PageBreak', getType: () => ElementType.PAGE_BREAK, getParent: () => p };
  }
  appendHorizontalRule() {
    this.add({ __type: 'HorizontalRule' });
    return { __type: 'HorizontalRule' };
  }
  getNumChildren() {
    return this.children.length;
  }
  getChild(i: number) {
    return this.children[i] ?? fail('Child index out of bounds');
  }
  getChildIndex(el: Child) {
    const i = this.children.indexOf(el);
    if (i < 0) fail('Element does not contain the specified child element.');
    return i;
  }
  removeChild(el: Child) {
    checkOpen(this.doc);
    // Docs refuses to remove the last paragraph of a section.
    if (this.children.length === 1 && this.__type === 'Body') fail("Can't remove the last paragraph in a document section.");
    this.children = this.children.filter((c) => c !== el);
    return this;
  }
  clear() {
    checkOpen(this.doc);
    this.children = [];
    if (this.__type === 'Body') this.add(new FakeParagraph(this.doc, ''));
    return this;
  }
  /** Paragraphs and list items, including those inside tables, in document order. */
  getParagraphs(): FakeParagraph[] {
    const out: FakeParagraph[] = [];
    for (const c of this.children) {
      if (c instanceof FakeParagraph) out.push(c);
      else if (c instanceof FakeTable) for (const r of c.rows) for (const cell of r.cells) out.push(...cell.paragraphs);
    }
    return out;
  }
  getTables() {
    return this.children.filter((c): c is FakeTable => c instanceof FakeTable);
  }
  getListItems() {
    return this.children.filter((c): c is FakeListItem => c instanceof FakeListItem);
  }
  getText() {
    return this.children.map((c) => (c instanceof FakeParagraph || c instanceof FakeTable ? c.getText() : '')).join('\n');
  }
  editAsText() {
    return new FakeElementText(this.doc, () => this.getParagraphs().map((p) => p.textEl));
  }
  replaceText(pattern: string, replacement: string) {
    checkOpen(this.doc);
    for (const p of this.getParagraphs()) p.replaceText(pattern, replacement);
    return this;
  }
  findText(pattern: string) {
    for (const p of this.getParagraphs()) {
      const r = p.findText(pattern);
      if (r) return r;
    }
    return null;
  }
  private margin(attr: string, v: number) {
    checkOpen(this.doc);
    if (typeof v !== 'number' || v < 0) fail(`Invalid argument: ${attr}`);
    this.attrs[attr] = v;
    return this;
  }
  setMarginTop(v: number) {
    return this.margin(Attribute.MARGIN_TOP, v);
  }
  setMarginBottom(v: number) {
    return this.margin(Attribute.MARGIN_BOTTOM, v);
  }
  setMarginLeft(v: number) {
    return this.margin(Attribute.MARGIN_LEFT, v);
  }
  setMarginRight(v: number) {
    return this.margin(Attribute.MARGIN_RIGHT, v);
  }
  getMarginTop() {
    return this.attrs[Attribute.MARGIN_TOP] ?? 72;
  }
  getMarginLeft() {
    return this.attrs[Attribute.MARGIN_LEFT] ?? 72;
  }
  setPageWidth(v: number) {
    return this.margin(Attribute.PAGE_WIDTH, v);
  }
  setPageHeight(v: number) {
    return this.margin(Attribute.PAGE_HEIGHT, v);
  }
  getAttributes() {
    return { ...this.attrs };
  }
  setAttributes(a: Record<string, unknown>) {
    Object.assign(this.attrs, a);
    return this;
  }
}

export class FakeDocument implements DocRef {
  readonly __type = 'Document';
  closed = false;
  body: FakeContainer;
  header: FakeContainer | null = null;
  footer: FakeContainer | null = null;
  constructor(
    readonly file: FakeFile,
  ) {
    this.body = new FakeContainer('Body', this);
    this.body.appendParagraph('');
  }
  getId() {
    return this.file.id;
  }
  getName() {
    return this.file.name;
  }
  setName(n: string) {
    this.file.name = String(n);
    return this;
  }
  getUrl() {
    return this.file.getUrl();
  }
  getBody() {
    return this.body;
  }
  getHeader() {
    return this.header;
  }
  addHeader() {
    checkOpen(this);
    if (this.header) fail('Document tab already contains a header.');
    this.header = new FakeContainer('HeaderSection', this);
    return this.header;
  }
  getFooter() {
    return this.footer;
  }
  addFooter() {
    checkOpen(this);
    if (this.footer) fail('Document tab already contains a footer.');
    this.footer = new FakeContainer('FooterSection', this);
    return this.footer;
  }
  saveAndClose() {
    this.closed = true;
  }
  /** Deep copy of the content into another document (Drive makeCopy of a Google Doc). */
  _copyInto(target: FakeDocument) {
    const cloneSection = (from: FakeContainer, to: FakeContainer) => {
      to.children = [];
      to.attrs = { ...from.attrs };
      for (const c of from.children) {
        const cp = c instanceof FakeParagraph || c instanceof FakeTable ? c.copy() : { ...c };
        (cp as any).parent = to;
        reparent(cp, target);
        to.children.push(cp as Child);
      }
    };
    cloneSection(this.body, target.body);
    if (this.header) cloneSection(this.header, (target.header = new FakeContainer('HeaderSection', target)));
    if (this.footer) cloneSection(this.footer, (target.footer = new FakeContainer('FooterSection', target)));
  }
}

/** Points every element of a copied tree at its new document (for the closed flag). */
function reparent(el: any, doc: DocRef) {
  if (!el || typeof el !== 'object') return;
  if ('doc' in el) (el as { doc: DocRef }).doc = doc;
  if (el.textEl) el.textEl.doc = doc;
  for (const k of ['rows', 'cells', 'paragraphs']) if (Array.isArray(el[k])) for (const c of el[k]) reparent(c, doc);
}

// ---------------------------------------------------------------- Drive

let nextId = 1;
const newId = (prefix: string) => `${prefix}${String(nextId++).padStart(6, '0')}`;

export interface DriveState {
  files: Map<string, FakeFile>;
  folders: Map<string, FakeFolder>;
  root: FakeFolder;
  /** Files and folders made through the Drive API: what drive.file alone lets an app see. */
  byApi: Set<string>;
}

export class FakeFile {
  readonly __type = 'File';
  doc: FakeDocument | null = null;
  trashed = false;
  constructor(
    readonly drive: DriveState,
    readonly id: string,
    public name: string,
    readonly mimeType: string,
    public parentId: string,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  setName(n: string) {
    this.name = String(n);
    return this;
  }
  getMimeType() {
    return this.mimeType;
  }
  getUrl() {
    return this.mimeType === 'application/vnd.google-apps.document'
      ? `https://docs.google.com/document/d/${this.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${this.id}/view?usp=drivesdk`;
  }
  moveTo(folder: FakeFolder) {
    if (!(folder instanceof FakeFolder)) fail("The parameters don't match the method signature for DriveApp.File.moveTo.");
    this.parentId = folder.id;
    return this;
  }
  getParents() {
    return iterator([this.drive.folders.get(this.parentId)!].filter(Boolean));
  }
  makeCopy(a?: string | FakeFolder, b?: FakeFolder) {
    const name = typeof a === 'string' ? a : `Копия ${this.name}`;
    const folder = a instanceof FakeFolder ? a : b;
    const copy = new FakeFile(this.drive, newId('doc'), name, this.mimeType, folder?.id ?? this.parentId);
    if (this.doc) {
      copy.doc = new FakeDocument(copy);
      this.doc._copyInto(copy.doc);
    }
    this.drive.files.set(copy.id, copy);
    return copy;
  }
  setTrashed(t: boolean) {
    this.trashed = !!t;
    return this;
  }
  isTrashed() {
    return this.trashed;
  }
}

export class FakeFolder {
  readonly __type = 'Folder';
  constructor(
    readonly drive: DriveState,
    readonly id: string,
    public name: string,
    public parentId: string | null,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  setName(n: string) {
    this.name = String(n);
    return this;
  }
  getUrl() {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
  createFolder(name: string) {
    const f = new FakeFolder(this.drive, newId('folder'), String(name), this.id);
    this.drive.folders.set(f.id, f);
    return f;
  }
  getFiles() {
    return iterator([...this.drive.files.values()].filter((f) => f.parentId === this.id && !f.trashed));
  }
  getFilesByName(name: string) {
    return iterator([...this.drive.files.values()].filter((f) => f.parentId === this.id && f.name === name && !f.trashed));
  }
  getFolders() {
    return iterator([...this.drive.folders.values()].filter((f) => f.parentId === this.id));
  }
  getFoldersByName(name: string) {
    return iterator([...this.drive.folders.values()].filter((f) => f.parentId === this.id && f.name === name));
  }
}

function iterator<T>(items: T[]) {
  let i = 0;
  return {
    __type: 'Iterator',
    hasNext: () => i < items.length,
    next: () => (i < items.length ? items[i++] : fail('No more items.')),
    getContinuationToken: () => String(i),
  };
}

export function newDriveState(): DriveState {
  const files = new Map<string, FakeFile>();
  const folders = new Map<string, FakeFolder>();
  const drive = { files, folders, byApi: new Set<string>() } as DriveState;
  drive.root = new FakeFolder(drive, 'root-folder', 'Мой диск', null);
  folders.set(drive.root.id, drive.root);
  return drive;
}

const NOT_FOUND = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export function createDocumentApp(drive: DriveState) {
  const byId = (id: string) => {
    const f = drive.files.get(id);
    if (!f || !f.doc || f.trashed) fail(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
    // openById gives a fresh handle; reopening a closed doc is allowed.
    f.doc.closed = false;
    return f.doc;
  };
  return {
    __type: 'DocumentApp',
    ParagraphHeading,
    HorizontalAlignment,
    VerticalAlignment,
    GlyphType,
    ElementType,
    Attribute,
    create(name: string) {
      if (typeof name !== 'string' || !name) fail('Invalid argument: name');
      const file = new FakeFile(drive, newId('doc'), name, 'application/vnd.google-apps.document', drive.root.id);
      file.doc = new FakeDocument(file);
      drive.files.set(file.id, file);
      return file.doc;
    },
    openById: byId,
    openByUrl(url: string) {
      const m = /\/d\/([^/]+)/.exec(String(url));
      if (!m) fail('Invalid argument: url');
      return byId(m[1]);
    },
    getActiveDocument() {
      return null;
    },
  };
}

export function createDriveApp(drive: DriveState) {
  return {
    __type: 'DriveApp',
    getFileById(id: string) {
      const f = drive.files.get(id);
      if (!f) fail(NOT_FOUND);
      return f;
    },
    getFolderById(id: string) {
      const f = drive.folders.get(id);
      if (!f) fail(NOT_FOUND);
      return f;
    },
    getRootFolder() {
      return drive.root;
    },
    createFolder(name: string) {
      return drive.root.createFolder(name);
    },
    getFilesByName(name: string) {
      return iterator([...drive.files.values()].filter((f) => f.name === name && !f.trashed));
    },
    getFoldersByName(name: string) {
      return iterator([...drive.folders.values()].filter((f) => f.name === name));
    },
  };
}

// ---------------------------------------------------------------- Drive API (advanced service)

const API_FOLDER = 'application/vnd.google-apps.folder';
const API_DOC = 'application/vnd.google-apps.document';

/**
 * The advanced Drive service (Drive API v3) as far as the add-on uses it: Files.create, get, list.
 * Under drive.file (no drive/drive.readonly declared) only files and folders made through this
 * API are visible, as Drive gives an app only what it created or the user opened with it; folders
 * made through DriveApp in a test stand for the curator's own. `q` supports `field = 'value'`
 * terms (name, mimeType, trashed) joined by `and`; anything else throws rather than pretend.
 */
export function createDriveApi(drive: DriveState, scopes: readonly string[] | null) {
  const wide = !scopes || scopes.some((s) => /\/auth\/drive(\.readonly)?$/.test(s));
  const visible = (id: string) => wide || drive.byApi.has(id);
  const notFound = (id: string): never => fail(`API call to drive.files.get failed with error: File not found: ${id}.`);
  const resource = (id: string) => {
    const folder = drive.folders.get(id);
    if (folder) return { id, name: folder.name, mimeType: API_FOLDER, trashed: false, parents: folder.parentId ? [folder.parentId] : [] };
    const f = drive.files.get(id);
    if (f) return { id, name: f.name, mimeType: f.mimeType, trashed: f.trashed, parents: [f.parentId] };
    return notFound(id);
  };
  const Files = {
    __type: 'DriveFiles',
    create(meta: { name?: string; mimeType?: string; parents?: string[] }, media?: unknown) {
      if (media !== undefined && media !== null) fail('The fake Drive API does not upload media.');
      const parent = meta.parents?.[0] ?? drive.root.id;
      if (parent !== drive.root.id && (!visible(parent) || !drive.folders.has(parent))) notFound(parent);
      const name = meta.name ?? 'Untitled';
      let id: string;
      if (meta.mimeType === API_FOLDER) {
        const folder = new FakeFolder(drive, newId('folder'), name, parent);
        drive.folders.set(folder.id, folder);
        id = folder.id;
      } else {
        const file = new FakeFile(drive, newId('doc'), name, meta.mimeType ?? 'application/octet-stream', parent);
        if (meta.mimeType === API_DOC) file.doc = new FakeDocument(file);
        drive.files.set(file.id, file);
        id = file.id;
      }
      drive.byApi.add(id);
      return resource(id);
    },
    get(id: string) {
      if (!visible(id)) notFound(id);
      return resource(id);
    },
    list(opts: { q?: string } = {}) {
      const terms = (opts.q ?? '').split(/\s+and\s+/i).filter(Boolean).map((t) => {
        const m = /^(name|mimeType|trashed)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(true|false))$/.exec(t.trim());
        if (!m) return fail(`The fake Drive API does not understand the query term «${t}».`);
        return { field: m[1], value: m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3] === 'true' };
      });
      const all = [...drive.folders.keys(), ...drive.files.keys()].filter((id) => id !== drive.root.id && visible(id)).map(resource);
      const files = all.filter((r) => terms.every((t) => (r as Record<string, unknown>)[t.field] === t.value));
      return { files: files.map((r) => ({ id: r.id, name: r.name, mimeType: r.mimeType })) };
    },
  };
  return { __type: 'Drive', Files };
}

// ---------------------------------------------------------------- Docs API (advanced service)

type DocsJson = Record<string, unknown>;

/** A paragraph as the Docs API writes it: runs end with "\n", a line break inside is U+000B. */
function paragraphJson(p: FakeParagraph): DocsJson {
  return {
    paragraph: {
      elements: [{ textRun: { content: p.getText().replace(/\r/g, '\u000b') + '\n', textStyle: {} } }],
      paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
    },
  };
}

function tableJson(t: FakeTable): DocsJson {
  return {
    table: {
      rows: t.rows.length,
      columns: t.rows[0]?.cells.length ?? 0,
      tableRows: t.rows.map((r) => ({
        tableCells: r.cells.map((c) => ({
          content: c.paragraphs.map(paragraphJson),
          tableCellStyle: { rowSpan: c.span?.rows ?? 1, columnSpan: c.span?.cols ?? 1, contentAlignment: 'TOP' },
        })),
        tableRowStyle: { minRowHeight: { unit: 'PT' } },
      })),
      tableStyle: { tableColumnProperties: (t.rows[0]?.cells ?? []).map(() => ({ widthType: 'EVENLY_DISTRIBUTED' })) },
    },
  };
}

/** documents.get of a fake document: the body's structure (indexes and styles left out). */
export function docsJsonOf(doc: FakeDocument): DocsJson {
  const content: DocsJson[] = [{ sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } }];
  for (const c of doc.body.children) {
    if (c instanceof FakeParagraph) content.push(paragraphJson(c));
    else if (c instanceof FakeTable) content.push(tableJson(c));
    else content.push({ paragraph: { elements: [{ horizontalRule: {} }, { textRun: { content: '\n' } }] } });
  }
  // A copy: the script gets JSON, not the fake's objects.
  return JSON.parse(JSON.stringify({ title: doc.getName(), documentId: doc.getId(), body: { content } })) as DocsJson;
}

/**
 * The advanced Docs service (Docs API v1) as far as the add-on uses it: Documents.get(id) of a
 * document's saved state. Visible documents: all under documents / documents.readonly / drive /
 * drive.readonly; under drive.file alone only those made through the Drive API. Options other
 * than none are not modelled and throw rather than pretend.
 */
export function createDocsApi(drive: DriveState, scopes: readonly string[] | null) {
  const wide = !scopes || scopes.some((s) => /\/auth\/(documents(\.readonly)?|drive(\.readonly)?)$/.test(s));
  const Documents = {
    __type: 'DocsDocuments',
    get(id: string, options?: unknown) {
      if (options !== undefined) fail('The fake Docs API models Documents.get(documentId) without options only.');
      const f = drive.files.get(String(id));
      if (!f || !f.doc || f.trashed || (!wide && !drive.byApi.has(f.id))) {
        fail('API call to docs.documents.get failed with error: Requested entity was not found.');
      }
      return docsJsonOf(f!.doc!);
    },
  };
  return { __type: 'Docs', Documents };
}
