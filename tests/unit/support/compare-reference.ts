/**
 * FROZEN reference copy of lib/compare/index.ts and lib/compare/claim-index.ts as of commit 9caf67a (the
 * straightforward one-pass comparison), for tests/unit/compare.property.test.ts: the optimised
 * `compareReading` must return exactly what this one does. Test-only; do not edit to follow changes in
 * lib/compare — a change of behaviour belongs in both, on purpose.
 */
import type {
  Claim,
  ClaimRef,
  Comparison,
  IsoDate,
  Metric,
  Reading,
  Report,
  Subject,
  TimeRelation,
} from '../../../lib/types.ts';
import { dayNumber, yearOfDay } from '../../../lib/compare/dates.ts';
import { intervalOf, overlaps, type Interval } from '../../../lib/compare/intervals.ts';
import { isComparable, measureKind, type MeasureKind } from '../../../lib/compare/measures.ts';
import { Stance, isConsistent } from '../../../lib/compare/stances.ts';
import { isFloor, shortName, sourceKey } from '../../../lib/compare/sources.ts';
import {
  apart,
  claimWords,
  noReportsSummary,
  noteFor,
  span,
  type ClaimWords,
} from '../../../lib/compare/wording.ts';

/**
 * Two reports this many days apart or fewer describe the same period for the purpose of disagreement:
 * "249 by the previous evening" (asOf March 2) and "over 2,000" (March 3) are a disagreement between
 * sources, not a toll that grew eightfold overnight.
 */
export const SAME_PERIOD_DAYS = 1;

/** A group of claims that count the same thing, sorted by date (then value, then id). */
export interface Bucket {
  readonly claims: readonly Claim[];
  /** Day number of each claim's date (its `asOf`, else its document's date); NaN when neither is a date. */
  readonly day: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** 1 for figures with no number (`thousands`). */
  readonly vague: Uint8Array;
  /** 1 for a monitor's confirmed count of casualties: a floor. */
  readonly floor: Uint8Array;
  readonly source: readonly string[];
  /** Index of the latest claim that supersedes each claim, or -1. */
  readonly supersededBy: Int32Array;
  /** Day from which each claim is superseded (the earliest superseding claim's day), or Infinity. */
  readonly staleFrom: Float64Array;
  /** Index of that earliest superseding claim, or -1 (named when a report was stale by the page's date). */
  readonly staleBy: Int32Array;
  /** Keys a claim has beyond the `Claim` interface (e.g. `origin`), or null: copied onto its reports. */
  readonly extra: readonly (readonly string[] | null)[];
  /** Each claim's words for notes and summaries, made on first use (`wordsOf`). */
  readonly words: (ClaimWords | undefined)[];
  /** A pointer to each claim, for `Report.supersededBy`, made on first use (`refOf`), then shared and frozen. */
  readonly refs: (ClaimRef | undefined)[];
  readonly kind: MeasureKind;
  readonly window: boolean;
  readonly forecast: boolean;
}

type PlaceMap = Map<string, (Bucket | undefined)[]>;

/** Built by `indexClaims`; opaque to callers. */
export class ClaimIndex {
  /** Number of claims indexed (all of them, comparable or not). */
  readonly size: number;
  readonly #measures: Map<Metric, Map<Subject, PlaceMap>>;

  constructor(size: number, measures: Map<Metric, Map<Subject, PlaceMap>>) {
    this.size = size;
    this.#measures = measures;
  }

  /** The group counting exactly this, or undefined. No allocation. */
  bucket(
    metric: Metric,
    subject: Subject,
    place: string | null,
    window: boolean,
    forecast: boolean,
  ): Bucket | undefined {
    if (place === null) return undefined;
    return this.#measures.get(metric)?.get(subject)?.get(place)?.[slot(window, forecast)];
  }
}

function slot(window: boolean, forecast: boolean): number {
  return (window ? 2 : 0) + (forecast ? 1 : 0);
}

