/**
 * Dates written in a sentence and the calendar day each means, resolved against the document's date:
 * `on March 2` → 2022-03-02, `on Thursday` → the last Thursday on or before the document date, `last
 * Sunday` → the Sunday before it, `yesterday`, `by the previous evening` (the day before the date the
 * statement was made). Dates after `since` mark where a cumulative count starts, not the day it describes.
 */
import type { IsoDate } from '../types.ts';
import { MONTH_PATTERN, monthNumber } from '../calendar/months.ts';

export type DateKind = 'day' | 'previous' | 'since' | 'future';

export interface DatePhrase {
  start: number;
  end: number;
  kind: DateKind;
  /** The day meant, for kind `day`; null when it cannot be resolved (no document date). */
  date: IsoDate | null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = MONTH_PATTERN;

const PHRASE = new RegExp(
  [
    `(?<wd>(?:(?<wdRel>last|this|next|on|by|since|until|as\\s+of)\\s+)?(?<weekday>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)(?:\\s+(?<wdPart>morning|afternoon|evening|night))?)`,
    `(?<md>(?:(?<mdRel>on|by|since|until|from|as\\s+of)\\s+)?(?:(?<month1>${MONTH})\\.?\\s+(?<day1>\\d{1,2})(?:st|nd|rd|th)?|(?<day2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month2>${MONTH}))(?:,?\\s+(?<year>(?:19|20)\\d{2}))?)`,
    `(?<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]his\\s+morning|[Ll]ast\\s+night|[Oo]vernight)`,
    `(?<prev>(?:by|as\\s+of|until)\\s+the\\s+(?:previous|preceding)\\s+(?:evening|day|night|morning)|the\\s+(?:day|evening|night)\\s+before)`,
  ].join('|'),
  'g',
);

const SINCE_BEFORE = /\bsince\b[^,.;:]{0,40}$/i;

/**
 * Calendar arithmetic on UTC day numbers: exact (no time zone or daylight-saving shifts) and cheap, as it
 * runs for every dated figure on a page.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date, or null when it is not one. */
function dayNumber(date: IsoDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms / DAY_MS;
}

const isoCache = new Map<number, IsoDate>();
function isoOfDay(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < 4096) isoCache.set(day, iso);
  }
  return iso;
}

/** A cheap test before the date pattern runs: every phrase it reads contains one of these. */
const MAY_DATE = /day|night|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|before|previous|preceding/i;

/** The day `days` after `date` (an ISO date; negative for before). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  const d = dayNumber(date);
  return d === null ? date : isoOfDay(d + days);
}

function weekdayDate(
  reference: IsoDate,
  weekday: number,
  relation: string | undefined,
  future: boolean,
): IsoDate | null {
  const ref = dayNumber(reference);
  if (ref === null) return null;
  const refWeekday = (((ref + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  if (future) return isoOfDay(ref + ((weekday - refWeekday + 7) % 7 || 7));
  let back = (refWeekday - weekday + 7) % 7;
  if (relation === 'last' && back === 0) back = 7;
  return isoOfDay(ref - back);
}

/** "expected to leave on Thursday", "will meet on Monday": a day still to come. */
const FUTURE_BEFORE =
  /\b(?:expected|due|scheduled|set|planned|going)\s+to\b[^.;]{0,40}$|\bwill\b[^.;]{0,30}$/i;

function monthDayDate(
  reference: IsoDate | null,
  month: number,
  day: number,
  year: number | null,
): IsoDate | null {
  const ref = reference ? dayNumber(reference) : null;
  let y = year ?? (ref !== null ? new Date(ref * DAY_MS).getUTCFullYear() : null);
  if (y === null) return null;
  let d = Date.UTC(y, month, day) / DAY_MS;
  if (new Date(d * DAY_MS).getUTCMonth() !== month) return null;
  // "on December 30" in a January article is last year's.
  if (year === null && ref !== null && d - ref > 7) {
    y -= 1;
    d = Date.UTC(y, month, day) / DAY_MS;
  }
  return isoOfDay(d);
}

/** Date phrases in text[from, to), in order. */
export function findDatePhrases(
  text: string,
  from: number,
  to: number,
  reference: IsoDate | null,
): DatePhrase[] {
  const s = text.slice(from, to);
  const out: DatePhrase[] = [];
  if (!MAY_DATE.test(s)) return out;
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(s); m !== null; m = PHRASE.exec(s)) {
    const g = m.groups ?? {};
    const start = from + m.index;
    const end = start + m[0].length;
    const rel = (g.wdRel ?? g.mdRel ?? '').toLowerCase().replace(/\s+/g, ' ');
    const since =
      rel === 'since' || rel === 'from' || SINCE_BEFORE.test(text.slice(Math.max(0, start - 48), start));
    if (g.prev !== undefined) {
      out.push({ start, end, kind: 'previous', date: null });
      continue;
    }
    let date: IsoDate | null = null;
    if (g.weekday !== undefined) {
      if (rel === 'next') {
        out.push({ start, end, kind: 'future', date: null });
        continue;
      }
      const future = FUTURE_BEFORE.test(text.slice(Math.max(0, start - 60), start));
      date = reference
        ? weekdayDate(reference, WEEKDAYS.indexOf(g.weekday.toLowerCase()), rel, future)
        : null;
    } else if (g.md !== undefined) {
      const number = monthNumber(g.month1 ?? g.month2 ?? '');
      const month = number === undefined ? undefined : number - 1;
      const day = Number(g.day1 ?? g.day2);
      if (month === undefined || !(day >= 1 && day <= 31)) continue;
      date = monthDayDate(reference, month, day, g.year ? Number(g.year) : null);
    } else if (g.rel !== undefined) {
      const word = g.rel.toLowerCase().replace(/\s+/g, ' ');
      if (reference)
        date = word === 'yesterday' || word === 'last night' ? shiftDays(reference, -1) : reference;
    }
    out.push({ start, end, kind: since ? 'since' : 'day', date });
  }
  return out;
}

/**
 * The day a figure describes, from the date phrases of its clause: the nearest day phrase to the figure;
 * `by the previous evening` is the day before the statement's day (or the document's). Null when the
 * clause names no day.
 */
export function dayOfFigure(
  phrases: readonly DatePhrase[],
  figureStart: number,
  reference: IsoDate | null,
): IsoDate | null {
  const days = phrases.filter((p) => p.kind === 'day' && p.date !== null);
  let nearest: DatePhrase | null = null;
  for (const p of days) {
    const distance = Math.abs(p.start - figureStart);
    if (!nearest || distance < Math.abs(nearest.start - figureStart)) nearest = p;
  }
  if (phrases.some((p) => p.kind === 'previous')) {
    const base = nearest?.date ?? reference;
    return base ? shiftDays(base, -1) : null;
  }
  return nearest?.date ?? null;
}
