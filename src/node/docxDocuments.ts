/**
 * .docx renderer of the order document model (CLI and local preview), with the `docx` package.
 *
 * DocumentsPort.create is synchronous, and stays so: the Apps Script side can only be sync, and
 * one sync port lets the same application code (src/app/orders) run on both backends with no
 * second, async code path. docx's Packer is async only in its signature: it compiles the package
 * parts synchronously and then zips. We call that same compiler (Packer's static `compiler`,
 * declared private in docx's types) and zip the parts with a small synchronous ZIP writer over
 * node:zlib. test/orders/docx.test.ts fails loudly if a docx upgrade moves the compiler.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFailure } from './fsErrors';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableBordersOptions,
} from 'docx';
import type { DocumentsPort, SavedDocument } from '../app/context';
import { UserError } from '../app/port';
import type { Align, Block, DocModel, TextRun as ModelRun } from '../core/orders/model';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const FIRST_LINE = 709; // 1.25 cm paragraph indent, in twips
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS: ITableBordersOptions = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** Builds the docx Document of a model. */
export function docxOf(model: DocModel): Document {
  const size = Math.round(model.fontSize * 2); // half-points
  const font = model.fontFamily;
  const runs = (rs: ModelRun[], bold?: boolean) =>
    rs.map((r) => new TextRun({ text: r.text, bold: r.bold || bold, italics: r.italic, font, size }));
  const cellParas = (text: string, opts: { bold?: boolean; align?: Align } = {}) =>
    text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: opts.align ? ALIGN[opts.align] : undefined,
          children: [new TextRun({ text: line, bold: opts.bold, font, size })],
        }),
    );
  const twoColumns = (left: ModelRun[], right: ModelRun[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: runs(left) })] }),
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(right) })],
            }),
          ],
        }),
      ],
    });

  const children: Array<Paragraph | Table> = [];
  let instance = 0;
  for (const b of model.blocks as Block[]) {
    switch (b.type) {
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment: b.align ? ALIGN[b.align] : undefined,
            indent: b.indentFirstLine ? { firstLine: FIRST_LINE } : undefined,
            spacing: b.spaceAfter ? { after: b.spaceAfter * 20 } : undefined,
            children: runs(b.runs),
          }),
        );
        break;
      case 'numbered':
        if (!b.continues || instance === 0) instance++;
        for (const item of b.items) {
          children.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              numbering: { reference: 'points', level: 0, instance },
              children: runs(item),
            }),
          );
        }
        break;
      case 'table': {
        const total = (b.widths ?? []).reduce((a, w) => a + w, 0);
        const width = (i: number) => (b.widths && total ? { size: (b.widths[i] / total) * 100, type: WidthType.PERCENTAGE } : undefined);
        const rows: TableRow[] = [];
        if (b.header.length) {
          rows.push(
            new TableRow({
              tableHeader: true,
              children: b.header.map((h, i) => new TableCell({ width: width(i), children: cellParas(h, { bold: true, align: b.borderless ? undefined : 'center' }) })),
            }),
          );
        }
        for (const r of b.rows) {
          rows.push(new TableRow({ children: r.map((t, i) => new TableCell({ width: width(i), children: cellParas(t) })) }));
        }
        children.push(
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: b.borderless ? NO_BORDERS : undefined, rows }),
        );
        break;
      }
      case 'signature':
        children.push(twoColumns([{ text: b.position }], [{ text: b.name }]));
        break;
      case 'split':
        children.push(twoColumns(b.left, b.right));
        break;
      case 'pageBreak':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }

  return new Document({
    title: model.title,
    creator: 'Наставник',
    styles: { default: { document: { run: { font, size } } } },
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        // ГОСТ Р 7.0.97: margins at least 20 mm (left 20 mm), 10 mm right; A4.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children,
      },
    ],
  });
}

/** The .docx bytes of a model, synchronously. */
export function docxBytes(model: DocModel): Buffer {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document): Map<string, string | Uint8Array> } }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') {
    throw new Error('docx: Packer.compiler is not available in this version of the docx package');
  }
  const parts = compiler.compile(docxOf(model));
  return zipSync([...parts].map(([path, data]) => [path, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)]));
}

// --- a minimal synchronous ZIP writer (DEFLATE, UTF-8 names) ---

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zipSync(files: Array<[string, Buffer]>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // DOS time/date of 1980-01-01 00:00: reproducible output.
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const [name, data] of files) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(deflated.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, nameBuf);
    chunks.push(local, nameBuf, deflated);
    offset += local.length + nameBuf.length + deflated.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBuf, end]);
}

/** A safe file name from an order title (no path separators or characters Windows refuses). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 150) || 'Приказ';
}

/**
 * Writes `<outDir>/<name>.docx`. Templates are a Google Docs feature: a templateId is ignored here
 * (the .docx carries the standard ГОСТ letterhead from the model).
 */
export function docxDocuments(outDir: string): DocumentsPort {
  return {
    create(model: DocModel, options: { name: string; folderId?: string; templateId?: string }): SavedDocument {
      const dir = resolve(outDir);
      const file = join(dir, `${safeFileName(options.name).replace(/\.docx$/i, '')}.docx`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, docxBytes(model));
      } catch (e) {
        throw new UserError(`Не удалось записать файл ${file}: ${writeFailure((e as NodeJS.ErrnoException).code)}.`);
      }
      return { name: options.name, url: file };
    },
  };
}
