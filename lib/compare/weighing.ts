/**
 * Weighing a page figure against its group of claims (index.ts has the rules): how each claim stands
 * towards it, and what the verdict and summary take from all of them: the best support, the contradictions,
 * the figure's own source's latest word, what made it out of date.
 *
 * The result is that of one pass over the group in date order, but only the claims near the figure's date
 * (a day apart or less, widened to whole blocks) are weighed one by one. Further away a claim's stance
 * hangs on little (index.ts, "TIME"), so the group's block summaries (claim-blocks.ts) answer for a whole
 * block: how many of its claims contradict the figure, and whether it may hold the nearest support, the
 * latest own-source report and so on, which are then looked for in that block only. Earlier claims already
 * superseded by the figure's date count for nothing but being shown; the few earlier claims superseded
 * only after it are weighed one by one. Contradictions are counted only when the summary says how many.
 */
import {
  anyOverlap,
  countAboveOf,
  countBelowOf,
  countBlock,
  coverOf,
  emptyCounts,
  sourceBit,
  type BlockCounts,
  type BlockLevel,
  type ClaimBlocks,
} from './claim-blocks.ts';
import { SAME_PERIOD_DAYS, firstAfter, firstAtOrAfter, type Bucket } from './claim-index.ts';
import { BACKWARDS, CONFLICT, FLOOR, LEVEL, MATCH, PROGRESS, STALE } from './stances.ts';

const NEAR: number = SAME_PERIOD_DAYS;

/** Supports rank by how well they support: a matching number before a difference that is explained. */
const MATCH_RANK = 2;
const EXPLAINED_RANK = 1;

/** What the walk back over the earlier blocks looks for, the latest of each. */
const SEEK_MATCH = 1;
const SEEK_EXPLAINED = 2;
const SEEK_OWN = 4;
const SEEK_OUTDATED = 8;
const SEEK_STALE = 16;

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

export class Weighing {
  readonly bucket: Bucket;
  readonly figure: PageFigure;
  /** The non-vague claims that are the figure's own sentence (left out), in index order. */
  readonly ownSentences: number[];

  /** The best support: a match before an explained difference, then the nearest in time. -1: none. */
  best = -1;
  private bestRank = 0;
  /** The nearest disagreement about the same period, named in the summary. */
  namedConflict = -1;
  /** The latest report that had already passed the figure by its date. */
  outdatedBy = -1;
  /** The latest matching report already superseded by the figure's date. */
  staleMatch = -1;
  /** The figure's own source's latest report at or before its date, and whether any that day agrees. */
  own = -1;
  ownAgrees = false;

  /** Contradictions among the claims weighed so far; the blocks' are added when first asked for. */
  private counted = 0;
  /** Claims [near.from, near.to) were weighed one by one, the blocks around them by summary. */
  private near: { from: number; to: number } | null = null;
  private blocksCounted = false;
  private readonly counts: BlockCounts = emptyCounts();
  /** The walk back: what it still looks for (SEEK_*), and the latest of each found. */
  private seeking = 0;
  private readonly found = { match: -1, explained: -1, own: -1, outdated: -1, stale: -1 };

  constructor(bucket: Bucket, figure: PageFigure) {
    this.bucket = bucket;
    this.figure = figure;
    this.ownSentences = ownSentencesOf(bucket, figure.sentenceId);
  }

  /** Weighs claims [from, to) of the group: all of them, or one day's for a one-day figure. */
  weigh(from: number, to: number): void {
    const b = this.bucket;
    const f = this.figure;
    const blocks = b.blocks;
    // The earlier blocks' counts take the figure's source for the floors' one when the figure is a floor.
    const summarised =
      blocks !== null &&
      from === 0 &&
      !Number.isNaN(f.day) &&
      (!f.floor || f.sourceId === blocks.floorSource);
    if (!summarised) {
      this.run(from, to);
      return;
    }
    const size = blocks.levels[0]!.size;
    const near = {
      from: Math.floor(firstAtOrAfter(b.day, f.day - NEAR, 0, blocks.end) / size) * size,
      to: Math.min(Math.ceil(firstAfter(b.day, f.day + NEAR, 0, blocks.end) / size) * size, blocks.end),
    };
    this.near = near;
    this.weighEarlier(blocks, near.from);
    this.run(near.from, near.to);
    this.weighLater(blocks, near.to);
    this.run(blocks.end, to);
  }

