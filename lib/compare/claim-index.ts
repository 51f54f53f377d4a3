/**
 * The claim database arranged for comparison: claims grouped by what they count (metric → subject → place →
 * scope, then period kind and modality), each group sorted by date with its numbers laid out in typed arrays, and
 * everything that does not depend on the page figure (intervals, floors, who supersedes whom) worked out
 * once here. A comparison then looks up one group without building a key and walks only that group.
 * Pure.
 */
import {
  PEOPLE_METRICS,
  type Claim,
  type ClaimRef,
  type Metric,
  type Period,
  type Subject,
} from '../types.ts';
import { summariseBlocks, type ClaimBlocks } from './claim-blocks.ts';
import { dayNumber } from '../calendar/days.ts';
import { intervalOf } from './intervals.ts';
import { SAME_PERIOD_DAYS, isComparable, measureKind, type MeasureKind } from './measures.ts';
import { isFloor, sourceKey } from './sources.ts';
import { claimWords, type ClaimWords } from './wording.ts';

export { SAME_PERIOD_DAYS };

/** A group of claims that count the same thing, sorted by date (then value, then id). */
export interface Bucket {
  /** The claims, each copied into one object shape (`uniform`): the same fields and values. */
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
  /** `source` as small integers (the index's own numbering, `sourceId`): the hot loop compares ints. */
  readonly sourceId: Int32Array;
  /** Each claim's quote as a small integer (`quoteId`). */
  readonly quoteId: Int32Array;
  /**
   * Each claim's sentence (quote and text) numbered within the group, in the order of `quoteId`: a claim
   * in the page figure's sentence (`sentenceOf`) is the figure's own, found without comparing strings.
   */
  readonly sentenceId: Int32Array;
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
  readonly period: Period;
  /** `period === 'window'`: one day's figures, compared only with the same day's. */
  readonly window: boolean;
  readonly forecast: boolean;
  /** Each source's claims (by `sourceId`), in index order: a source's latest word without a pass. */
  readonly bySource: ReadonlyMap<number, Int32Array>;
  /**
   * For each prefix [0, k) of the claims, the floor (a monitor's confirmed count) with the largest `lo`, the
   * later on ties, or -1 (n + 1 entries): whether the record rules a running total out, without a pass.
   */
  readonly floorTop: Int32Array;
  /** How many claims before each index are vague (n + 1 entries): reports are counted without a pass. */
  readonly vagueBefore: Int32Array;
  /** Claims [0, dated) have a date; the undated ones sort last. */
  readonly dated: number;
  /** The claims' indices by `sentenceId`, then index: the figure's own sentences without a pass. */
  readonly bySentence: Int32Array;
  /**
   * Summaries of the dated claims, to find a replaced report without a pass (claim-blocks.ts); null where
   * nothing is ever replaced (one-day figures, forecasts).
   */
  readonly blocks: ClaimBlocks | null;
}

/** How the group summaries (claim-blocks.ts) are cut: a test makes the blocks small. */
export interface IndexOptions {
  /** Claims per block of the finest level. Default BLOCK_SIZE. */
  blockSize?: number;
  /** Blocks of one level per block of the next. Default BLOCK_FANOUT. */
  blockFanout?: number;
}

/**
 * Small enough that the blocks around the figure's date are cheap to weigh claim by claim, large enough
 * that a block's counts cost little next to its claims.
 */
export const BLOCK_SIZE = 64;
/** Each level passes over this many blocks of the one below at a time. */
export const BLOCK_FANOUT = 16;

/** Buckets of one metric, subject, place and scope, by `slot` (period kind and modality). */
type Slots = (Bucket | undefined)[];
type PlaceMap = Map<string, Map<string, Slots>>;

/** Strings numbered once for the whole index, so a comparison compares integers. */
interface Ids {
  sources: Map<string, number>;
  quotes: Map<string, number>;
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** Built by `indexClaims`; opaque to callers. */
export class ClaimIndex {
  /** Number of claims indexed (all of them, comparable or not). */
  readonly size: number;
  readonly #measures: Map<Metric, Map<Subject, PlaceMap>>;
  readonly #ids: Ids;

  constructor(size: number, measures: Map<Metric, Map<Subject, PlaceMap>>, ids: Ids) {
    this.size = size;
    this.#measures = measures;
    this.#ids = ids;
  }

  /** The number `Bucket.sourceId` uses for this source key; -1 when no claim has it. */
  sourceId(key: string): number {
    return this.#ids.sources.get(key) ?? -1;
  }

  /** The number `Bucket.quoteId` uses for this quote; -1 when no claim has it. */
  quoteId(quote: string): number {
    return this.#ids.quotes.get(quote) ?? -1;
  }

  /**
   * The group counting exactly this, or undefined: the same metric, subject, place, scope (null: the general
   * count), period kind and modality. What is unknown (`comparable` is false) has no group.
   */
  bucket(
    metric: Metric,
    subject: Subject,
    place: string | null | undefined,
    scope: string | null | undefined,
    period: Period,
    forecast: boolean,
  ): Bucket | undefined {
    if (!comparable(metric, subject, place, scope, period)) return undefined;
    return this.#measures.get(metric)?.get(subject)?.get(place)?.get(scopeKey(scope))?.[
      slot(period, forecast)
    ];
  }
}

