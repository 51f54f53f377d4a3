/**
 * Browsing the claim database (options page): search by text, filter by metric, subject, place, source,
 * whose document and date range, sort by date or value, and keep all of it in the page's address so a
 * view can be reloaded or linked. Pure: plain data in, plain data out.
 */
import {
  METRICS,
  SUBJECTS,
  type Claim,
  type DocumentOrigin,
  type IsoDate,
  type Metric,
  type Subject,
} from '../types.ts';
import { isCalendarDate } from './new-document.ts';

export const SORTS = ['date-desc', 'date-asc', 'value-desc', 'value-asc'] as const;
export type SortKey = (typeof SORTS)[number];

export interface ClaimQuery {
  /** Words that must all appear (in the figure, quote, source, place, title or publisher); digits match numbers. */
  text: string;
  metric: Metric | null;
  subject: Subject | null;
  place: string | null;
  /** null: any source; '' : claims no one is named for. */
  source: string | null;
  origin: DocumentOrigin | null;
  /** Inclusive bounds on the claim's date (asOf, else its document's date). */
  from: IsoDate | null;
  to: IsoDate | null;
  sort: SortKey;
}

export const DEFAULT_QUERY: ClaimQuery = {
  text: '',
  metric: null,
  subject: null,
  place: null,
  source: null,
  origin: null,
  from: null,
  to: null,
  sort: 'date-desc',
};

/** The date a claim speaks for: the day it describes, else the day its document was published. */
export function claimDate(claim: Claim): IsoDate {
  return claim.asOf ?? claim.document.date;
}

/** The number a claim is sorted by: its value, else the bound it gives; null for vague figures. */
export function claimSortValue(claim: Claim): number | null {
  return claim.value ?? claim.low ?? claim.high;
}

export function originOf(claim: Claim): DocumentOrigin {
  return claim.document.origin ?? 'bundled';
}

/** Lower case, accents off, spaces collapsed: "Zelenskyy" finds "ZELENSKYY", "Kyiv" finds "Kyïv". */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A search word that is a number: "5,000", "5000", "3.8": matched against figures, not just letters. */
function numericToken(token: string): string | null {
  return /^\d[\d,.\u00a0 ]*$/.test(token) ? token.replace(/[^\d]/g, '') : null;
}

function haystack(claim: Claim): string {
  const c = claim;
  const digits = [c.text.replace(/[^\d]/g, ''), c.value, c.low, c.high]
    .filter((x) => x !== null && x !== '')
    .join(' ');
  return foldText(
    [
      c.text,
      c.quote,
      c.source ?? '',
      c.place,
      c.document.title,
      c.document.publisher,
      c.scope ?? '',
      digits,
    ].join(' \u0001 '),
  );
}

/**
 * The words searched for, as they are matched: folded (lib/library/query.ts `foldText`), a number as its
 * digits ("5,000" → "5000"). The options page highlights these in each result.
 */
export function searchTerms(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => numericToken(t) ?? t)
    .filter((t) => t !== '');
}

/** A predicate for `q` (build once, test many claims). */
export function claimMatcher(q: ClaimQuery): (claim: Claim) => boolean {
  const tokens = searchTerms(q.text);
  const cache = new WeakMap<Claim, string>();
  const hay = (c: Claim) => {
    let h = cache.get(c);
    if (h === undefined) cache.set(c, (h = haystack(c)));
    return h;
  };
  return (c) => {
    if (q.metric !== null && c.metric !== q.metric) return false;
    if (q.subject !== null && c.subject !== q.subject) return false;
    if (q.place !== null && (c.place ?? '') !== q.place) return false;
    if (q.source !== null && (c.source ?? '') !== q.source) return false;
    if (q.origin !== null && originOf(c) !== q.origin) return false;
    const date = claimDate(c);
    if (q.from !== null && date < q.from) return false;
    if (q.to !== null && date > q.to) return false;
    if (tokens.length === 0) return true;
    const h = hay(c);
    return tokens.every((t) => h.includes(t));
  };
}

