/**
 * How one report stands towards a page figure. `MATCH` to `LEVEL` are consistent with it (both can be
 * true), the rest are not. Plain numbers so the comparison can keep them in a reused typed array, and
 * named constants as well as `Stance.x`: the weighing loops read them once per claim, and an imported
 * constant is a plain binding where `Stance.x` is a property lookup.
 */
/** Left out of the comparison (the page figure's own sentence). */
export const SKIP = 0;
/** The intervals overlap and the report was still current at the figure's date. */
export const MATCH = 1;
/** The smaller of the two is a monitor's confirmed count (a floor), the larger comes from elsewhere. */
export const FLOOR = 2;
/** A running total, further apart in time than one period, and the later figure is the larger. */
export const PROGRESS = 3;
/** A level (people trapped, missing…) on another date: it may have moved either way. */
export const LEVEL = 4;
/** The intervals overlap, but by the figure's date a later report had replaced this one. */
export const STALE = 5;
/** Different numbers for the same period (or with no date to tell periods apart). */
export const CONFLICT = 6;
/** A running total that goes backwards: the later figure is the smaller. */
export const BACKWARDS = 7;

export const Stance = {
  skip: SKIP,
  match: MATCH,
  floor: FLOOR,
  progress: PROGRESS,
  level: LEVEL,
  stale: STALE,
  conflict: CONFLICT,
  backwards: BACKWARDS,
} as const;

export type Stance = (typeof Stance)[keyof typeof Stance];

export function isConsistent(stance: number): boolean {
  return stance >= MATCH && stance <= LEVEL;
}