const PERIODS: readonly Period[] = ['cumulative', 'window', 'event'];

function slot(period: Period, forecast: boolean): number {
  return PERIODS.indexOf(period) * 2 + (forecast ? 1 : 0);
}

/**
 * Whether a figure says what it counts well enough to be compared: a known metric and place; for people, who
 * (`other` is unknown there, while buildings, attacks and money are counted as things, `other`); for the toll
 * of one incident, which incident, and for weapons, which weapon (the scope): 200 Stingers are not 43 drones.
 * Unknown things are compared with nothing.
 */
export function comparable(
  metric: Metric,
  subject: Subject,
  place: string | null | undefined,
  scope: string | null | undefined,
  period: Period,
): place is string {
  if (!isComparable(metric) || !PERIODS.includes(period)) return false;
  if (subject === 'other' && PEOPLE_METRICS.has(metric)) return false;
  if (typeof place !== 'string' || place.trim() === '') return false;
  return (period !== 'event' && metric !== 'weapons') || scopeKey(scope) !== '';
}

/** A scope as a key: case, spacing and punctuation aside; '' for the general count (null or blank). */
export function scopeKey(scope: string | null | undefined): string {
  if (typeof scope !== 'string') return '';
  return scope
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function dateOf(claim: Claim): number {
  const asOf = dayNumber(claim.asOf);
  return Number.isNaN(asOf) ? dayNumber(claim.document.date) : asOf;
}

export function indexClaims(claims: readonly Claim[], options: IndexOptions = {}): ClaimIndex {
  const { blockSize = BLOCK_SIZE, blockFanout = BLOCK_FANOUT } = options;
  // The summaries count a block's claims in 16 bits.
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 0xffff) {
    throw new RangeError(`indexClaims: blockSize must be an integer from 1 to 65535, not ${blockSize}`);
  }
  if (!Number.isInteger(blockFanout) || blockFanout < 1) {
    throw new RangeError(`indexClaims: blockFanout must be a positive integer, not ${blockFanout}`);
  }
  const groups = new Map<Metric, Map<Subject, Map<string, Map<string, Claim[][]>>>>();
  for (const claim of claims) {
    const { metric, subject, place, scope, period } = claim;
    // A claim that does not say what it counts is no report of anything.
    if (!comparable(metric, subject, place, scope, period)) continue;
    let bySubject = groups.get(metric);
    if (!bySubject) groups.set(metric, (bySubject = new Map()));
    let byPlace = bySubject.get(subject);
    if (!byPlace) bySubject.set(subject, (byPlace = new Map()));
    let byScope = byPlace.get(place);
    if (!byScope) byPlace.set(place, (byScope = new Map()));
    const key = scopeKey(scope);
    let slots = byScope.get(key);
    if (!slots) byScope.set(key, (slots = PERIODS.flatMap(() => [[], []])));
    slots[slot(period, claim.modality === 'forecast')]!.push(claim);
  }

  const measures = new Map<Metric, Map<Subject, PlaceMap>>();
  const ids: Ids = { sources: new Map(), quotes: new Map() };
  for (const [metric, bySubject] of groups) {
    const subjects = new Map<Subject, PlaceMap>();
    measures.set(metric, subjects);
    for (const [subject, byPlace] of bySubject) {
      const places: PlaceMap = new Map();
      subjects.set(subject, places);
      for (const [place, byScope] of byPlace) {
        const scopes = new Map<string, Slots>();
        places.set(place, scopes);
        for (const [key, slots] of byScope) {
          scopes.set(
            key,
            slots.map((group, i) =>
              group.length === 0
                ? undefined
                : buildBucket(group, metric, PERIODS[i >> 1]!, i % 2 === 1, ids, { blockSize, blockFanout }),
            ),
          );
        }
      }
    }
  }
  return new ClaimIndex(claims.length, measures, ids);
}

