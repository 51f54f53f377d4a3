/**
 * The date a news page was published, from what publishers put in the page for search engines and social
 * sites. Used to place a page's figures in time against other reports (lib/compare). Read-only: it only
 * queries the document, never changes it, and never throws on malformed markup or JSON.
 *
 * In order of trust:
 * 1. `<meta property="article:published_time">` and its common spellings (`og:published_time`,
 *    `itemprop="datePublished"` on a meta);
 * 2. JSON-LD `datePublished`, preferring an article (NewsArticle, LiveBlogPosting…) anywhere in the data,
 *    `@graph` arrays included; broken JSON is read as far as it can be;
 * 3. other meta dates (`name="date"`, `pubdate`, Dublin Core…);
 * 4. an element marked `itemprop="datePublished"`;
 * 5. `<time datetime>`: a `pubdate` one, else the first in the article or its header, else the first.
 *
 * The date is the calendar date as the publisher wrote it (`2022-03-03T23:30:00-05:00` is 2022-03-03):
 * the day the page says, not the day it was in UTC.
 *
 * In two steps: the content script reads the places above as written (./page-date-sources.ts, small and
 * cheap), and the background makes the date of them (`pageDateOf`), so the formats and the JSON-LD walk
 * are not in the script every page loads. `check` and "Save this page" take both steps at once.
 */
import { isIsoDate } from '../calendar/days.ts';
import type { IsoDate } from '../types.ts';
import type { PageDateSources } from '../page-data.ts';
import { monthNumber } from '../calendar/months.ts';
import { readPageDateSources } from './page-date-sources.ts';

/** Meta names trusted first (lower case; matched on `property`, `name` and `itemprop`). */
const PRIMARY_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
];

/** Other meta names publishers use for the publication date. */
const SECONDARY_META = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'publication-date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'originalpublicationdate',
];

const ARTICLE_TYPE = /Article|Posting|Report|Blog/i;

/** Bounds on the JSON-LD walk, so a hostile page cannot make it expensive. */
const MAX_NODES = 5_000;
const MAX_DEPTH = 12;

/** The page's publication date: what `check` reads, and what the background makes of a page's sources. */
export function readPageDate(doc: Document): IsoDate | null {
  return pageDateOf(readPageDateSources(doc));
}

/**
 * The publication date the sources give (lib/dom/page-date-sources.ts reads them in the page), in the order
 * of trust above. Pure: the background runs it for the content script (`page:date`).
 */
export function pageDateOf(sources: PageDateSources): IsoDate | null {
  const metas = new Map<string, string[]>();
  for (const [name, content] of sources.metas) {
    const list = metas.get(name);
    if (list) list.push(content);
    else metas.set(name, [content]);
  }
  return (
    firstDate(PRIMARY_META.map((name) => metas.get(name))) ??
    readJsonLdDate(sources.jsonLd) ??
    firstDate(SECONDARY_META.map((name) => metas.get(name))) ??
    firstDate([sources.itemprops, sources.times])
  );
}

function firstDate(candidates: (readonly string[] | undefined)[]): IsoDate | null {
  for (const list of candidates) {
    for (const value of list ?? []) {
      const date = parseDate(value);
      if (date) return date;
    }
  }
  return null;
}

// ---- JSON-LD -----------------------------------------------------------------------------------------

function readJsonLdDate(scripts: readonly string[]): IsoDate | null {
  let fallback: IsoDate | null = null;
  for (const text of scripts) {
    const data = parseJsonLd(text);
    if (data === undefined) {
      // Unparseable even after repair: the first datePublished written in it is still the publisher's word.
      fallback ??= parseDate(/"datePublished"\s*:\s*"([^"]{4,64})"/.exec(text)?.[1] ?? '');
      continue;
    }
    const found = findDatePublished(data);
    if (found.article) return found.article;
    fallback ??= found.any;
  }
  return fallback;
}

/**
 * JSON.parse, then once more after the usual breakage (HTML comments, CDATA, trailing commas, raw newlines);
 * undefined when even that fails. Shared with lib/dom/page-article.ts (the publisher).
 */
export function parseJsonLd(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const repaired = text
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/[\n\r\t]+/g, ' ');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

interface Found {
  /** From an object typed as an article (NewsArticle, LiveBlogPosting, ReportageNewsArticle…). */
  article: IsoDate | null;
  /** From any object (a WebPage, say). */
  any: IsoDate | null;
}

function findDatePublished(root: unknown): Found {
  const found: Found = { article: null, any: null };
  let nodes = 0;
  const visit = (value: unknown, depth: number): void => {
    if (found.article || depth > MAX_DEPTH || ++nodes > MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    const date = jsonDate(obj['datePublished']);
    if (date) {
      if (isArticle(obj['@type'])) found.article = date;
      else found.any ??= date;
    }
    for (const key of Object.keys(obj)) {
      if (key !== 'datePublished') visit(obj[key], depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

function isArticle(type: unknown): boolean {
  if (typeof type === 'string') return ARTICLE_TYPE.test(type);
  return Array.isArray(type) && type.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

/** `"2022-03-03"`, `["2022-03-03"]` or `{"@value": "2022-03-03"}`. */
function jsonDate(value: unknown): IsoDate | null {
  if (typeof value === 'string') return parseDate(value);
  if (Array.isArray(value)) return jsonDate(value[0]);
  if (value !== null && typeof value === 'object')
    return jsonDate((value as Record<string, unknown>)['@value']);
  return null;
}

// ---- Date strings ------------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
// "Thu, 03 Mar 2022 10:00:00 GMT", "3 March 2022"
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
// "March 3, 2022", "Mar. 3 2022"
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;

/**
 * A publication date as written in a page → `YYYY-MM-DD`, or null when it is not a real date in a
 * plausible year. The time and time zone, if any, are dropped: the date is the one the publisher wrote.
 */
export function parseDate(raw: string): IsoDate | null {
  const value = raw.trim();
  if (value === '' || value.length > 100) return null;
  let m = ISO.exec(value) ?? COMPACT.exec(value) ?? SLASHED.exec(value);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return toIso(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month) return toIso(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

function toIso(year: number, month: number, day: number): IsoDate | null {
  if (year < 1990 || year > 2100) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
