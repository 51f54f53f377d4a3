/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so comparisons subtract numbers instead
 * of building Date objects on the hot path. Pure.
 */
import type { IsoDate } from '../types.ts';
import { MONTH_NAMES } from './months.ts';

const MS_PER_DAY = 86_400_000;

const MONTHS = MONTH_NAMES;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `2022-03-02` → its day number; NaN for anything that is not a real `YYYY-MM-DD` date. */
export function dayNumber(iso: IsoDate | null | undefined): number {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return NaN;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `iso` is a real `YYYY-MM-DD` date (`2022-02-30` is not). */
export function isIsoDate(iso: string): boolean {
  return !Number.isNaN(dayNumber(iso));
}

/** The `YYYY-MM-DD` of a day number. */
export function isoFromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `2022-03-02` → "March 2", with the year unless it is `refYear` ("March 2, 2022"). */
export function monthDay(iso: IsoDate, refYear?: number): string {
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  const month = MONTHS[m - 1];
  if (!month || d < 1) return iso;
  return refYear === y ? `${month} ${d}` : `${month} ${d}, ${y}`;
}

/** The year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
