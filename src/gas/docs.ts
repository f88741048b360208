/**
 * Google Docs renderer of the order document model (DocumentApp), optionally into a curator's
 * template with letterhead.
 *
 * Template: settings.templateDocId names a Google Doc. Its header and body are copied into the new
 * document; {{Название организации}}, {{Номер приказа}}, {{Дата приказа}}, {{Заголовок}} are
 * replaced inside their paragraphs; {{Текст приказа}}, {{Подпись}} and {{Таблица пар}} stand in
 * paragraphs of their own and are replaced by the order's text, signature (with the acquaintance
 * list) and appendices. Unknown placeholders are reported before any document is created.
 * Values are inserted with deleteText/insertText, never Body.replaceText: replaceText takes a
 * regular expression and a Java-style replacement where `$1` and `\` are interpreted, and a
 * teacher's name or a school's name must come out exactly as written.
 */
import type { DocumentsPort, SavedDocument } from '../app/context';
import { UserError } from '../app/port';
import {
  findPlaceholders,
  inlineValues,
  unknownPlaceholders,
  type Align,
  type Block,
  type DocModel,
  type TextRun,
} from '../core/orders/model';

/** The folder the add-on creates for orders when no usable folder is set. */
export const ORDERS_FOLDER_NAME = 'Наставник — приказы';

const PT_PER_MM = 72 / 25.4;
const FIRST_LINE_PT = 12.5 * PT_PER_MM; // 1.25 cm

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection;
type Text = GoogleAppsScript.Document.Text;
type ListItem = GoogleAppsScript.Document.ListItem;
type Element = GoogleAppsScript.Document.Element;
type Block1 = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem | GoogleAppsScript.Document.Table;

function alignOf(a: Align | undefined): GoogleAppsScript.Document.HorizontalAlignment | null {
  const H = DocumentApp.HorizontalAlignment;
  return a === 'center' ? H.CENTER : a === 'right' ? H.RIGHT : a === 'justify' ? H.JUSTIFY : a === 'left' ? H.LEFT : null;
}

/** An element as its concrete type (Apps Script hands out generic Elements from getChild). */
function concrete(el: Element): Block1 | Element {
  const t = String(el.getType());
  const E = DocumentApp.ElementType;
  if (t === String(E.PARAGRAPH) && typeof el.asParagraph === 'function') return el.asParagraph();
  if (t === String(E.LIST_ITEM) && typeof el.asListItem === 'function') return el.asListItem();
  if (t === String(E.TABLE) && typeof el.asTable === 'function') return el.asTable();
  return el;
}

/**
 * A model cell (lines joined by "\n") as the text of the cell's one paragraph: lines end in line
 * breaks "\r", the character the Paragraph reference documents for them ("\n" is converted to it
 * inside a paragraph; in a string given to insertTable it is not documented, so it is not relied on).
 */
const cellText = (text: string) => text.replace(/\r?\n/g, '\r');

/** The paragraph a cell made by insertTable holds (one per cell). */
const cellParagraph = (cell: GoogleAppsScript.Document.TableCell) => cell.getChild(0).asParagraph();

/** Applies the model's font and the runs' bold/italic to a paragraph's text. */
function styleText(text: Text, runs: TextRun[], model: DocModel, allBold = false): void {
  const full = runs.map((r) => r.text).join('');
  text.setFontFamily(model.fontFamily);
  text.setFontSize(model.fontSize);
  if (!full) return;
  if (allBold) {
    text.setBold(true);
    return;
  }
  let at = 0;
  for (const r of runs) {
    const end = at + r.text.length - 1;
    if (r.text && r.bold) text.setBold(at, end, true);
    if (r.text && r.italic) text.setItalic(at, end, true);
    at += r.text.length;
  }
}