  /** Reports that are neither consistent with the figure nor already superseded at its date. */
  contradictions(): number {
    const near = this.near;
    const blocks = this.bucket.blocks;
    if (near === null || blocks === null || this.blocksCounted) return this.counted;
    this.blocksCounted = true;
    const before = coverOf(blocks, 0, near.from);
    for (let n = 0; n < before.length; n += 2) {
      this.counted += this.countEarlier(blocks.levels[before[n]!]!, before[n + 1]!);
    }
    const after = coverOf(blocks, near.to, blocks.end);
    for (let n = 0; n < after.length; n += 2) {
      this.counted += this.countLater(blocks, blocks.levels[after[n]!]!, after[n + 1]!);
    }
    // The block counts took in the figure's own sentence: take back what it was counted for.
    for (const i of this.ownSentences) {
      const inCounts =
        (i < near.from && this.bucket.staleFrom[i] === Infinity) || (i >= near.to && i < blocks.end);
      if (inCounts && isContradiction(this.stanceOf(i))) this.counted--;
    }
    return this.counted;
  }

  /** Left out: no number, or the figure's own sentence. */
  isSkip(i: number): boolean {
    const b = this.bucket;
    return b.vague[i] === 1 || b.sentenceId[i] === this.figure.sentenceId;
  }

  /** How claim i stands towards the figure (see the rules in index.ts), unless it is left out. */
  stanceOf(i: number): number {
    const b = this.bucket;
    const f = this.figure;
    const lo = b.lo[i]!;
    const hi = b.hi[i]!;
    const d = b.day[i]! - f.day;
    // Replaced by a later report before the figure's date: it no longer speaks for that date either way.
    // Strictly before: a replacement the same day may be the figure itself (its own sentence, left out).
    if (b.staleFrom[i]! < f.day) return STALE;
    if (f.lo <= hi && lo <= f.hi) return MATCH;
    if (b.forecast) return CONFLICT;
    // The smaller side is a confirmed minimum and the larger comes from someone else.
    if (b.sourceId[i] !== f.sourceId && (hi < f.lo ? b.floor[i] === 1 : f.floor)) return FLOOR;
    // No date to tell periods apart (NaN), or a one-day figure: a different number is a disagreement.
    if (d !== d || b.window) return CONFLICT;
    // The same period from another source, or the same source the same day.
    if (!(d > NEAR || d < -NEAR || (d !== 0 && b.sourceId[i] === f.sourceId))) return CONFLICT;
    if (b.kind === 'level') return LEVEL;
    return d > 0 === lo > f.hi ? PROGRESS : BACKWARDS;
  }

  /** Weighs claims [from, to) one by one, oldest first, after every claim before them. */
  private run(from: number, to: number): void {
    const b = this.bucket;
    const f = this.figure;
    const days = b.day;
    const sources = b.sourceId;
    const forecast = b.forecast;
    for (let i = from; i < to; i++) {
      if (this.isSkip(i)) continue;
      const stance = this.stanceOf(i);
      const d = days[i]! - f.day;
      if (d <= 0 && stance !== STALE && !forecast && sources[i] === f.sourceId) {
        if (this.own < 0 || days[i]! > days[this.own]!) this.ownAgrees = false;
        this.own = i;
        this.ownAgrees ||= isConsistent(stance);
      }
      if (isConsistent(stance)) {
        this.offer(i, stance === MATCH ? MATCH_RANK : EXPLAINED_RANK);
        continue;
      }
      if (stance === STALE) {
        if (b.lo[i]! <= f.hi && f.lo <= b.hi[i]!) this.staleMatch = i;
        continue;
      }
      this.counted++;
      if (this.outdates(i, stance)) this.outdatedBy = i;
      if (stance === CONFLICT && Math.abs(d) <= NEAR) {
        if (this.namedConflict < 0 || closer(d, days[this.namedConflict]! - f.day)) this.namedConflict = i;
      }
    }
  }

  /** Claim i as a support of the given rank, met after every claim before it. */
  private offer(i: number, rank: number): void {
    const day = this.figure.day;
    const days = this.bucket.day;
    if (
      this.best < 0 ||
      rank > this.bestRank ||
      (rank === this.bestRank && closer(days[i]! - day, days[this.best]! - day))
    ) {
      this.best = i;
      this.bestRank = rank;
    }
  }

