/**
 * How one report stands towards a page figure (index.ts has the rules). `MATCH` to `LEVEL` are consistent
 * with it (both can be true); only `CONFLICT` and `IMPOSSIBLE` contradict it; `MATCH` alone supports it.
 * Plain numbers so the comparison can keep them in a reused typed array, and named constants as well as
 * `Stance.x`: the weighing loops read them once per claim, and an imported constant is a plain binding where
 * `Stance.x` is a property lookup.
 */
/** Left out of the comparison (no number, or the page figure's own sentence). */
export const SKIP = 0;
/** The same period, and the intervals overlap: the one stance that supports the figure. */
export const MATCH = 1;
/** The intervals overlap, but the report is for another date (or either has no date): context only. */
export const SAME_NUMBER = 2;
/** The smaller of the two is a monitor's confirmed count (a floor), the larger comes from elsewhere. */
export const FLOOR = 3;
/** A running total that grew as time went: another date, or the same source updating its own count. */
export const PROGRESS = 4;
/** A level (people trapped, missing…) or a forecast on another date: it may have moved either way. */
export const LEVEL = 5;
/** By the figure's date a later report had replaced this one: it speaks for that date no more. */
export const STALE = 6;
/** A different number and no date to place it: shown, not weighed. */
export const UNDATED = 7;
/** Another date, and a running total went the wrong way between another source's figure and this one. */
export const BACKWARDS = 8;
/** Another number for the same period. */
export const CONFLICT = 9;
/** A monitor's confirmed count of an earlier date (or the same) above the figure: the figure cannot be. */
export const IMPOSSIBLE = 10;

export const Stance = {
  skip: SKIP,
  match: MATCH,
  sameNumber: SAME_NUMBER,
  floor: FLOOR,
  progress: PROGRESS,
  level: LEVEL,
  stale: STALE,
  undated: UNDATED,
  backwards: BACKWARDS,
  conflict: CONFLICT,
  impossible: IMPOSSIBLE,
} as const;

export type Stance = (typeof Stance)[keyof typeof Stance];

export function isConsistent(stance: number): boolean {
  return stance >= MATCH && stance <= LEVEL;
}

export function isContradiction(stance: number): boolean {
  return stance === CONFLICT || stance === IMPOSSIBLE;
}