/** Inserts blocks into a body at an index; returns the index after the last one inserted. */
function insertBlocks(body: Body, index: number, blocks: Block[], model: DocModel, lists: { last: ListItem | null }): number {
  let i = index;
  const paragraph = (runs: TextRun[], align?: Align) => {
    const p = body.insertParagraph(i++, runs.map((r) => r.text).join(''));
    const a = alignOf(align);
    if (a) p.setAlignment(a);
    styleText(p.editAsText(), runs, model);
    return p;
  };
  // A table costs the same calls whatever its rows: the cells are filled by insertTable, the font
  // is set over the whole table's Text, bold over the header row's; only per-column work remains.
  const table = (cells: string[][], opts: { header?: boolean; borderless?: boolean; widths?: number[] }) => {
    const t = body.insertTable(i++, cells.map((row) => row.map(cellText)));
    if (opts.borderless) t.setBorderWidth(0);
    const total = (opts.widths ?? []).reduce((a, w) => a + w, 0);
    // Page width A4 minus margins, in points.
    const usable = (210 - 30 - 15) * PT_PER_MM;
    if (opts.widths && total) opts.widths.forEach((w, c) => t.setColumnWidth(c, (w / total) * usable));
    t.editAsText().setFontFamily(model.fontFamily).setFontSize(model.fontSize);
    if (opts.header) {
      const head = t.getRow(0);
      head.editAsText().setBold(true);
      // Header cells centred in a ruled table (not in the borderless acquaintance list).
      if (!opts.borderless) cells[0].forEach((_, c) => cellParagraph(head.getCell(c)).setAlignment(DocumentApp.HorizontalAlignment.CENTER));
    }
    return t;
  };
  /** Two texts on one line: a borderless one-row table, the right one flush right. */
  const twoSides = (left: string, right: string) => {
    const t = table([[left, right]], { borderless: true });
    cellParagraph(t.getCell(0, 1)).setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph': {
        const p = paragraph(b.runs, b.align);
        if (b.indentFirstLine) p.setIndentFirstLine(FIRST_LINE_PT);
        if (b.spaceAfter) p.setSpacingAfter(b.spaceAfter);
        break;
      }
      case 'numbered': {
        const first = b.continues ? lists.last : null;
        let head: ListItem | null = first;
        for (const item of b.items) {
          const li = body.insertListItem(i++, item.map((r) => r.text).join(''));
          li.setGlyphType(DocumentApp.GlyphType.NUMBER);
          li.setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
          // Items sharing a list ID number on, across the paragraphs between them.
          if (head) li.setListId(head);
          else head = li;
          styleText(li.editAsText(), item, model);
        }
        lists.last = head;
        break;
      }
      case 'table': {
        const rows = b.header.length ? [b.header, ...b.rows] : b.rows;
        if (rows.length) table(rows, { header: b.header.length > 0, borderless: b.borderless, widths: b.widths });
        break;
      }
      case 'signature':
        twoSides(b.position, b.name);
        break;
      case 'split':
        twoSides(b.left.map((r) => r.text).join(''), b.right.map((r) => r.text).join(''));
        break;
      case 'pageBreak': {
        const p = body.insertParagraph(i++, '');
        p.appendPageBreak();
        break;
      }
    }
  }
  return i;
}

/** Replaces inline placeholders literally inside every paragraph of a section. */
function replaceInline(section: Section | null, values: Record<string, string>): void {
  if (!section) return;
  for (const p of section.getParagraphs()) {
    const text: string = p.getText();
    if (!text.includes('{{')) continue;
    const hits: Array<{ start: number; end: number; value: string }> = [];
    const re = /\{\{\s*([^{}]*?)\s*\}\}/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (Object.prototype.hasOwnProperty.call(values, m[1])) hits.push({ start: m.index, end: m.index + m[0].length - 1, value: values[m[1]] });
    }
    const t = p.editAsText();
    // Right to left, so earlier offsets stay valid.
    for (const h of hits.reverse()) {
      if (h.value) t.insertText(h.end + 1, h.value);
      t.deleteText(h.start, h.end);
    }
  }
}

/** The top-level body paragraph holding a block placeholder, with its index. */
function markerIndex(body: Body, name: string): number | null {
  for (const p of body.getParagraphs()) {
    if (!findPlaceholders(p.getText()).includes(name)) continue;
    const parent = p.getParent();
    if (!parent || String(parent.getType()) !== String(DocumentApp.ElementType.BODY_SECTION)) {
      throw new UserError(`В шаблоне приказа метка {{${name}}} стоит внутри таблицы: поставьте её отдельным абзацем вне таблицы.`);
    }
    return body.getChildIndex(p);
  }
  return null;
}

/** Copies a section's elements (paragraphs, list items, tables) to the end of another section. */
function copySection(from: Section, to: Section): void {
  const E = DocumentApp.ElementType;
  const n = from.getNumChildren();
  for (let k = 0; k < n; k++) {
    const el = concrete(from.getChild(k));
    const type = String(el.getType());
    if (type === String(E.PARAGRAPH)) to.appendParagraph((el as GoogleAppsScript.Document.Paragraph).copy());
    else if (type === String(E.LIST_ITEM)) to.appendListItem((el as ListItem).copy());
    else if (type === String(E.TABLE)) to.appendTable((el as GoogleAppsScript.Document.Table).copy());
  }
}

function openTemplate(templateId: string): Doc {
  try {
    return DocumentApp.openById(templateId);
  } catch {
    throw new UserError(
      'Шаблон приказа недоступен. Проверьте ссылку в «Настройках» («Шаблон приказа») и что у вас есть доступ к этому документу.',
    );
  }
}

/** Checks a template before anything is created: unknown placeholders, the text's place. */
function checkTemplate(tpl: Doc): void {
  const texts = [tpl.getBody().getText(), tpl.getHeader()?.getText() ?? ''];
  const unknown = unknownPlaceholders(texts);
  if (unknown.length) {
    throw new UserError(
      `В шаблоне приказа неизвестные метки: ${unknown.map((u) => `{{${u}}}`).join(', ')}. ` +
        'Допустимы: {{Название организации}}, {{Номер приказа}}, {{Дата приказа}}, {{Заголовок}}, {{Текст приказа}}, {{Подпись}}, {{Таблица пар}}.',
    );
  }
  if (!findPlaceholders(texts[0]).includes('Текст приказа')) {
    throw new UserError('В шаблоне приказа нет метки {{Текст приказа}}: поставьте её отдельным абзацем там, где должен быть текст приказа.');
  }
}

