/**
 * Weighing a page figure against its group of claims (index.ts has the rules): how each claim stands
 * towards it, and what the verdict and summary take from the group: the nearest support and disagreement
 * of the same period, a confirmed count that rules the figure out, a matching report already replaced,
 * the figure's own source's latest word, the nearest reports of other dates.
 *
 * Only the claims of the figure's period (SAME_PERIOD_DAYS either side) are weighed one by one. Elsewhere a
 * claim can matter only as one of a few named kinds, each found without a pass: the largest confirmed count
 * before that period from a running maximum (`Bucket.floorTop`), the source's latest word from its own list
 * (`Bucket.bySource`), and a replaced report matching the figure from the block summaries (claim-blocks.ts),
 * which count a block's claims on the figure's number and say which blocks to look inside.
 */
import { countBlock, coverOf, emptyCounts, type ClaimBlocks } from './claim-blocks.ts';
import { SAME_PERIOD_DAYS, firstAfter, firstAtOrAfter, type Bucket } from './claim-index.ts';
import {
  BACKWARDS,
  CONFLICT,
  FLOOR,
  IMPOSSIBLE,
  LEVEL,
  MATCH,
  PROGRESS,
  SAME_NUMBER,
  STALE,
  UNDATED,
} from './stances.ts';

const NEAR: number = SAME_PERIOD_DAYS;

/** The page figure, as the weighing needs it. */
export interface PageFigure {
  /** Its day number (NaN when it has no date). */
  day: number;
  lo: number;
  hi: number;
  /** Its source as the index numbers it (-1 when no claim has it). */
  sourceId: number;
  floor: boolean;
  /** Its sentence as the group numbers it (`sentenceOf`; -1 when no claim has it). */
  sentenceId: number;
}

/** How claim i of bucket b stands towards the figure, unless it is left out (see the rules in index.ts). */
export function stanceOf(b: Bucket, f: PageFigure, i: number): number {
  const lo = b.lo[i]!;
  const hi = b.hi[i]!;
  const d = b.day[i]! - f.day;
  // Replaced by a later report before the figure's date: it no longer speaks for that date either way.
  // Strictly before: a replacement the same day may be the figure itself (its own sentence, left out).
  if (b.staleFrom[i]! < f.day) return STALE;
  const near = b.window ? d === 0 : d <= NEAR && d >= -NEAR;
  if (f.lo <= hi && lo <= f.hi) return near ? MATCH : SAME_NUMBER;
  if (b.forecast) return near ? CONFLICT : d !== d ? UNDATED : LEVEL;
  // A running total below a count a monitor had confirmed by then cannot be right.
  if (!b.window && b.kind === 'count' && b.floor[i] === 1 && lo > f.hi && d <= 0) return IMPOSSIBLE;
  const sameSource = b.sourceId[i] === f.sourceId;
  // The smaller side is a confirmed minimum and the larger comes from someone else.
  if (!sameSource && (hi < f.lo ? b.floor[i] === 1 : f.floor)) return FLOOR;
  if (d !== d) return UNDATED;
  if (near) {
    // A source updating its own count within the period is not disagreeing with itself.
    if (b.window || d === 0 || !sameSource) return CONFLICT;
    if (b.kind === 'level') return LEVEL;
    return d > 0 === lo > f.hi ? PROGRESS : CONFLICT;
  }
  if (b.kind === 'level') return LEVEL;
  return d > 0 === lo > f.hi ? PROGRESS : BACKWARDS;
}

export class Weighing {
  readonly bucket: Bucket;
  readonly figure: PageFigure;
  /** The non-vague claims that are the figure's own sentence (left out), in index order. */
  readonly ownSentences: number[];

  /** The nearest report of the same period that matches the figure; -1: none. */
  best = -1;
  /** The nearest report of the same period that gives another number. */
  conflict = -1;
  /** The largest confirmed count, at or before the figure's date, above the figure. */
  impossible = -1;
  /** The latest report matching the figure that had been replaced by the figure's date. */
  stale = -1;
  /** The nearest report of the same period that neither matches nor contradicts (a floor, an update). */
  nearest = -1;
  /** The figure's own source's latest report at or before its date, and whether any that day fits it. */
  own = -1;
  ownConsistent = false;
  /** The nearest reports before and after the figure's period. */
  earlier = -1;
  later = -1;