function dateOf(claim: Claim): number {
  const asOf = dayNumber(claim.asOf);
  return Number.isNaN(asOf) ? dayNumber(claim.document.date) : asOf;
}

export function indexClaims(claims: readonly Claim[]): ClaimIndex {
  const groups = new Map<Metric, Map<Subject, Map<string, Claim[][]>>>();
  for (const claim of claims) {
    if (claim.place === null) continue;
    let bySubject = groups.get(claim.metric);
    if (!bySubject) groups.set(claim.metric, (bySubject = new Map()));
    let byPlace = bySubject.get(claim.subject);
    if (!byPlace) bySubject.set(claim.subject, (byPlace = new Map()));
    let slots = byPlace.get(claim.place);
    if (!slots) byPlace.set(claim.place, (slots = [[], [], [], []]));
    slots[slot(claim.period === 'window', claim.modality === 'forecast')]!.push(claim);
  }

  const measures = new Map<Metric, Map<Subject, PlaceMap>>();
  for (const [metric, bySubject] of groups) {
    const subjects = new Map<Subject, PlaceMap>();
    measures.set(metric, subjects);
    for (const [subject, byPlace] of bySubject) {
      const places: PlaceMap = new Map();
      subjects.set(subject, places);
      for (const [place, slots] of byPlace) {
        places.set(
          place,
          slots.map((group, i) =>
            group.length === 0 ? undefined : buildBucket(group, metric, i >= 2, i % 2 === 1),
          ),
        );
      }
    }
  }
  return new ClaimIndex(claims.length, measures);
}

function buildBucket(group: Claim[], metric: Metric, window: boolean, forecast: boolean): Bucket {
  const n = group.length;
  const keyed = group.map((claim) => ({ claim, day: dateOf(claim), iv: intervalOf(claim) }));
  // Undated claims (NaN) sort last; ties by value then id so the order is stable across rebuilds.
  keyed.sort(
    (a, b) =>
      (Number.isNaN(a.day) ? Infinity : a.day) - (Number.isNaN(b.day) ? Infinity : b.day) ||
      a.iv.lo - b.iv.lo ||
      (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0),
  );

  const bucket = {
    claims: keyed.map((k) => k.claim),
    day: new Float64Array(n),
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    vague: new Uint8Array(n),
    floor: new Uint8Array(n),
    source: keyed.map((k) => sourceKey(k.claim.source, k.claim.document.publisher)),
    supersededBy: new Int32Array(n).fill(-1),
    staleFrom: new Float64Array(n).fill(Infinity),
    staleBy: new Int32Array(n).fill(-1),
    extra: keyed.map((k) => extraKeys(k.claim)),
    words: new Array<ClaimWords | undefined>(n).fill(undefined),
    refs: new Array<ClaimRef | undefined>(n).fill(undefined),
    kind: measureKind(metric),
    window,
    forecast,
  } satisfies Bucket;
  keyed.forEach((k, i) => {
    bucket.day[i] = k.day;
    bucket.lo[i] = k.iv.lo;
    bucket.hi[i] = k.iv.hi;
    bucket.vague[i] = k.iv.vague ? 1 : 0;
    bucket.floor[i] = isFloor(k.claim.source, metric) ? 1 : 0;
  });
  // Only running totals and levels reported over time are superseded; a one-day figure or a forecast is not.
  if (!window && !forecast) findSuperseding(bucket);
  return bucket;
}

const CLAIM_KEYS: ReadonlySet<string> = new Set<keyof Claim>([
  'id',
  'text',
  'start',
  'end',
  'value',
  'low',
  'high',
  'qualifier',
  'metric',
  'subject',
  'place',
  'period',
  'asOf',
  'source',
  'modality',
  'quote',
  'document',
]);

function extraKeys(claim: Claim): string[] | null {
  const extra = Object.keys(claim).filter((key) => !CLAIM_KEYS.has(key));
  return extra.length > 0 ? extra : null;
}

/** The words of claim `i`; most claims are never shown, so they are made when first needed. */
export function wordsOf(b: Bucket, i: number): ClaimWords {
  return (b.words[i] ??= claimWords(b.claims[i]!));
}

