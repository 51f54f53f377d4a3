/**
 * How one report stands towards a page figure. `match` to `level` are consistent with it (both can be
 * true), the rest are not. Plain numbers so the comparison can keep them in a reused typed array.
 */
export const Stance = {
  /** Left out of the comparison (the page figure's own sentence). */
  skip: 0,
  /** The intervals overlap and the report was still current at the figure's date. */
  match: 1,
  /** The smaller of the two is a monitor's confirmed count (a floor), the larger comes from elsewhere. */
  floor: 2,
  /** A running total, further apart in time than one period, and the later figure is the larger. */
  progress: 3,
  /** A level (people trapped, missing…) on another date: it may have moved either way. */
  level: 4,
  /** The intervals overlap, but by the figure's date a later report had replaced this one. */
  stale: 5,
  /** Different numbers for the same period (or with no date to tell periods apart). */
  conflict: 6,
  /** A running total that goes backwards: the later figure is the smaller. */
  backwards: 7,
} as const;

export type Stance = (typeof Stance)[keyof typeof Stance];

export function isConsistent(stance: number): boolean {
  return stance >= Stance.match && stance <= Stance.level;
}
