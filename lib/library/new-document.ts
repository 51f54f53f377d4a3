/**
 * A document the reader adds: what the form gives (text, publisher, title, date, url), checked field by
 * field so the form can say what is wrong next to the field, and turned into the DocumentMeta and text
 * the claim extractor reads. Pure; the options page and the background both run it (the background never
 * trusts the page's checks).
 */
import type { DocumentMeta, IsoDate } from '../types.ts';
import { MAX_DOCUMENT_TEXT } from './library-file.ts';

/** What the "Add a document" form sends. Strings as typed; empty means not given. */
export interface NewDocumentInput {
  text: string;
  title: string;
  publisher: string;
  date: string;
  url: string;
}

export type NewDocumentField = keyof NewDocumentInput;
export type FieldErrors = Partial<Record<NewDocumentField, string>>;

export interface NewDocument {
  /** The metadata without an id (the id comes from `readerDocumentId`). */
  meta: Omit<DocumentMeta, 'id'>;
  /** The text as stored and read: line ends normalised, so claim offsets point into exactly this. */
  text: string;
}

export type Checked = { ok: true; value: NewDocument } | { ok: false; errors: FieldErrors };

const MAX_TITLE = 300;
const MAX_NAME = 200;
const MAX_URL = 1_000;
/** The earliest date a news document in this tool's scope can carry; earlier is a typing slip. */
const EARLIEST = '1900-01-01';

/** `\r\n` and `\r` become `\n`, a byte-order mark goes: the text the reader sees is the text we read. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A real calendar day written YYYY-MM-DD (2022-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first line of the text, shortened: a title for a document the reader gave none. */
export function titleFromText(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '';
  return line.length > 120 ? `${line.slice(0, 119).trimEnd()}…` : line;
}

/**
 * Checks the form. `today` (YYYY-MM-DD, the reader's local date) bounds the date: a document cannot be
 * from the future; one day of slack covers time zones.
 */
export function checkNewDocument(input: NewDocumentInput, today: IsoDate): Checked {
  const errors: FieldErrors = {};
  const text = normaliseText(input.text);
  if (text.trim() === '') errors.text = 'Paste the text of the document or choose a file.';
  else if (text.length > MAX_DOCUMENT_TEXT)
    errors.text = `The text is too long (${text.length.toLocaleString('en-US')} characters; at most ${MAX_DOCUMENT_TEXT.toLocaleString('en-US')}).`;
  else if (text.includes('\u0000')) errors.text = 'This does not look like text (it holds NUL characters).';

  const date = input.date.trim();
  if (date === '') errors.date = 'The date is required: claims are compared by when they were made.';
  else if (!isCalendarDate(date)) errors.date = `“${date}” is not a date written YYYY-MM-DD.`;
  else if (date < EARLIEST) errors.date = `${date} is before ${EARLIEST}: check the year.`;
  else if (date > addDays(today, 1)) errors.date = `${date} is in the future.`;

  const title = input.title.trim();
  if (title.length > MAX_TITLE) errors.title = `The title is too long (at most ${MAX_TITLE} characters).`;
  const publisher = input.publisher.trim();
  if (publisher.length > MAX_NAME)
    errors.publisher = `The publisher is too long (at most ${MAX_NAME} characters).`;

  const url = input.url.trim();
  if (url !== '') {
    if (url.length > MAX_URL) errors.url = `The address is too long (at most ${MAX_URL} characters).`;
    else if (!isWebUrl(url)) errors.url = 'The address must start with http:// or https://.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      text,
      meta: {
        title: title || titleFromText(text) || 'Untitled document',
        publisher,
        date,
        url: url === '' ? null : url,
        origin: 'reader',
      },
    },
  };
}

export function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The id of a reader's document: `reader-<date>-<hash>` from its metadata and text, so adding the same
 * document twice is noticed, and ids never collide with the bundle's (`000_67d443d53a126331`).
 * `hash` is SHA-256 hex (crypto.subtle in the browser); injected so this stays pure.
 */
export async function readerDocumentId(
  doc: NewDocument,
  hash: (text: string) => Promise<string>,
): Promise<string> {
  const digest = await hash(JSON.stringify([doc.meta.publisher, doc.meta.title, doc.meta.date, doc.text]));
  return `reader-${doc.meta.date}-${digest.slice(0, 12)}`;
}

/** Prefills for the form, read from an HTML file's head. Every field may be missing. */
export interface HtmlDocumentFields {
  text: string;
  title: string | null;
  publisher: string | null;
  date: IsoDate | null;
  url: string | null;
}

function metaContent(doc: Document, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * Reads an HTML file the reader chose: its visible text (by `readText`, the content script's reader, so
 * the same figures are found as on the live page) and what its head says about title, publisher, date and
 * address. `parse` is DOMParser's: the document is inert (no scripts run, nothing loads).
 */
export function readHtmlDocument(
  html: string,
  parse: (html: string) => Document,
  readText: (root: Element) => string,
): HtmlDocumentFields {
  const doc = parse(html);
  const text = doc.body ? readText(doc.body) : '';
  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    (doc.querySelector('title')?.textContent?.trim() || null);
  const publisher = metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="publisher"]']);
  const rawDate = metaContent(doc, [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
  ]);
  const day = rawDate?.slice(0, 10) ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? null;
  const url = [metaContent(doc, ['meta[property="og:url"]']), canonical].find(
    (u): u is string => u !== null && isWebUrl(u),
  );
  return {
    text,
    title,
    publisher,
    date: day !== null && isCalendarDate(day) ? day : null,
    url: url ?? null,
  };
}

/** Whether a chosen file is read as HTML (by name, then by type), else as plain text. */
export function isHtmlFile(name: string, type: string): boolean {
  return /\.x?html?$/i.test(name) || /html/i.test(type);
}

/** Files over this size are refused before reading: nobody pastes a 20 MB article. */
export const MAX_FILE_BYTES = 20_000_000;