/** The pointer to claim `i` that reports superseded by it carry. */
export function refOf(b: Bucket, i: number): ClaimRef {
  return (b.refs[i] ??= makeRef(b.claims[i]!));
}

function makeRef(claim: Claim): ClaimRef {
  return Object.freeze({
    id: claim.id,
    text: claim.text,
    value: claim.value,
    source: claim.source,
    publisher: claim.document.publisher,
    asOf: claim.asOf ?? claim.document.date,
  });
}

/**
 * Whether claim `j` supersedes claim `i`: it is a later report of the same measure that moved past it —
 * larger, for a running total; different, for a level — and not merely another source's view of the same
 * period (then it is a disagreement). A monitor's confirmed count (a floor) is superseded only by a later
 * confirmed count or by its own source: a larger estimate from elsewhere does not replace it.
 */
export function supersedes(b: Bucket, i: number, j: number): boolean {
  const apart = b.day[j]! - b.day[i]!;
  if (!(apart > 0) || b.vague[i] || b.vague[j]) return false;
  const sameSource = b.source[i] === b.source[j];
  if (apart <= SAME_PERIOD_DAYS && !sameSource) return false;
  const moved = b.kind === 'count' ? b.lo[j]! > b.hi[i]! : b.lo[j]! > b.hi[i]! || b.hi[j]! < b.lo[i]!;
  if (!moved) return false;
  return !b.floor[i] || b.floor[j] === 1 || sameSource;
}

function findSuperseding(
  b: Bucket & { supersededBy: Int32Array; staleFrom: Float64Array; staleBy: Int32Array },
): void {
  const n = b.claims.length;
  // For a running total nothing can pass a claim whose interval is open above, nor one larger than every
  // later claim: the suffix maximum of `lo` skips those without a scan.
  const suffixMaxLo = new Float64Array(n + 1).fill(-Infinity);
  for (let i = n - 1; i >= 0; i--) suffixMaxLo[i] = Math.max(suffixMaxLo[i + 1]!, b.lo[i]!);
  for (let i = 0; i < n; i++) {
    if (b.vague[i] || Number.isNaN(b.day[i]!)) continue;
    if (b.kind === 'count' && !(suffixMaxLo[i + 1]! > b.hi[i]!)) continue;
    for (let j = i + 1; j < n; j++) {
      if (supersedes(b, i, j)) {
        b.staleFrom[i] = b.day[j]!;
        b.staleBy[i] = j;
        break;
      }
    }
    if (b.staleFrom[i] === Infinity) continue;
    for (let j = n - 1; j > i; j--) {
      if (supersedes(b, i, j)) {
        b.supersededBy[i] = j;
        break;
      }
    }
  }
}

export interface CompareOptions {
  /** The page's publication date, when known: the figure's date when it has no `asOf` of its own. */
  pageDate: IsoDate | null;
  /** Most reports to return; the verdict always weighs them all. Default MAX_REPORTS. */
  maxReports?: number;
}

/** Enough for the card, the popup and the timeline; a group with more keeps those nearest in time. */
export const MAX_REPORTS = 50;

// Reused between calls so a comparison allocates nothing per claim it merely weighs.
let stances = new Uint8Array(1024);

/** What the comparison knows about the page figure. */
interface Page {
  reading: Reading;
  iv: Interval;
  day: number;
  floor: boolean;
  source: string;
  who: string;
  /** The year of the figure's date, so notes name other years only. */
  year: number | undefined;
}

