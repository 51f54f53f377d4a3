/**
 * `npm run -s check -- [--json] [--date YYYY-MM-DD] [--numbers] [--documents DIR] FILE`
 *
 * Reads a .txt file, or the visible text of an .html file's body (lib/dom/page-text.ts under happy-dom,
 * the content script's own reader), finds its figures exactly as the content script does
 * (lib/reading/page-figures.ts) and compares each with the claim database built from the corpus (lib/compare).
 * Prints `{"figures": [Figure, ...]}` with --json, a report for a person without; with --numbers, every
 * number read instead: `{"numbers": [{text, start, end, value}, ...]}`. The page date is --date, else the
 * HTML page's own publication date (lib/dom/page-date.ts), else unknown.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpusDatabase, documentsDir } from './corpus.ts';
import { readHtml, type PageRead } from './read-html.ts';
import { CliError, EXIT_USAGE, parseCommandLine, parseIsoDate, runCommand } from './cli.ts';
import { indexClaims } from '../lib/compare/index.ts';
import { checkPageText } from './check-page.ts';
import { readNumbers } from '../lib/figures/numbers.ts';
import { METRIC_LABELS, NO_PLACE_LABEL, SUBJECT_LABELS, VERDICT_LABELS } from '../lib/labels.ts';
import type { Figure, IsoDate } from '../lib/types.ts';

const USAGE =
  'usage: npm run -s check -- [--json] [--date YYYY-MM-DD] [--numbers] [--documents DIR] FILE.txt|FILE.html';

async function readInput(file: string): Promise<PageRead> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.txt' && ext !== '.html' && ext !== '.htm') {
    throw new CliError(`${file}: expected a .txt or .html file`);
  }
  const info = await stat(file).catch(() => null);
  if (!info) throw new CliError(`${file}: no such file`);
  if (!info.isFile()) throw new CliError(`${file}: not a file`);
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch {
    throw new CliError(`${file}: is not valid UTF-8 text`);
  }
  if (ext === '.txt') return { text: source.replace(/\r\n?/g, '\n'), date: null, lead: '' };
  return readHtml(source).catch((e: Error) => {
    throw new CliError(`${file}: ${e.message}`);
  });
}

function readable(file: string, pageDate: IsoDate | null, figures: Figure[]): string {
  const lines = [
    `${file}: ${figures.length} figure${figures.length === 1 ? '' : 's'}${pageDate ? ` (page date ${pageDate})` : ' (page date unknown)'}`,
  ];
  for (const f of figures) {
    const what = `${METRIC_LABELS[f.metric]} · ${SUBJECT_LABELS[f.subject]} · ${f.place ?? NO_PLACE_LABEL}`;
    const who = [
      f.source,
      f.asOf,
      f.period === 'window' ? 'one day' : f.period === 'event' ? 'one incident' : null,
      f.modality === 'forecast' ? 'forecast' : null,
      f.scope ? `only ${f.scope}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      '',
      `${VERDICT_LABELS[f.verdict].icon} ${VERDICT_LABELS[f.verdict].text}: "${f.text}" at ${f.start}–${f.end}: ${what}${who ? ` (${who})` : ''}`,
    );
    lines.push(`  ${f.summary}`);
    for (const r of f.reports.slice(0, 5)) {
      const by = r.source ? `${r.source}, ${r.document.publisher}` : r.document.publisher;
      lines.push(
        `  ${r.consistent ? '=' : '≠'} ${r.text} (${by}, ${r.asOf ?? r.document.date})${r.note ? ` — ${r.note}` : ''}`,
      );
    }
    if (f.reports.length > 5) lines.push(`  … and ${f.reports.length - 5} more`);
  }
  return lines.join('\n');
}

await runCommand('check', async () => {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      date: { type: 'string' },
      numbers: { type: 'boolean' },
      documents: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) return USAGE;
  if (positionals.length !== 1) {
    throw new CliError(
      `${positionals.length === 0 ? 'no FILE given' : `one FILE expected, got ${positionals.length}`}\n${USAGE}`,
      EXIT_USAGE,
    );
  }
  const file = positionals[0]!;
  const flagDate = values.date === undefined ? null : parseIsoDate(values.date, '--date');
  const page = await readInput(file);

  if (values.numbers) {
    const numbers = readNumbers(page.text).map(({ text, start, end, value }) => ({
      text,
      start,
      end,
      value,
    }));
    return values.json
      ? JSON.stringify({ numbers }, null, 2)
      : [
          `${file}: ${numbers.length} numbers`,
          ...numbers.map((n) => `  ${n.start}–${n.end} ${n.text} = ${n.value ?? 'vague'}`),
        ].join('\n');
  }

  const pageDate = flagDate ?? page.date;
  const db = await loadCorpusDatabase(values.documents ?? documentsDir()).catch((e: Error) => {
    throw new CliError(e.message);
  });
  const index = indexClaims(db.claims);
  const figures = checkPageText(page.text, { date: pageDate, lead: page.lead }, index);
  return values.json ? JSON.stringify({ figures }, null, 2) : readable(file, pageDate, figures);
});
