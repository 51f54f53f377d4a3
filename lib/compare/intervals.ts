/**
 * The interval of values a figure allows, for comparison. Qualifiers are already read into `low`/`high` by
 * the figures layer (`nearly 500` → [450, 500], `more than 9,000` → [9000, null]); here nulls become open
 * ends and a rounded figure written with a scale word gets the rounding it implies. Pure.
 */
import type { Reading } from '../types.ts';

export interface Interval {
  /** Lowest value allowed; 0 when open below (counts are never negative). */
  lo: number;
  /** Highest value allowed; Infinity when open above. */
  hi: number;
  /** No number at all (`thousands`, `hundreds of thousands`): allows anything, so it can neither confirm nor contradict. */
  vague: boolean;
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

// `3.8 million`, `$1.2bn`, `1,674.5 million`, `10k`: the digits before a scale word.
const SCALED = /(\d[\d,]*)(?:\.(\d+))?\s*(thousand|million|billion|trillion|mn|bn|tn|[kmb])\b/i;

/**
 * Half a unit of the last digit written before a scale word: `3.8 million` is a rounding of anything
 * from 3.75 to 3.85 million, so it must agree with 3,812,000. Figures written out in full digits (`4,253`)
 * are taken as exact. 0 when the text has no scale word.
 */
export function roundingOf(text: string): number {
  const m = SCALED.exec(text);
  if (!m) return 0;
  const scale = SCALES[(m[3] ?? '').toLowerCase()] ?? 0;
  const decimals = m[2]?.length ?? 0;
  return (scale * 10 ** -decimals) / 2;
}

export function intervalOf(r: Reading): Interval {
  const { value, low, high, qualifier } = r;
  if (qualifier === 'vague' || (value === null && low === null && high === null)) {
    return { lo: 0, hi: Infinity, vague: true };
  }
  // Missing bounds fall back to the value unless the qualifier opens that side.
  let lo = low ?? (value !== null && qualifier !== 'up_to' ? value : 0);
  let hi =
    high ?? (value !== null && qualifier !== 'more_than' && qualifier !== 'at_least' ? value : Infinity);
  if (qualifier === 'exact' && lo === hi) {
    const rounding = roundingOf(r.text);
    lo = Math.max(0, lo - rounding);
    hi += rounding;
  }
  return { lo, hi, vague: false };
}

/** Whether two closed intervals share a value. */
export function overlaps(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  return aLo <= bHi && bLo <= aHi;
}