export function compareReading(reading: Reading, index: ClaimIndex, options: CompareOptions): Comparison {
  if (!isComparable(reading.metric)) {
    return {
      verdict: 'no-reports',
      reports: [],
      summary: 'Not compared: what this figure counts is unclear.',
    };
  }
  const iv = intervalOf(reading);
  if (iv.vague) {
    return {
      verdict: 'no-reports',
      reports: [],
      summary: `“${shortName(reading.text)}” gives no number to check.`,
    };
  }
  const bucket = index.bucket(
    reading.metric,
    reading.subject,
    reading.place,
    reading.period === 'window',
    reading.modality === 'forecast',
  );
  if (!bucket) return { verdict: 'no-reports', reports: [], summary: noReportsSummary(reading) };

  let day = dayNumber(reading.asOf);
  if (Number.isNaN(day)) day = dayNumber(options.pageDate);
  const page: Page = {
    reading,
    iv,
    day,
    floor: isFloor(reading.source, reading.metric),
    source: reading.source === null ? '' : sourceKey(reading.source, null),
    who: reading.source === null ? 'this page' : shortName(reading.source),
    year: Number.isNaN(day) ? undefined : yearOfDay(day),
  };

  // A one-day figure meets only the same day's figures: the group is sorted by day.
  let from = 0;
  let to = bucket.claims.length;
  if (bucket.window) {
    if (Number.isNaN(day)) {
      return {
        verdict: 'no-reports',
        reports: [],
        summary: 'No date for this one-day figure, so no report can be matched to it.',
      };
    }
    from = firstAtOrAfter(bucket.day, day, 0, to);
    to = firstAfter(bucket.day, day, from, to);
  }

  if (stances.length < to) stances = new Uint8Array(Math.max(to, stances.length * 2));
  let weighed = 0;
  let vague = 0;
  let best = -1;
  let bestRank = 0;
  let contradictions = 0;
  let namedConflict = -1;
  let outdatedBy = -1;
  let staleMatch = -1;
  // The figure's own source's latest report at or before its date, and whether any that day agrees.
  let own = -1;
  let ownAgrees = false;
  for (let i = from; i < to; i++) {
    const claim = bucket.claims[i]!;
    if (bucket.vague[i] || (claim.quote === reading.quote && claim.text === reading.text)) {
      stances[i] = Stance.skip;
      vague += bucket.vague[i]!;
      continue;
    }
    const stance = judge(bucket, i, page);
    stances[i] = stance;
    weighed++;
    const d = bucket.day[i]! - day;
    if (d <= 0 && stance !== Stance.stale && !bucket.forecast && bucket.source[i] === page.source) {
      if (own < 0 || bucket.day[i]! > bucket.day[own]!) ownAgrees = false;
      own = i;
      ownAgrees ||= isConsistent(stance);
    }
    if (isConsistent(stance)) {
      const rank = stance === Stance.match ? 2 : 1;
      if (best < 0 || rank > bestRank || (rank === bestRank && closer(d, bucket.day[best]! - day))) {
        best = i;
        bestRank = rank;
      }
      continue;
    }
    if (stance === Stance.stale) {
      if (bucket.lo[i]! <= page.iv.hi && page.iv.lo <= bucket.hi[i]!) staleMatch = i;
      continue;
    }
    contradictions++;
    // The latest report that had already passed the figure by its date: what it should have said.
    if (
      bucket.lo[i]! > page.iv.hi &&
      (stance === Stance.backwards || (d <= 0 && bucket.source[i] === page.source))
    ) {
      outdatedBy = i;
    }
    if (stance === Stance.conflict && Math.abs(d) <= SAME_PERIOD_DAYS) {
      if (namedConflict < 0 || closer(d, bucket.day[namedConflict]! - day)) namedConflict = i;
    }
  }
  if (weighed === 0)
    return { verdict: 'no-reports', reports: [], summary: noReportsSummary(reading, vague > 0) };

  // A figure attributed to a source that had itself published another number by then is out of date or
  // misquoted, whatever other sources allow.
  const disowned = own >= 0 && !ownAgrees;
  if (disowned && !(bucket.lo[own]! > page.iv.hi)) namedConflict = own;
  const verdict = best >= 0 && !disowned ? 'agrees' : 'differs';
  const picked = pick(bucket, from, to, day, options.maxReports ?? MAX_REPORTS, [
    best,
    namedConflict,
    outdatedBy,
    staleMatch,
  ]);
  const reports = picked.map((i) => report(bucket, i, page));
  const summary =
    verdict === 'agrees'
      ? agreeSummary(bucket, page, best, namedConflict, contradictions)
      : differSummary(bucket, page, outdatedBy, staleMatch, namedConflict, weighed, from, to);
  return { verdict, reports, summary };
}

