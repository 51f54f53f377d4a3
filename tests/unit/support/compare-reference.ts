/**
 * FROZEN reference copy of the comparison rules (lib/compare/index.ts, docs/comparison.md: like with like
 * by metric, subject, place, scope and period kind; verdicts agrees, differs, outdated, other-dates,
 * no-reports), written as one plain pass over a group, for tests/unit/compare/compare.property.test.ts: the optimised
 * `compareReading` must return exactly what this one does. Test-only; do not edit to follow changes in
 * lib/compare — a change of behaviour belongs in both, on purpose.
 */
import { PEOPLE_METRICS } from '../../../lib/types.ts';
import type {
  Claim,
  ClaimRef,
  Comparison,
  IsoDate,
  Metric,
  Period,
  Reading,
  Report,
  Subject,
  TimeRelation,
  Verdict,
} from '../../../lib/types.ts';
import { dayNumber, yearOfDay } from '../../../lib/calendar/days.ts';
import { intervalOf, overlaps, type Interval } from '../../../lib/compare/intervals.ts';
import { measureKind, type MeasureKind } from '../../../lib/compare/measures.ts';
import { Stance, isConsistent } from '../../../lib/compare/stances.ts';
import { isFloor, shortName, sourceKey } from '../../../lib/compare/sources.ts';
import {
  agreeSummary,
  claimWords,
  differSummary,
  noReportsSummary,
  noteFor,
  otherDatesSummary,
  outdatedSummary,
  type ClaimWords,
  type Named,
} from '../../../lib/compare/wording.ts';

/** Reports at most this many days apart describe the same period. */
export const SAME_PERIOD_DAYS = 3;

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
  readonly words: (ClaimWords | undefined)[];
  readonly refs: (ClaimRef | undefined)[];
  readonly kind: MeasureKind;
  readonly window: boolean;
  readonly forecast: boolean;
}

/** What a figure must say to be compared: a known metric, subject and place, and an event's incident. */
function keyOf(
  metric: Metric,
  subject: Subject,
  place: string | null | undefined,
  scope: string | null | undefined,
  period: Period,
  forecast: boolean,
): string | null {
  if (metric === 'other') return null;
  if (subject === 'other' && PEOPLE_METRICS.has(metric)) return null;
  if (typeof place !== 'string' || place.trim() === '') return null;
  if (period !== 'cumulative' && period !== 'window' && period !== 'event') return null;
  const s =
    typeof scope === 'string'
      ? scope
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim()
      : '';
  if ((period === 'event' || metric === 'weapons') && s === '') return null;
  return JSON.stringify([metric, subject, place, s, period, forecast]);
}

/** Built by `indexClaims`; opaque to callers. */
export class ClaimIndex {
  readonly size: number;
  readonly #buckets: Map<string, Bucket>;

  constructor(size: number, buckets: Map<string, Bucket>) {
    this.size = size;
    this.#buckets = buckets;
  }

  keyOf(reading: Reading): string | null {
    return keyOf(
      reading.metric,
      reading.subject,
      reading.place,
      reading.scope,
      reading.period,
      reading.modality === 'forecast',
    );
  }

  bucketOf(reading: Reading): Bucket | undefined {
    const key = keyOf(
      reading.metric,
      reading.subject,
      reading.place,
      reading.scope,
      reading.period,
      reading.modality === 'forecast',
    );
    return key === null ? undefined : this.#buckets.get(key);
  }
}

function dateOf(claim: Claim): number {
  const asOf = dayNumber(claim.asOf);
  return Number.isNaN(asOf) ? dayNumber(claim.document.date) : asOf;
}

export function indexClaims(claims: readonly Claim[]): ClaimIndex {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = keyOf(
      claim.metric,
      claim.subject,
      claim.place,
      claim.scope,
      claim.period,
      claim.modality === 'forecast',
    );
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(claim);
  }
  const buckets = new Map<string, Bucket>();
  for (const [key, group] of groups) {
    const first = group[0]!;
    buckets.set(
      key,
      buildBucket(group, first.metric, first.period === 'window', first.modality === 'forecast'),
    );
  }
  return new ClaimIndex(claims.length, buckets);
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
  'scope',
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
function supersedes(b: Bucket, i: number, j: number): boolean {
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
  year: number | undefined;
}

