/**
 * `nastavnik roadmap <file> [--json]` (CLI.md): reads a roadmap from a text file (UTF-8, or
 * cp1251 when it is not valid UTF-8) or a .docx and prints what the importer made of it.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CliError, printJson, type Command } from './common';
import { importRoadmapTables, importRoadmapText, type ImportedRoadmap } from '../../core/roadmap/import';
import { readDocxTables } from '../docxTables';

/** UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise Windows-1251 (old Russian Word/PDF exports). */
export function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return new TextDecoder('windows-1251').decode(buf);
  }
}

export async function importRoadmapFile(path: string): Promise<ImportedRoadmap> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`файл «${path}» не найден`);
    if (code === 'EISDIR') throw new CliError(`«${path}» — это папка, а не файл`);
    throw new CliError(`не удалось прочитать файл «${path}»${code ? ` (${code})` : ''}`);
  }
  const ext = extname(path).toLowerCase();
  const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
  if (ext === '.docx' || ext === '.docm' || isZip) {
    try {
      const { tables, paragraphs } = await readDocxTables(buf);
      return importRoadmapTables(tables, paragraphs);
    } catch {
      throw new CliError(`не удалось прочитать «${path}» как документ Word (.docx): файл повреждён или это другой формат`);
    }
  }
  if (ext === '.doc' || (buf[0] === 0xd0 && buf[1] === 0xcf)) {
    throw new CliError(`«${path}»: старый формат Word (.doc) не поддерживается — сохраните файл как .docx`);
  }
  if (ext === '.pdf' || buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new CliError(`«${path}»: PDF не читается напрямую — скопируйте текст в файл .txt`);
  }
  if (buf.includes(0) && !(buf[0] === 0xff || buf[0] === 0xfe)) {
    throw new CliError(`«${path}» не похож на текстовый файл`);
  }
  return importRoadmapText(decodeText(buf));
}

/** The JSON of CLI.md: period and targets only when stated, no source positions. */
export function roadmapJson(r: ImportedRoadmap): Record<string, unknown> {
  return {
    ...(r.period ? { period: r.period } : {}),
    ...(r.targets.length ? { targets: r.targets } : {}),
    items: r.items.map((it) => {
      const o: Record<string, unknown> = {};
      for (const k of ['number', 'section', 'title', 'details', 'deadline', 'responsible', 'result', 'recurrence'] as const) {
        if (it[k] !== undefined && it[k] !== '') o[k] = it[k];
      }
      return o;
    }),
    warnings: r.warnings,
  };
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}`.replace('.', ',') + ' %';
}

/** A readable Russian summary: period, targets, counts per section, then the items. */
export function roadmapSummary(r: ImportedRoadmap): string {
  const out: string[] = [];
  out.push(`Дорожная карта: мероприятий — ${r.items.length}.`);
  if (r.period) out.push(`Период: с ${r.period.start} по ${r.period.end}.`);
  if (r.targets.length) out.push(`Целевые показатели: ${r.targets.map((t) => `${t.year} — ${pct(t.share)}`).join('; ')}.`);
  const sections: Array<{ name: string; yearly: boolean; items: typeof r.items }> = [];
  for (const it of r.items) {
    const name = it.section ?? '(без раздела)';
    let s = sections[sections.length - 1];
    if (!s || s.name !== name) sections.push((s = { name, yearly: it.recurrence === 'yearly', items: [] }));
    s.items.push(it);
  }
  if (sections.length) {
    out.push('', 'Разделы:');
    for (const s of sections) out.push(`  ${s.name}${s.yearly ? ' (ежегодно)' : ''} — ${s.items.length}`);
  }
  for (const s of sections) {
    out.push('', `${s.name}${s.yearly ? ' (ежегодно)' : ''}`);
    for (const it of s.items) {
      out.push(`  ${it.number ? it.number + '. ' : '— '}${it.title}`);
      if (it.details) out.push(`      содержание: ${it.details}`);
      if (it.deadline) out.push(`      срок: ${it.deadline}`);
      if (it.responsible) out.push(`      ответственный: ${it.responsible}`);
      if (it.result) out.push(`      результат: ${it.result}`);
    }
  }
  if (r.warnings.length) {
    out.push('', `Предупреждения (${r.warnings.length}):`);
    for (const w of r.warnings) out.push(`  • ${w}`);
  }
  return out.join('\n') + '\n';
}

export const roadmapCommand: Command = async (args) => {
  const [file, ...extra] = args.positional;
  if (!file) throw new CliError('укажите файл дорожной карты: nastavnik roadmap <файл.txt|файл.docx> [--json]');
  if (extra.length) throw new CliError(`лишние аргументы: ${extra.join(' ')}`);
  const r = await importRoadmapFile(file);
  // Nothing read at all is unreadable input (CLI.md: exit 2); items with warnings are a result.
  if (!r.items.length) {
    throw new CliError(`В файле «${file}» не найдено ни одного мероприятия дорожной карты: нужна таблица со строкой заголовков («№», «Мероприятие», «Срок»…)`);
  }
  if (args.options.json) printJson(roadmapJson(r));
  else process.stdout.write(roadmapSummary(r));
  return 0;
};