function buildBucket(
  group: Claim[],
  metric: Metric,
  period: Period,
  forecast: boolean,
  ids: Ids,
  blocks: Required<IndexOptions>,
): Bucket {
  const n = group.length;
  const keyed = group.map((claim) => ({
    claim,
    day: dateOf(claim),
    iv: intervalOf(claim),
    extra: extraKeys(claim),
  }));
  // Undated claims (NaN) sort last; ties by value then id so the order is stable across rebuilds.
  keyed.sort(
    (a, b) =>
      (Number.isNaN(a.day) ? Infinity : a.day) - (Number.isNaN(b.day) ? Infinity : b.day) ||
      a.iv.lo - b.iv.lo ||
      (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0),
  );

  const source = keyed.map((k) => sourceKey(k.claim.source, k.claim.document.publisher));
  const window = period === 'window';
  const bucket = {
    claims: keyed.map((k) => uniform(k.claim, k.extra)),
    day: new Float64Array(n),
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    vague: new Uint8Array(n),
    floor: new Uint8Array(n),
    source,
    sourceId: Int32Array.from(source, (key) => idOf(ids.sources, key)),
    quoteId: Int32Array.from(keyed, (k) => idOf(ids.quotes, k.claim.quote)),
    sentenceId: new Int32Array(n),
    supersededBy: new Int32Array(n).fill(-1),
    staleFrom: new Float64Array(n).fill(Infinity),
    staleBy: new Int32Array(n).fill(-1),
    extra: keyed.map((k) => k.extra),
    words: new Array<ClaimWords | undefined>(n).fill(undefined),
    refs: new Array<ClaimRef | undefined>(n).fill(undefined),
    kind: measureKind(metric),
    period,
    window,
    forecast,
    bySource: new Map<number, Int32Array>(),
    floorTop: new Int32Array(n + 1).fill(-1),
    vagueBefore: new Int32Array(n + 1),
    dated: n,
    bySentence: new Int32Array(n),
    blocks: null as ClaimBlocks | null,
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
  for (let i = 0; i < n; i++) bucket.vagueBefore[i + 1] = bucket.vagueBefore[i]! + bucket.vague[i]!;
  indexSources(bucket);
  for (let i = 0; i < n; i++) {
    const top = bucket.floorTop[i]!;
    const floor = bucket.floor[i] === 1 && !bucket.vague[i] && !Number.isNaN(bucket.day[i]!);
    bucket.floorTop[i + 1] = floor && (top < 0 || bucket.lo[i]! >= bucket.lo[top]!) ? i : top;
  }
  while (bucket.dated > 0 && Number.isNaN(bucket.day[bucket.dated - 1]!)) bucket.dated--;
  numberSentences(bucket);
  // Only running totals and levels are ever replaced; one-day figures and forecasts need no search.
  if (!window && !forecast)
    bucket.blocks = summariseBlocks(bucket, bucket.dated, blocks.blockSize, blocks.blockFanout);
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

/**
 * The claim with its fields in one order (those beyond `Claim` last), the same values: claims read from
 * the database or spread from one another come in many hidden classes, and reading the 18 fields of each
 * report from objects of one shape, not a dozen, halves the cost of a comparison.
 */
function uniform(c: Claim, extra: readonly string[] | null): Claim {
  const copy: Claim = {
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
  };
  if (extra)
    for (const key of extra)
      (copy as unknown as Record<string, unknown>)[key] = (c as unknown as Record<string, unknown>)[key];
  return copy;
}

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

function indexSources(b: Bucket & { bySource: Map<number, Int32Array> }): void {
  const lists = new Map<number, number[]>();
  b.sourceId.forEach((id, i) => {
    let list = lists.get(id);
    if (!list) lists.set(id, (list = []));
    list.push(i);
  });
  for (const [id, list] of lists) b.bySource.set(id, Int32Array.from(list));
}

/** Fills `sentenceId` and `bySentence`: sentences numbered quote by quote, so both follow `quoteId`. */
function numberSentences(b: Bucket & { sentenceId: Int32Array; bySentence: Int32Array }): void {
  const byQuote = Array.from(b.quoteId.keys()).sort((x, y) => b.quoteId[x]! - b.quoteId[y]! || x - y);
  let count = 0;
  for (let k = 0; k < byQuote.length;) {
    const texts = new Map<string, number>();
    const quote = b.quoteId[byQuote[k]!];
    for (; k < byQuote.length && b.quoteId[byQuote[k]!] === quote; k++) {
      const i = byQuote[k]!;
      let id = texts.get(b.claims[i]!.text);
      if (id === undefined) texts.set(b.claims[i]!.text, (id = count++));
      b.sentenceId[i] = id;
    }
  }
  b.bySentence.set(byQuote.sort((x, y) => b.sentenceId[x]! - b.sentenceId[y]! || x - y));
}

/** The group's number for the sentence with this quote (`quoteId`) and text, or -1 when no claim has it. */
export function sentenceOf(b: Bucket, quoteId: number, text: string): number {
  const order = b.bySentence;
  let from = 0;
  let to = order.length;
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (b.quoteId[order[mid]!]! < quoteId) from = mid + 1;
    else to = mid;
  }
  // One text comparison per sentence of that quote.
  for (let k = from; k < order.length && b.quoteId[order[k]!] === quoteId; k++) {
    const i = order[k]!;
    if (k > from && b.sentenceId[i] === b.sentenceId[order[k - 1]!]) continue;
    if (b.claims[i]!.text === text) return b.sentenceId[i]!;
  }
  return -1;
}

/** The first of claims [from, to) dated `day` or later (undated claims sort last, as later). */
export function firstAtOrAfter(days: Float64Array, day: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (days[mid]! < day) from = mid + 1;
    else to = mid;
  }
  return from;
}

/** The first of claims [from, to) dated after `day`. */
export function firstAfter(days: Float64Array, day: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (days[mid]! <= day) from = mid + 1;
    else to = mid;
  }
  return from;
}