  private readonly counts = emptyCounts();

  constructor(bucket: Bucket, figure: PageFigure) {
    this.bucket = bucket;
    this.figure = figure;
    this.ownSentences = ownSentencesOf(bucket, figure.sentenceId);
  }

  /** Left out: no number, or the figure's own sentence. */
  isSkip(i: number): boolean {
    const b = this.bucket;
    return b.vague[i] === 1 || b.sentenceId[i] === this.figure.sentenceId;
  }

  stanceOf(i: number): number {
    return stanceOf(this.bucket, this.figure, i);
  }

  /** Weighs claims [from, to) of the group: all of them, or one day's for a one-day figure. */
  weigh(from: number, to: number): void {
    const b = this.bucket;
    const f = this.figure;
    const dated = f.day === f.day;
    let pFrom = to;
    let pTo = to;
    if (dated) {
      pFrom = b.window ? from : firstAtOrAfter(b.day, f.day - NEAR, from, to);
      pTo = b.window ? to : firstAfter(b.day, f.day + NEAR, pFrom, to);
    }
    for (let i = pFrom; i < pTo; i++) {
      if (this.isSkip(i)) continue;
      const stance = this.stanceOf(i);
      const d = b.day[i]! - f.day;
      if (stance === MATCH) {
        if (this.best < 0 || closer(d, b.day[this.best]! - f.day)) this.best = i;
      } else if (stance === CONFLICT) {
        if (this.conflict < 0 || closer(d, b.day[this.conflict]! - f.day)) this.conflict = i;
      } else if (stance === IMPOSSIBLE) {
        if (this.impossible < 0 || b.lo[i]! >= b.lo[this.impossible]!) this.impossible = i;
      } else if (stance === STALE) {
        if (overlaps(b, f, i)) this.stale = i;
      } else if (stance === FLOOR || stance === PROGRESS || stance === LEVEL) {
        if (this.nearest < 0 || closer(d, b.day[this.nearest]! - f.day)) this.nearest = i;
      }
    }
    if (!dated) return;
    if (!b.window && !b.forecast && b.kind === 'count') this.impossibleBefore(from, pFrom);
    if (this.stale < 0 && !b.window && !b.forecast) this.stale = this.staleBefore(from, pFrom);
    if (!b.forecast && f.sourceId >= 0) this.ownLatest(from);
    if (!b.window) {
      for (let i = pFrom - 1; i >= from && this.earlier < 0; i--) if (!this.isSkip(i)) this.earlier = i;
      const end = Math.min(to, b.dated);
      for (let i = pTo; i < end && this.later < 0; i++) if (!this.isSkip(i)) this.later = i;
    }
  }

  /** The largest confirmed count above the figure among claims [from, end), before its period. */
  private impossibleBefore(from: number, end: number): void {
    const b = this.bucket;
    const f = this.figure;
    const j = from === 0 ? b.floorTop[end]! : -1;
    if (from === 0 && (j < 0 || !(b.lo[j]! > f.hi))) return;
    // One of the period at least as large wins (it is the later): so when a monitor's daily count replaced
    // the largest one before the period, nothing before it needs a look.
    if (j >= 0 && this.impossible >= 0 && b.lo[this.impossible]! >= b.lo[j]!) return;
    let top = -1;
    // The largest floor before the period is the answer unless it is left out or was replaced.
    if (j >= 0 && !this.isSkip(j) && !(b.staleFrom[j]! < f.day)) top = j;
    else {
      for (let i = from; i < end; i++) {
        if (this.isSkip(i) || this.stanceOf(i) !== IMPOSSIBLE) continue;
        if (top < 0 || b.lo[i]! >= b.lo[top]!) top = i;
      }
    }
    if (top >= 0 && (this.impossible < 0 || b.lo[top]! > b.lo[this.impossible]!)) this.impossible = top;
  }

