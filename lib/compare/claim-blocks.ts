/**
 * Summaries of a group's dated claims, in blocks of consecutive claims (so in date order), that let a
 * comparison find a replaced report matching the page figure without looking at every claim before its date.
 *
 * Each block keeps its intervals' ends sorted, with running counts of "steady" claims (those no report ever
 * supersedes) along each order: two binary searches then count the block's claims below and above the
 * figure's interval, and how many of them are steady. Claims that may be superseded ("transient") are listed
 * by the day they stop counting, so those still current on a given day are a prefix of the list: what
 * overlaps the figure, less what is steady, less what is still current, had been replaced by its date.
 *
 * Blocks come in levels: level 0 has the smallest, and each level's blocks join `fanout` blocks of the
 * level below, so a long run of claims that holds nothing sought is passed over in a few steps. Pure.
 */

/** What the summaries are made from: a group's arrays (claim-index.ts, `Bucket`). */
export interface BlockSource {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly vague: Uint8Array;
  readonly staleFrom: Float64Array;
}

/** One level of blocks: block k holds claims [k·size, min((k+1)·size, end)). */
export interface BlockLevel {
  readonly size: number;
  readonly count: number;
  /** Block k's non-vague claims are entries [start[k], start[k+1]) of `lo` and `hi`. */
  readonly start: Int32Array;
  /** Each block's `lo` values, ascending. */
  readonly lo: Float64Array;
  /** Each block's `hi` values, ascending. */
  readonly hi: Float64Array;
  /**
   * Running counts of steady claims (never superseded) along each sorted order: of block k's first p
   * entries, how many are steady. At start[k] + k + p, so each block has p = 0…its claims.
   */
  readonly steadyByLo: Uint16Array;
  readonly steadyByHi: Uint16Array;
  /** Block k's transient claims, the one current longest first: entries [transientStart[k], …[k + 1]). */
  readonly transient: Int32Array;
  readonly transientStart: Int32Array;
}

export interface ClaimBlocks {
  /** The blocks cover claims [0, end): the dated ones (undated claims sort last). */
  readonly end: number;
  /** Finest first; each level's block size is the one below times the fanout. */
  readonly levels: readonly BlockLevel[];
}

/** What `countBlock` finds: the block's non-vague claims, below (`hi < lo` of the figure) and above it. */
export interface BlockCounts {
  claims: number;
  below: number;
  above: number;
  steady: number;
  belowSteady: number;
  aboveSteady: number;
}

export function emptyCounts(): BlockCounts {
  return { claims: 0, below: 0, above: 0, steady: 0, belowSteady: 0, aboveSteady: 0 };
}

/** The running counts are 16-bit. */
const MAX_BLOCK = 0xffff;

/** Block summaries of claims [0, end), or null when a value is not a number (the sorts need numbers). */
export function summariseBlocks(
  b: BlockSource,
  end: number,
  size: number,
  fanout: number,
): ClaimBlocks | null {
  for (let i = 0; i < end; i++) {
    if (!b.vague[i] && (Number.isNaN(b.lo[i]!) || Number.isNaN(b.hi[i]!))) return null;
  }
  const levels = [summariseLevel(b, end, size)];
  // A level above only when it passes over more than one block at a time.
  for (let s = size * fanout; fanout > 1 && s <= MAX_BLOCK && levels.at(-1)!.count > fanout; s *= fanout) {
    levels.push(summariseLevel(b, end, s));
  }
  return { end, levels };
}

