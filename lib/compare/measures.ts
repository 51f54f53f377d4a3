/**
 * How each metric behaves over time, which decides what a difference between two dates means. Pure.
 */
import type { Metric } from '../types.ts';

/**
 * - `count`: a running total that only grows (deaths, injuries, people who fled abroad, attacks): a larger
 *   figure at a later date is progress, a smaller one is a contradiction.
 * - `level`: a stock that goes up and down (people trapped, missing, detained, displaced now): figures for
 *   different dates may differ in either direction without contradicting each other.
 */
export type MeasureKind = 'count' | 'level';

const LEVELS: ReadonlySet<Metric> = new Set<Metric>([
  'missing',
  'trapped',
  'detained',
  'internally_displaced',
  'displaced',
]);

export function measureKind(metric: Metric): MeasureKind {
  return LEVELS.has(metric) ? 'level' : 'count';
}

/** `other` means the figure's meaning was not understood: comparing it would compare unknown things. */
export function isComparable(metric: Metric): boolean {
  return metric !== 'other';
}

/**
 * Two reports this many days apart or fewer describe the same period (docs/comparison.md): "249 by the
 * previous evening" (asOf March 2) and "over 2,000" (March 3) are a disagreement between sources, not a toll
 * that grew eightfold overnight. Further apart, a different number is another date's figure, not a
 * disagreement.
 */
export const SAME_PERIOD_DAYS = 3;