  /** Whether claim i, a contradiction, had passed the figure by its date. */
  private outdates(i: number, stance: number): boolean {
    const b = this.bucket;
    const f = this.figure;
    return (
      b.lo[i]! > f.hi && (stance === BACKWARDS || (b.day[i]! - f.day <= 0 && b.sourceId[i] === f.sourceId))
    );
  }

  /**
   * Claims [0, end), all more than a day before the figure's date, block by block, latest first, for the
   * latest claim of each kind the weighing needs: each is looked for only until found.
   */
  private weighEarlier(blocks: ClaimBlocks, end: number): void {
    const b = this.bucket;
    const f = this.figure;
    const found = this.found;
    this.seeking = SEEK_MATCH | SEEK_STALE;
    if (!b.forecast) this.seeking |= SEEK_EXPLAINED;
    if (!b.forecast && f.sourceId >= 0) this.seeking |= SEEK_OWN;
    if (b.kind === 'count' || b.forecast) this.seeking |= SEEK_OUTDATED;
    const cover = coverOf(blocks, 0, end);
    for (let n = cover.length - 2; n >= 0 && this.seeking !== 0; n -= 2) {
      this.seekEarlier(blocks, cover[n]!, cover[n + 1]!);
    }

    // Of supports as near (the same day), the first wins: the earliest that day.
    if (found.explained >= 0) {
      const first = this.firstOfDay(found.explained, (s) => s !== MATCH && isConsistent(s));
      this.offer(first, EXPLAINED_RANK);
    }
    if (found.match >= 0) {
      const first = this.firstOfDay(found.match, (s) => s === MATCH);
      this.offer(first, MATCH_RANK);
    }
    if (found.own >= 0) {
      this.own = found.own;
      for (let i = found.own; i >= 0 && b.day[i] === b.day[found.own]; i--) {
        if (this.isSkip(i) || b.sourceId[i] !== f.sourceId) continue;
        const stance = this.stanceOf(i);
        if (stance !== STALE && isConsistent(stance)) this.ownAgrees = true;
      }
    }
    this.outdatedBy = found.outdated;
    this.staleMatch = found.stale;
  }

  /** Block k of a level, before the figure's date, for what the walk back still seeks. */
  private seekEarlier(blocks: ClaimBlocks, level: number, k: number): void {
    const b = this.bucket;
    const f = this.figure;
    const c = this.counts;
    const found = this.found;
    const lv = blocks.levels[level]!;
    const seeking = this.seeking;
    countBlock(lv, k, f.lo, f.hi, c);
    // Claims superseded only after the figure's date, one by one: they are few.
    let match = -1;
    let explained = -1;
    let own = -1;
    let outdated = -1;
    let currentOverlaps = 0;
    for (let t = lv.transientStart[k]!; t < lv.transientStart[k + 1]!; t++) {
      const i = lv.transient[t]!;
      if (b.staleFrom[i]! < f.day) break;
      if (b.lo[i]! <= f.hi && f.lo <= b.hi[i]!) currentOverlaps++;
      if (this.isSkip(i)) continue;
      const stance = this.stanceOf(i);
      if (stance === MATCH) match = Math.max(match, i);
      else if (isConsistent(stance)) explained = Math.max(explained, i);
      else if (this.outdates(i, stance)) outdated = Math.max(outdated, i);
      if (!b.forecast && b.sourceId[i] === f.sourceId) own = Math.max(own, i);
    }
    // The steady claims (never superseded) are known by their counts only: where those say one sought may
    // be among them, look inside the block: its finer blocks, or its claims, latest first.
    const steadyMatches = c.steady - c.belowSteady - c.aboveSteady;
    const staleMatches =
      c.claims - c.steady - (c.below - c.belowSteady) - (c.above - c.aboveSteady) - currentOverlaps;
    let inside = 0;
    if (seeking & SEEK_MATCH && steadyMatches > 0) inside |= SEEK_MATCH;
    if (seeking & SEEK_EXPLAINED && this.steadyExplained(c) > 0) inside |= SEEK_EXPLAINED;
    if (seeking & SEEK_OWN && lv.steadySources[k]! & sourceBit(f.sourceId)) inside |= SEEK_OWN;
    if (seeking & SEEK_OUTDATED && this.steadyOutdating(c, lv, k)) inside |= SEEK_OUTDATED;
    if (seeking & SEEK_STALE && staleMatches > 0) inside |= SEEK_STALE;
    if (inside !== 0 && level > 0) {
      const finer = blocks.levels[level - 1]!;
      const fanout = lv.size / finer.size;
      const first = k * fanout;
      for (
        let child = Math.min(first + fanout, finer.count) - 1;
        child >= first && this.seeking !== 0;
        child--
      ) {
        this.seekEarlier(blocks, level - 1, child);
      }
      return;
    }
    if (inside !== 0) {
      if (inside & SEEK_MATCH) match = -1;
      if (inside & SEEK_EXPLAINED) explained = -1;
      if (inside & SEEK_OWN) own = -1;
      if (inside & SEEK_OUTDATED) outdated = -1;
      const s = k * lv.size;
      for (let i = Math.min(s + lv.size, blocks.end) - 1; i >= s && inside !== 0; i--) {
        if (this.isSkip(i)) continue;
        const stance = this.stanceOf(i);
        if (stance === STALE) {
          if (inside & SEEK_STALE && b.lo[i]! <= f.hi && f.lo <= b.hi[i]!) {
            found.stale = i;
            inside &= ~SEEK_STALE;
            this.seeking &= ~SEEK_STALE;
          }
          continue;
        }
        if (stance === MATCH) {
          if (inside & SEEK_MATCH) [match, inside] = [i, inside & ~SEEK_MATCH];
        } else if (isConsistent(stance)) {
          if (inside & SEEK_EXPLAINED) [explained, inside] = [i, inside & ~SEEK_EXPLAINED];
        } else if (inside & SEEK_OUTDATED && this.outdates(i, stance)) {
          [outdated, inside] = [i, inside & ~SEEK_OUTDATED];
        }
        if (inside & SEEK_OWN && !b.forecast && b.sourceId[i] === f.sourceId) {
          [own, inside] = [i, inside & ~SEEK_OWN];
        }
      }
    }
    if (seeking & SEEK_MATCH && match >= 0) [found.match, this.seeking] = [match, this.seeking & ~SEEK_MATCH];
    if (seeking & SEEK_EXPLAINED && explained >= 0) {
      [found.explained, this.seeking] = [explained, this.seeking & ~SEEK_EXPLAINED];
    }
    if (seeking & SEEK_OWN && own >= 0) [found.own, this.seeking] = [own, this.seeking & ~SEEK_OWN];
    if (seeking & SEEK_OUTDATED && outdated >= 0) {
      [found.outdated, this.seeking] = [outdated, this.seeking & ~SEEK_OUTDATED];
    }
  }