  /** The latest of claims [from, end) that matches the figure and had been replaced by its date, or -1. */
  private staleBefore(from: number, end: number): number {
    const b = this.bucket;
    const blocks = b.blocks;
    if (blocks === null || from !== 0 || end > blocks.end) return this.scanStale(from, end);
    const size = blocks.levels[0]!.size;
    const boundary = Math.floor(end / size) * size;
    const tail = this.scanStale(boundary, end);
    if (tail >= 0) return tail;
    const cover = coverOf(blocks, 0, boundary);
    for (let n = cover.length - 2; n >= 0; n -= 2) {
      const found = this.seekStale(blocks, cover[n]!, cover[n + 1]!);
      if (found >= 0) return found;
    }
    return -1;
  }

  private scanStale(from: number, end: number): number {
    const b = this.bucket;
    const f = this.figure;
    for (let i = end - 1; i >= from; i--) {
      if (!this.isSkip(i) && b.staleFrom[i]! < f.day && overlaps(b, f, i)) return i;
    }
    return -1;
  }

  /** Block k of a level: its latest claim that matches the figure and was replaced by its date, or -1. */
  private seekStale(blocks: ClaimBlocks, level: number, k: number): number {
    const b = this.bucket;
    const f = this.figure;
    const c = this.counts;
    const lv = blocks.levels[level]!;
    countBlock(lv, k, f.lo, f.hi, c);
    // Claims that overlap the figure and may be replaced, less those still current at its date (a prefix
    // of the block's list, by the day they stop counting): what is left had been replaced.
    let stale = c.claims - c.below - c.above - (c.steady - c.belowSteady - c.aboveSteady);
    for (let t = lv.transientStart[k]!; t < lv.transientStart[k + 1]! && stale > 0; t++) {
      const i = lv.transient[t]!;
      if (b.staleFrom[i]! < f.day) break;
      if (overlaps(b, f, i)) stale--;
    }
    if (stale <= 0) return -1;
    if (level > 0) {
      const finer = blocks.levels[level - 1]!;
      const first = k * (lv.size / finer.size);
      for (let child = Math.min(first + lv.size / finer.size, finer.count) - 1; child >= first; child--) {
        const found = this.seekStale(blocks, level - 1, child);
        if (found >= 0) return found;
      }
      return -1;
    }
    return this.scanStale(k * lv.size, Math.min((k + 1) * lv.size, blocks.end));
  }

  /** The figure's own source's latest claim at or before its date (from `from` on), and that day's fit. */
  private ownLatest(from: number): void {
    const b = this.bucket;
    const f = this.figure;
    const list = b.bySource.get(f.sourceId);
    if (!list) return;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b.day[list[mid]!]! <= f.day) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && list[k]! >= from; k--) {
      const i = list[k]!;
      if (this.isSkip(i)) continue;
      if (this.own < 0) this.own = i;
      else if (b.day[i] !== b.day[this.own]) break;
      if (isConsistent(this.stanceOf(i))) {
        this.ownConsistent = true;
        break;
      }
    }
  }
}

function overlaps(b: Bucket, f: PageFigure, i: number): boolean {
  return b.lo[i]! <= f.hi && f.lo <= b.hi[i]!;
}

// Here rather than stances.ts's: called through the import on every claim, it is a getter once transpiled.
function isConsistent(stance: number): boolean {
  return stance >= MATCH && stance <= LEVEL;
}

/**
 * Whether `a` days apart is nearer the figure than `b`; ties go to the later report, and on the same day
 * to the first met, as the group is walked oldest first.
 */
export function closer(a: number, b: number): boolean {
  if (Number.isNaN(b)) return true;
  if (Number.isNaN(a)) return false;
  return Math.abs(a) < Math.abs(b) || (Math.abs(a) === Math.abs(b) && a > b);
}

function ownSentencesOf(b: Bucket, sentenceId: number): number[] {
  const out: number[] = [];
  if (sentenceId < 0) return out;
  const order = b.bySentence;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b.sentenceId[order[mid]!]! < sentenceId) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < order.length && b.sentenceId[order[k]!] === sentenceId; k++) {
    if (!b.vague[order[k]!]) out.push(order[k]!);
  }
  return out;
}
