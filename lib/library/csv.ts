/**
 * Claims as CSV (RFC 4180): one row per claim, a header row, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled. Document text is untrusted, so a text cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe, the
 * usual defence (OWASP "CSV injection"). Numbers are written plainly. Pure.
 */
import type { Claim } from '../types.ts';
import { originOf } from './query.ts';

type Cell = string | number | null | undefined;

export const CSV_COLUMNS: readonly { header: string; cell: (c: Claim) => Cell }[] = [
  { header: 'id', cell: (c) => c.id },
  { header: 'text', cell: (c) => c.text },
  { header: 'value', cell: (c) => c.value },
  { header: 'low', cell: (c) => c.low },
  { header: 'high', cell: (c) => c.high },
  { header: 'qualifier', cell: (c) => c.qualifier },
  { header: 'metric', cell: (c) => c.metric },
  { header: 'subject', cell: (c) => c.subject },
  { header: 'place', cell: (c) => c.place },
  { header: 'period', cell: (c) => c.period },
  { header: 'asOf', cell: (c) => c.asOf },
  { header: 'source', cell: (c) => c.source },
  { header: 'modality', cell: (c) => c.modality },
  { header: 'scope', cell: (c) => c.scope },
  { header: 'quote', cell: (c) => c.quote },
  { header: 'documentId', cell: (c) => c.document.id },
  { header: 'documentTitle', cell: (c) => c.document.title },
  { header: 'publisher', cell: (c) => c.document.publisher },
  { header: 'documentDate', cell: (c) => c.document.date },
  { header: 'url', cell: (c) => c.document.url },
  { header: 'origin', cell: (c) => originOf(c) },
];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted and defused as needed. null and undefined are empty fields. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

export function claimsToCsv(claims: readonly Claim[]): string {
  const rows = [csvRow(CSV_COLUMNS.map((c) => c.header))];
  for (const claim of claims) rows.push(csvRow(CSV_COLUMNS.map((c) => c.cell(claim))));
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * Reads CSV back into rows (RFC 4180: quoted fields may hold commas, quotes and line breaks). The export
 * does not need it; tests use it to prove that what is written reads back as it was.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