/** How report `i` stands towards the page figure (see the rules at the top). */
function judge(b: Bucket, i: number, page: Page): Stance {
  const { iv } = page;
  // Replaced by a later report before the figure's date: it no longer speaks for that date either way.
  // Strictly before: a replacement the same day may be the figure itself (its own sentence, left out).
  if (b.staleFrom[i]! < page.day) return Stance.stale;
  const lo = b.lo[i]!;
  const hi = b.hi[i]!;
  if (overlaps(iv.lo, iv.hi, lo, hi)) return Stance.match;
  if (b.forecast) return Stance.conflict;
  const sameSource = b.source[i] === page.source;
  // The smaller side is a confirmed minimum and the larger comes from someone else.
  if (!sameSource && (hi < iv.lo ? b.floor[i] === 1 : page.floor)) return Stance.floor;
  const d = b.day[i]! - page.day;
  if (Number.isNaN(d) || b.window) return Stance.conflict;
  const apart = Math.abs(d) > SAME_PERIOD_DAYS || (sameSource && d !== 0);
  if (!apart) return Stance.conflict;
  if (b.kind === 'level') return Stance.level;
  return d > 0 === lo > iv.hi ? Stance.progress : Stance.backwards;
}

/**
 * Whether `a` days apart is nearer the figure than `b`; ties (and no page date at all) go to the later
 * report, as the group is walked oldest first.
 */
function closer(a: number, b: number): boolean {
  if (Number.isNaN(b)) return true;
  if (Number.isNaN(a)) return false;
  return Math.abs(a) < Math.abs(b) || (Math.abs(a) === Math.abs(b) && a > b);
}

function firstAtOrAfter(days: Float64Array, day: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (days[mid]! < day) from = mid + 1;
    else to = mid;
  }
  return from;
}