function compareDates(a: Claim, b: Claim): number {
  const da = claimDate(a);
  const db = claimDate(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

function compareValues(a: Claim, b: Claim): number {
  return (claimSortValue(a) ?? 0) - (claimSortValue(b) ?? 0);
}

/** Sorted copy. Vague figures (no number) go last in a value sort; ties fall back to date, then id. */
export function sortClaims(claims: readonly Claim[], sort: SortKey): Claim[] {
  const tie = (a: Claim, b: Claim) => compareDates(b, a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byKey: Record<SortKey, (a: Claim, b: Claim) => number> = {
    'date-desc': (a, b) => compareDates(b, a),
    'date-asc': (a, b) => compareDates(a, b),
    'value-desc': (a, b) => compareValues(b, a),
    'value-asc': (a, b) => compareValues(a, b),
  };
  const valueSort = sort === 'value-desc' || sort === 'value-asc';
  return [...claims].sort((a, b) => {
    if (valueSort) {
      const va = claimSortValue(a) === null;
      const vb = claimSortValue(b) === null;
      if (va !== vb) return va ? 1 : -1;
    }
    return byKey[sort](a, b) || tie(a, b);
  });
}

export function queryClaims(claims: readonly Claim[], q: ClaimQuery): Claim[] {
  return sortClaims(claims.filter(claimMatcher(q)), q.sort);
}

export interface Facet<T extends string> {
  value: T;
  count: number;
}

export interface Facets {
  metrics: Facet<Metric>[];
  subjects: Facet<Subject>[];
  places: Facet<string>[];
  /** '' stands for claims without a named source. */
  sources: Facet<string>[];
  origins: Facet<DocumentOrigin>[];
}

function count<T extends string>(values: Iterable<T>, order?: readonly T[]): Facet<T>[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const facets = [...counts].map(([value, n]) => ({ value, count: n }));
  if (order) return facets.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  return facets.sort((a, b) => a.value.localeCompare(b.value, 'en'));
}

/** The choices the filters offer: only values the database has, with how many claims each. */
export function facetsOf(claims: readonly Claim[]): Facets {
  return {
    metrics: count(
      claims.map((c) => c.metric),
      METRICS,
    ),
    subjects: count(
      claims.map((c) => c.subject),
      SUBJECTS,
    ),
    places: count(claims.map((c) => c.place ?? '')),
    sources: count(claims.map((c) => c.source ?? '')),
    origins: count(claims.map(originOf), ['reader', 'bundled']),
  };
}

/** The query as URL parameters; defaults are left out, so the plain page has a plain address. */
export function queryToSearch(q: ClaimQuery): string {
  const p = new URLSearchParams();
  if (q.text.trim()) p.set('q', q.text.trim());
  if (q.metric) p.set('metric', q.metric);
  if (q.subject) p.set('subject', q.subject);
  if (q.place !== null) p.set('place', q.place);
  if (q.source !== null) p.set('source', q.source);
  if (q.origin) p.set('origin', q.origin);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.sort !== DEFAULT_QUERY.sort) p.set('sort', q.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

/** Reads a query back from an address; anything unknown or malformed falls back to "any". */
export function queryFromSearch(search: string): ClaimQuery {
  const p = new URLSearchParams(search);
  const date = (key: string) => {
    const raw = p.get(key);
    return raw !== null && isCalendarDate(raw) ? raw : null;
  };
  return {
    text: (p.get('q') ?? '').slice(0, 500),
    metric: oneOf(METRICS, p.get('metric')),
    subject: oneOf(SUBJECTS, p.get('subject')),
    place: p.get('place'),
    source: p.get('source'),
    origin: oneOf(['bundled', 'reader'] as const, p.get('origin')),
    from: date('from'),
    to: date('to'),
    sort: oneOf(SORTS, p.get('sort')) ?? DEFAULT_QUERY.sort,
  };
}

/** The first `shown` results, and how many more there are. */
export function pageOf<T>(items: readonly T[], shown: number): { items: T[]; more: number } {
  return { items: items.slice(0, shown), more: Math.max(0, items.length - shown) };
}