  /** Claims [from, end), all more than a day after the figure's date, block by block, earliest first. */
  private weighLater(blocks: ClaimBlocks, from: number): void {
    const cover = coverOf(blocks, from, blocks.end);
    let seeking = SEEK_MATCH;
    if (!this.bucket.forecast && this.bestRank < MATCH_RANK) seeking |= SEEK_EXPLAINED;
    for (let n = 0; n < cover.length && seeking !== 0; n += 2) {
      seeking = this.seekLater(blocks, cover[n]!, cover[n + 1]!, seeking);
    }
  }

  /**
   * Block k of a level, after the figure's date, for the first support of each rank still sought
   * (SEEK_MATCH, SEEK_EXPLAINED); returns what is still sought after it.
   */
  private seekLater(blocks: ClaimBlocks, level: number, k: number, seeking: number): number {
    const b = this.bucket;
    const f = this.figure;
    const c = this.counts;
    const lv = blocks.levels[level]!;
    const s = k * lv.size;
    // Each block is further from the figure than the last: once its first claim is no nearer than the
    // best support, no support of that rank here or later can replace it.
    if (this.best >= 0 && !closer(b.day[s]! - f.day, b.day[this.best]! - f.day)) {
      if (this.bestRank === MATCH_RANK) return 0;
      seeking &= ~SEEK_EXPLAINED;
    }
    let inside = seeking & SEEK_MATCH && anyOverlap(lv, k, f.lo, f.hi) ? SEEK_MATCH : 0;
    if (seeking & SEEK_EXPLAINED && inside === 0) {
      countBlock(lv, k, f.lo, f.hi, c);
      // Later and larger: the count grew, or a floor was passed; later and smaller: only a floor.
      const explained =
        b.kind === 'level'
          ? c.below + c.above
          : c.above + (f.sourceId !== blocks.floorSource ? c.belowFloor : 0);
      if (explained > 0) inside = SEEK_EXPLAINED;
    }
    if (inside === 0) return seeking;
    if (level > 0) {
      const finer = blocks.levels[level - 1]!;
      const fanout = lv.size / finer.size;
      const last = Math.min((k + 1) * fanout, finer.count);
      for (let child = k * fanout; child < last && seeking !== 0; child++) {
        seeking = this.seekLater(blocks, level - 1, child, seeking);
      }
      return seeking;
    }
    // The first support in time is the nearest: offer it and stop looking for its rank.
    const e = Math.min(s + lv.size, blocks.end);
    for (let i = s; i < e && seeking !== 0; i++) {
      if (this.isSkip(i)) continue;
      const stance = this.stanceOf(i);
      if (stance === MATCH && seeking & SEEK_MATCH) {
        this.offer(i, MATCH_RANK);
        seeking = 0;
      } else if (stance !== MATCH && isConsistent(stance) && seeking & SEEK_EXPLAINED) {
        this.offer(i, EXPLAINED_RANK);
        seeking &= ~SEEK_EXPLAINED;
      }
    }
    return seeking;
  }