function summariseLevel(b: BlockSource, end: number, size: number): BlockLevel {
  const count = Math.ceil(end / size);
  let kept = 0;
  for (let i = 0; i < end; i++) kept += 1 - b.vague[i]!;
  const level = {
    size,
    count,
    start: new Int32Array(count + 1),
    lo: new Float64Array(kept),
    hi: new Float64Array(kept),
    steadyByLo: new Uint16Array(kept + count),
    steadyByHi: new Uint16Array(kept + count),
    transient: new Int32Array(kept),
    transientStart: new Int32Array(count + 1),
  } satisfies BlockLevel;

  const steady = (i: number) => (b.staleFrom[i] === Infinity ? 1 : 0);
  let entry = 0;
  let transient = 0;
  for (let k = 0; k < count; k++) {
    const members: number[] = [];
    for (let i = k * size; i < Math.min(end, (k + 1) * size); i++) if (!b.vague[i]) members.push(i);
    level.start[k] = entry;
    const byLo = [...members].sort((x, y) => b.lo[x]! - b.lo[y]!);
    const byHi = [...members].sort((x, y) => b.hi[x]! - b.hi[y]!);
    const cum = entry + k;
    for (let p = 0; p < members.length; p++) {
      const l = byLo[p]!;
      const h = byHi[p]!;
      level.lo[entry + p] = b.lo[l]!;
      level.hi[entry + p] = b.hi[h]!;
      level.steadyByLo[cum + p + 1] = level.steadyByLo[cum + p]! + steady(l);
      level.steadyByHi[cum + p + 1] = level.steadyByHi[cum + p]! + steady(h);
    }
    entry += members.length;

    level.transientStart[k] = transient;
    const transients = members.filter((i) => !steady(i)).sort((x, y) => b.staleFrom[y]! - b.staleFrom[x]!);
    level.transient.set(transients, transient);
    transient += transients.length;
  }
  level.start[count] = entry;
  level.transientStart[count] = transient;
  return level;
}

/** Fills `out` with block k's counts against a page figure's interval [lo, hi]. */
export function countBlock(level: BlockLevel, k: number, lo: number, hi: number, out: BlockCounts): void {
  const from = level.start[k]!;
  const to = level.start[k + 1]!;
  const below = countBelow(level.hi, from, to, lo);
  const notAbove = countAtMost(level.lo, from, to, hi);
  out.claims = to - from;
  out.below = below;
  out.belowSteady = level.steadyByHi[from + k + below]!;
  out.steady = level.steadyByLo[to + k]!;
  out.above = to - from - notAbove;
  out.aboveSteady = out.steady - level.steadyByLo[from + k + notAbove]!;
}

/** How many of sorted[from, to) are < x. */
function countBelow(sorted: Float64Array, from: number, to: number, x: number): number {
  const first = from;
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (sorted[mid]! < x) from = mid + 1;
    else to = mid;
  }
  return from - first;
}

/** How many of sorted[from, to) are <= x. */
function countAtMost(sorted: Float64Array, from: number, to: number, x: number): number {
  const first = from;
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (sorted[mid]! <= x) from = mid + 1;
    else to = mid;
  }
  return from - first;
}

/**
 * Claims [from, to) as the fewest blocks, in order: pairs (level, block) in a flat array. `from` and `to`
 * fall on bounds of the finest blocks, or `to` is the end of the blocks.
 */
export function coverOf(blocks: ClaimBlocks, from: number, to: number): number[] {
  const out: number[] = [];
  cover(blocks, blocks.levels.length - 1, from, to, out);
  return out;
}

function cover(blocks: ClaimBlocks, level: number, from: number, to: number, out: number[]): void {
  if (from >= to) return;
  const lv = blocks.levels[level]!;
  const first = Math.ceil(from / lv.size);
  const last = to === blocks.end ? lv.count : Math.floor(to / lv.size);
  if (level > 0 && first >= last) {
    cover(blocks, level - 1, from, to, out);
    return;
  }
  // The ends that do not fill a block of this level, in finer blocks.
  if (level > 0) cover(blocks, level - 1, from, first * lv.size, out);
  for (let k = first; k < last; k++) out.push(level, k);
  if (level > 0 && to !== blocks.end) cover(blocks, level - 1, last * lv.size, to, out);
}