function firstAfter(days: Float64Array, day: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (days[mid]! <= day) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * The reports to return, in date order: all of them when they fit; else a run nearest the figure's date
 * plus the reports the summary names.
 */
function pick(b: Bucket, from: number, to: number, day: number, max: number, named: number[]): number[] {
  const kept: number[] = [];
  for (let i = from; i < to; i++) if (stances[i] !== Stance.skip) kept.push(i);
  if (kept.length <= max) return kept;
  const extra = named.filter((i, k) => i >= 0 && named.indexOf(i) === k);
  const size = Math.max(0, max - extra.length);
  // Without a date, the latest reports are the most useful.
  let centre = kept.length;
  if (!Number.isNaN(day)) {
    centre = 0;
    while (centre < kept.length && b.day[kept[centre]!]! < day) centre++;
  }
  const start = Math.min(Math.max(0, centre - (size >> 1)), kept.length - size);
  const chosen = kept.slice(start, start + size);
  for (const i of extra) if (!chosen.includes(i)) chosen.push(i);
  return chosen.sort((x, y) => x - y);
}

function relationOf(d: number): TimeRelation {
  if (Number.isNaN(d)) return 'unknown';
  return d === 0 ? 'same-day' : d > 0 ? 'later' : 'earlier';
}

function report(b: Bucket, i: number, page: Page): Report {
  const c = b.claims[i]!;
  const stance = stances[i] as Stance;
  const d = b.day[i]! - page.day;
  const sup = b.supersededBy[i]!;
  const supersededBy = sup >= 0 ? refOf(b, sup) : null;
  // An explicit literal: V8 copies `{ ...claim, … }` of a 17-field object two orders of magnitude slower.
  const r: Report = {
    id: c.id,
    text: c.text,
    start: c.start,
    end: c.end,
    value: c.value,
    low: c.low,
    high: c.high,
    qualifier: c.qualifier,
    metric: c.metric,
    subject: c.subject,
    place: c.place,
    period: c.period,
    asOf: c.asOf,
    source: c.source,
    modality: c.modality,
    quote: c.quote,
    document: c.document,
    consistent: isConsistent(stance),
    relation: relationOf(d),
    daysApart: Number.isNaN(d) ? null : d,
    supersededBy,
    note: noteFor({
      words: wordsOf(b, i),
      forecast: b.forecast,
      stance,
      days: d,
      larger: b.lo[i]! > page.iv.hi,
      matches: overlaps(page.iv.lo, page.iv.hi, b.lo[i]!, b.hi[i]!),
      sameSource: b.source[i] === page.source,
      pageWho: page.who,
      supersededBy: sup >= 0 ? wordsOf(b, sup) : null,
      staleBy: stance === Stance.stale && b.staleBy[i]! >= 0 ? wordsOf(b, b.staleBy[i]!) : null,
      refYear: page.year,
    }),
  };
  // Superseded before the page figure's date: it no longer speaks for that date (shown as "outdated").
  if (stance === Stance.stale) r.outdated = true;
  // Fields a claim carries beyond the shared vocabulary (e.g. whose document it is) travel with it.
  const extra = b.extra[i];
  if (extra)
    for (const key of extra)
      (r as unknown as Record<string, unknown>)[key] ??= (c as unknown as Record<string, unknown>)[key];
  return r;
}

function agreeSummary(b: Bucket, page: Page, best: number, conflict: number, contradictions: number): string {
  const ref = wordsOf(b, best).ref;
  const d = b.day[best]! - page.day;
  let line: string;
  switch (stances[best]) {
    case Stance.match: {
      const sup = b.supersededBy[best]!;
      line = `Agrees with ${ref}`;
      if (sup >= 0) line += `, since superseded by ${wordsOf(b, sup).ref}`;
      break;
    }
    case Stance.floor:
      line =
        b.lo[best]! > page.iv.hi
          ? `Consistent: ${ref} is higher, and a confirmed count like this one is a floor`
          : `Consistent with ${ref}, a confirmed count: the real number is likely higher`;
      break;
    case Stance.progress:
      line = d > 0 ? `Consistent: the count grew later (${ref})` : `Consistent: up from ${ref}`;
      break;
    default:
      line = `Consistent: the other reports are for other dates (${ref})`;
  }
  if (conflict >= 0) {
    const claim = b.claims[conflict]!;
    const who = wordsOf(b, conflict).who;
    const when = b.day[conflict]! - page.day;
    line += `; ${who} gave ${shortName(claim.text)} ${when === 0 ? 'the same day' : span(when)}`;
  } else if (contradictions > 0) {
    line += `; ${contradictions} other ${contradictions === 1 ? 'report differs' : 'reports differ'}`;
  }
  return `${line}.`;
}

function differSummary(
  b: Bucket,
  page: Page,
  outdatedBy: number,
  stale: number,
  conflict: number,
  weighed: number,
  from: number,
  to: number,
): string {
  if (outdatedBy >= 0) return `Out of date: superseded by ${wordsOf(b, outdatedBy).ref}.`;
  if (stale >= 0 && b.supersededBy[stale]! >= 0) {
    return `Out of date: matches ${wordsOf(b, stale).ref}, superseded by ${wordsOf(b, b.supersededBy[stale]!).ref}.`;
  }
  if (conflict >= 0) {
    const claim = b.claims[conflict]!;
    const who = wordsOf(b, conflict).who;
    return `Differs: ${who} gave ${shortName(claim.text)} ${apart(b.day[conflict]! - page.day)}.`;
  }
  // The latest report weighed (the group is in date order).
  let latest = to - 1;
  while (latest > from && stances[latest] === Stance.skip) latest--;
  const n = weighed === 1 ? 'the only report' : `all ${weighed} reports`;
  return `Differs from ${n}; the latest is ${wordsOf(b, latest).ref}.`;
}