export function compareReading(reading: Reading, index: ClaimIndex, options: CompareOptions): Comparison {
  if (index.keyOf(reading) === null) {
    return {
      verdict: 'no-reports',
      reports: [],
      summary: 'Not compared: what this figure counts, where, or which incident, is unclear.',
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
  const bucket = index.bucketOf(reading);
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
    while (from < to && !(bucket.day[from]! >= day)) from++;
    let end = from;
    while (end < to && bucket.day[end] === day) end++;
    to = end;
  }

  if (stances.length < to) stances = new Uint8Array(Math.max(to, stances.length * 2));
  let weighed = 0;
  let vague = 0;
  for (let i = from; i < to; i++) {
    const claim = bucket.claims[i]!;
    if (bucket.vague[i] || (claim.quote === reading.quote && claim.text === reading.text)) {
      stances[i] = Stance.skip;
      vague += bucket.vague[i]!;
      continue;
    }
    stances[i] = judge(bucket, i, page);
    weighed++;
  }
  if (weighed === 0)
    return { verdict: 'no-reports', reports: [], summary: noReportsSummary(reading, vague > 0) };

  const inPeriod = (i: number) => {
    const d = bucket.day[i]! - day;
    return bucket.window ? d === 0 : Math.abs(d) <= SAME_PERIOD_DAYS;
  };
  let best = -1;
  let conflict = -1;
  let impossible = -1;
  let stale = -1;
  let nearest = -1;
  let own = -1;
  let earlier = -1;
  let later = -1;
  for (let i = from; i < to; i++) {
    const stance = stances[i]!;
    if (stance === Stance.skip) continue;
    const d = bucket.day[i]! - day;
    if (stance === Stance.match && (best < 0 || closer(d, bucket.day[best]! - day))) best = i;
    if (stance === Stance.conflict && (conflict < 0 || closer(d, bucket.day[conflict]! - day))) conflict = i;
    if (stance === Stance.impossible && (impossible < 0 || bucket.lo[i]! >= bucket.lo[impossible]!))
      impossible = i;
    if (stance === Stance.stale && overlaps(iv.lo, iv.hi, bucket.lo[i]!, bucket.hi[i]!)) stale = i;
    const context = stance === Stance.floor || stance === Stance.progress || stance === Stance.level;
    if (context && inPeriod(i) && (nearest < 0 || closer(d, bucket.day[nearest]! - day))) nearest = i;
    if (!bucket.forecast && page.source !== '' && bucket.source[i] === page.source && d <= 0) own = i;
    if (!bucket.window && d < -SAME_PERIOD_DAYS) earlier = i;
    if (!bucket.window && d > SAME_PERIOD_DAYS && later < 0) later = i;
  }
  // The figure's own source's latest report by its date: does any of that day's fit the figure?
  let disowned = false;
  if (own >= 0) {
    disowned = true;
    for (let i = from; i < to; i++) {
      if (stances[i] === Stance.skip || bucket.source[i] !== page.source) continue;
      if (bucket.day[i] === bucket.day[own] && isConsistent(stances[i]!)) disowned = false;
    }
  }

  const named = (i: number): Named => ({ words: wordsOf(bucket, i), days: bucket.day[i]! - day });
  const outdated = (): string =>
    outdatedSummary(
      wordsOf(bucket, stale),
      bucket.staleBy[stale]! >= 0 ? wordsOf(bucket, bucket.staleBy[stale]!) : null,
      bucket.supersededBy[stale]! >= 0 ? wordsOf(bucket, bucket.supersededBy[stale]!) : null,
    );
  let verdict: Verdict;
  let summary: string;
  if (impossible >= 0 || disowned) {
    if (best < 0 && stale >= 0) [verdict, summary] = ['outdated', outdated()];
    else
      [verdict, summary] = [
        'differs',
        impossible >= 0
          ? differSummary('impossible', named(impossible), page.year)
          : differSummary('own', named(own), page.year),
      ];
  } else if (best >= 0) {
    const sup = bucket.supersededBy[best]!;
    verdict = 'agrees';
    summary = agreeSummary(
      named(best),
      sup >= 0 ? wordsOf(bucket, sup) : null,
      conflict >= 0 ? named(conflict) : null,
      page.year,
    );
  } else if (stale >= 0) {
    [verdict, summary] = ['outdated', outdated()];
  } else if (conflict >= 0) {
    [verdict, summary] = ['differs', differSummary('conflict', named(conflict), page.year)];
  } else {
    verdict = 'other-dates';
    summary = otherDatesSummary(
      nearest >= 0 ? { ...named(nearest), stance: stances[nearest] as Stance } : null,
      earlier >= 0 ? named(earlier) : null,
      later >= 0 && !Number.isNaN(bucket.day[later]!) ? named(later) : null,
      page.year,
      !Number.isNaN(day),
    );
  }
  const picked = pick(bucket, from, to, day, options.maxReports ?? MAX_REPORTS, [
    best,
    conflict,
    impossible,
    stale,
    disowned ? own : -1,
    nearest,
    earlier,
    later >= 0 && !Number.isNaN(bucket.day[later]!) ? later : -1,
  ]);
  const reports = picked.map((i) => report(bucket, i, page));
  return { verdict, reports, summary };
}

/** How report `i` stands towards the page figure. */
function judge(b: Bucket, i: number, page: Page): Stance {
  const { iv } = page;
  const d = b.day[i]! - page.day;
  if (b.staleFrom[i]! < page.day) return Stance.stale;
  const lo = b.lo[i]!;
  const hi = b.hi[i]!;
  const near = !Number.isNaN(d) && (b.window ? d === 0 : Math.abs(d) <= SAME_PERIOD_DAYS);
  if (overlaps(iv.lo, iv.hi, lo, hi)) return near ? Stance.match : Stance.sameNumber;
  if (b.forecast) return near ? Stance.conflict : Number.isNaN(d) ? Stance.undated : Stance.level;
  if (!b.window && b.kind === 'count' && b.floor[i] === 1 && lo > iv.hi && d <= 0) return Stance.impossible;
  const sameSource = b.source[i] === page.source;
  if (!sameSource && (hi < iv.lo ? b.floor[i] === 1 : page.floor)) return Stance.floor;
  if (Number.isNaN(d)) return Stance.undated;
  const grew = d > 0 === lo > iv.hi;
  if (near) {
    if (b.window || d === 0 || !sameSource) return Stance.conflict;
    if (b.kind === 'level') return Stance.level;
    return grew ? Stance.progress : Stance.conflict;
  }
  if (b.kind === 'level') return Stance.level;
  return grew ? Stance.progress : Stance.backwards;
}

/** Whether `a` days apart is nearer than `b`; ties go to the later, and the same day to the first met. */
function closer(a: number, b: number): boolean {
  if (Number.isNaN(b)) return true;
  if (Number.isNaN(a)) return false;
  return Math.abs(a) < Math.abs(b) || (Math.abs(a) === Math.abs(b) && a > b);
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
    scope: c.scope ?? null,
    period: c.period,
    asOf: c.asOf,
    source: c.source,
    modality: c.modality,
    quote: c.quote,
    document: c.document,
    consistent: isConsistent(stance),
    relation: relationOf(d),
    daysApart: Number.isNaN(d) ? null : d,
    supersededBy: sup >= 0 ? refOf(b, sup) : null,
    note: noteFor({
      words: wordsOf(b, i),
      forecast: b.forecast,
      window: b.window,
      stance,
      days: d,
      larger: b.lo[i]! > page.iv.hi,
      sameSource: b.source[i] === page.source,
      pageWho: page.who,
      supersededBy: sup >= 0 ? wordsOf(b, sup) : null,
      staleBy: stance === Stance.stale && b.staleBy[i]! >= 0 ? wordsOf(b, b.staleBy[i]!) : null,
    }),
  };
  if (stance === Stance.stale) r.outdated = true;
  const extra = b.extra[i];
  if (extra)
    for (const key of extra)
      (r as unknown as Record<string, unknown>)[key] ??= (c as unknown as Record<string, unknown>)[key];
  return r;
}
