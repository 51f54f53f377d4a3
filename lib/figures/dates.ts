/**
 * Dates written in a sentence and the calendar day each means, resolved against the document's date:
 * `on March 2` → 2022-03-02, `on Thursday` → the last Thursday on or before the document date, `last
 * Sunday` → the Sunday before it, `yesterday`, `by the previous evening` (the day before the date the
 * statement was made). Dates after `since` mark where a cumulative count starts, not the day it describes.
 */
import { addDays, format, getDay, isValid, parseISO } from 'date-fns';
import type { IsoDate } from '../types.ts';

export type DateKind = 'day' | 'previous' | 'since' | 'future';

export interface DatePhrase {
  start: number;
  end: number;
  kind: DateKind;
  /** The day meant, for kind `day`; null when it cannot be resolved (no document date). */
  date: IsoDate | null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};
const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

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

function iso(d: Date): IsoDate {
  return format(d, 'yyyy-MM-dd');
}

/** The day `days` before `date` (an ISO date). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return iso(addDays(parseISO(date), days));
}

function weekdayDate(
  reference: IsoDate,
  weekday: number,
  relation: string | undefined,
  future: boolean,
): IsoDate | null {
  const ref = parseISO(reference);
  if (!isValid(ref)) return null;
  if (future) return iso(addDays(ref, (weekday - getDay(ref) + 7) % 7 || 7));
  let back = (getDay(ref) - weekday + 7) % 7;
  if (relation === 'last' && back === 0) back = 7;
  return iso(addDays(ref, -back));
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
  const refDate = reference ? parseISO(reference) : null;
  let y = year ?? (refDate && isValid(refDate) ? refDate.getFullYear() : null);
  if (y === null) return null;
  let d = new Date(y, month, day);
  if (d.getMonth() !== month) return null;
  // "on December 30" in a January article is last year's.
  if (year === null && refDate && d.getTime() - refDate.getTime() > 7 * 86_400_000) {
    y -= 1;
    d = new Date(y, month, day);
  }
  return iso(d);
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
      const month = MONTHS[(g.month1 ?? g.month2 ?? '').toLowerCase().replace(/\.$/, '')];
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