const FOLDER_MIME = 'application/vnd.google-apps.folder';
const DOC_MIME = 'application/vnd.google-apps.document';

/** A string inside single quotes of a Drive query. */
const quoted = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The folder for orders, through the Drive API (advanced Drive service, v3). DriveApp is no use
 * here: its methods require the drive or drive.readonly scope, and the add-on asks only for
 * drive.file, which reaches the files and folders the add-on created (or the user opened with
 * it). So a folder the curator made by hand and pasted into «Папка для приказов» is usually
 * invisible: then the add-on's own «Наставник — приказы» is used (found among the folders it can
 * see, created on first use).
 */
function ordersFolderId(drive: GoogleAppsScript.Drive, folderId?: string): string {
  if (folderId) {
    try {
      const f = drive.Files.get(folderId, { fields: 'id,mimeType,trashed' });
      if (f.id && f.mimeType === FOLDER_MIME && !f.trashed) return f.id;
    } catch {
      // Not visible under drive.file: the add-on's own folder.
    }
  }
  const q = `mimeType = ${quoted(FOLDER_MIME)} and name = ${quoted(ORDERS_FOLDER_NAME)} and trashed = false`;
  const found = drive.Files.list({ q, fields: 'files(id)', pageSize: 1 }).files ?? [];
  if (found.length && found[0].id) return found[0].id;
  return drive.Files.create({ name: ORDERS_FOLDER_NAME, mimeType: FOLDER_MIME }).id!;
}

/**
 * A new, empty Google Doc: made by the Drive API right inside the orders folder (a file the
 * add-on creates is one drive.file lets it place), then filled through DocumentApp. Without the
 * Drive service, or when Drive refuses, DocumentApp.create puts it in «Мой диск»: a document in
 * the wrong folder is better than no document.
 */
function newDocument(name: string, folderId?: string): GoogleAppsScript.Document.Document {
  const drive = typeof Drive === 'undefined' ? undefined : Drive;
  if (drive) {
    try {
      const parent = ordersFolderId(drive, folderId);
      const file = drive.Files.create({ name, mimeType: DOC_MIME, parents: [parent] });
      if (file.id) return DocumentApp.openById(file.id);
    } catch {
      // Fall back below.
    }
  }
  return DocumentApp.create(name);
}

export function gasDocuments(): DocumentsPort {
  return {
    create(model: DocModel, options: { name: string; folderId?: string; templateId?: string }): SavedDocument {
      const tpl = options.templateId ? openTemplate(options.templateId) : null;
      if (tpl) checkTemplate(tpl);

      const doc = newDocument(options.name, options.folderId);
      const body = doc.getBody();
      const lists: { last: ListItem | null } = { last: null };
      const part = (p: Block['part']) => model.blocks.filter((b) => b.part === p);

      if (!tpl) {
        body.setMarginLeft(30 * PT_PER_MM).setMarginRight(15 * PT_PER_MM).setMarginTop(20 * PT_PER_MM).setMarginBottom(20 * PT_PER_MM);
        // A new document holds one empty paragraph; blocks go before it (it stays last, as Docs needs).
        insertBlocks(body, 0, model.blocks, model, lists);
      } else {
        const header = tpl.getHeader();
        if (header) copySection(header, doc.addHeader());
        copySection(tpl.getBody(), body);
        body.removeChild(body.getChild(0)); // the new document's own empty paragraph
        const fields = model.fields;
        if (fields) {
          const values = inlineValues(fields);
          replaceInline(body, values);
          replaceInline(doc.getHeader(), values);
        }
        const at = (name: string) => markerIndex(body, name);
        // Text first, then signature, then appendix: each placeholder paragraph is replaced.
        let i = at('Текст приказа')!;
        body.removeChild(body.getChild(i));
        const after = insertBlocks(body, i, part('text'), model, lists);
        const sign = at('Подпись');
        if (sign !== null) {
          body.removeChild(body.getChild(sign));
          insertBlocks(body, sign, part('signature'), model, lists);
        } else {
          insertBlocks(body, after, part('signature'), model, lists);
        }
        const appendix = part('appendix');
        const table = at('Таблица пар');
        if (table !== null) {
          body.removeChild(body.getChild(table));
          // The curator placed the appendix: no page break of ours before it.
          insertBlocks(body, table, appendix.filter((b, k) => !(k === 0 && b.type === 'pageBreak')), model, lists);
        } else if (appendix.length) {
          i = body.getNumChildren();
          insertBlocks(body, i, appendix, model, lists);
        }
      }
      doc.saveAndClose();
      return { name: options.name, url: doc.getUrl(), id: doc.getId() };
    },
  };
}