  /** Contradictions in block k of a level before the figure's date, by its counts. */
  private countEarlier(lv: BlockLevel, k: number): number {
    const b = this.bucket;
    const f = this.figure;
    const c = this.counts;
    // A level on another date, or a floor, never contradicts.
    if (b.kind === 'level' && !b.forecast) return 0;
    countAboveOf(lv, k, f.hi, c);
    if (b.forecast) countBelowOf(lv, k, f.lo, c);
    let n = this.steadyContradictions(c);
    for (let t = lv.transientStart[k]!; t < lv.transientStart[k + 1]!; t++) {
      const i = lv.transient[t]!;
      if (b.staleFrom[i]! < f.day) break;
      if (!this.isSkip(i) && isContradiction(this.stanceOf(i))) n++;
    }
    return n;
  }

  /** Contradictions in block k of a level after the figure's date, by its counts. */
  private countLater(blocks: ClaimBlocks, lv: BlockLevel, k: number): number {
    const b = this.bucket;
    const f = this.figure;
    const c = this.counts;
    if (b.kind === 'level' && !b.forecast) return 0;
    countBelowOf(lv, k, f.lo, c);
    if (!b.forecast) {
      // Later and smaller: a total going backwards, unless a floor from someone else.
      return c.below - (f.sourceId !== blocks.floorSource ? c.belowFloor : 0);
    }
    countAboveOf(lv, k, f.hi, c);
    return c.below + c.above;
  }

  /** The earliest claim of claim i's day (i or before) whose stance passes `test`. */
  private firstOfDay(i: number, test: (stance: number) => boolean): number {
    const days = this.bucket.day;
    let first = i;
    for (let j = i - 1; j >= 0 && days[j] === days[i]; j--) {
      if (!this.isSkip(j) && test(this.stanceOf(j))) first = j;
    }
    return first;
  }

  /** Contradictions among a block's steady claims, more than a day before the figure (see `stanceOf`). */
  private steadyContradictions(c: BlockCounts): number {
    const b = this.bucket;
    if (b.forecast) return c.belowSteady + c.aboveSteady;
    if (b.kind === 'level') return 0;
    // Earlier and larger: the figure may be out of date, unless it is a floor and that report not its own.
    return this.figure.floor ? c.aboveSteadyFloor : c.aboveSteady;
  }

  /** Steady claims of a block, more than a day before the figure, whose difference is explained. */
  private steadyExplained(c: BlockCounts): number {
    const b = this.bucket;
    if (b.forecast) return 0;
    if (b.kind === 'level') return c.belowSteady + c.aboveSteady;
    return c.belowSteady + (this.figure.floor ? c.aboveSteady - c.aboveSteadyFloor : 0);
  }

  /** Whether a block's steady claims may hold one that had passed the figure by its date. */
  private steadyOutdating(c: BlockCounts, lv: BlockLevel, k: number): boolean {
    const b = this.bucket;
    const f = this.figure;
    if (b.forecast) {
      return c.aboveSteady > 0 && f.sourceId >= 0 && (lv.steadySources[k]! & sourceBit(f.sourceId)) !== 0;
    }
    return b.kind === 'count' && this.steadyContradictions(c) > 0;
  }
}

// Here rather than stances.ts's: called through the import on every claim, it is a getter once transpiled.
function isConsistent(stance: number): boolean {
  return stance >= MATCH && stance <= LEVEL;
}

function isContradiction(stance: number): boolean {
  return stance === CONFLICT || stance === BACKWARDS;
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
