/**
 * The timeline's layout, pure: reports of one measure → shapes with coordinates (date across, value up,
 * one mark per report shaped by its source, the page's figure among them, a qualified figure's interval
 * as a bar), a legend and ticks. Tested without a DOM; lib/ui/timeline.ts draws it.
 */
import { dayNumber } from '../calendar/days.ts';
import { MONTH_NAMES } from '../calendar/months.ts';
import { SAME_PERIOD_DAYS } from '../compare/measures.ts';
import type { IsoDate, Period, Reading, Report, Verdict } from '../types.ts';
import { VERDICT_LABELS } from '../labels.ts';

export const TIMELINE_SIZE = { width: 280, height: 120 } as const;

export type MarkShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'plus';
/** Shapes given to sources in order of first appearance. */
export const SHAPES: readonly MarkShape[] = ['circle', 'square', 'triangle', 'diamond', 'plus'];

export interface TimelineInput {
  /** The page's figure (its `asOf`, else `pageDate`, places it in time). */
  figure: Pick<Reading, 'text' | 'value' | 'low' | 'high' | 'asOf' | 'source'> & { period?: Period };
  pageDate?: IsoDate | null;
  reports: readonly Report[];
  /** The figure's verdict, named with its glyph in the page mark's label: "… — ◷ Other dates only". */
  verdict?: Verdict;
}

export interface Bar {
  /** From the lower bound (or 0) up to the upper bound (or the top of the plot when open). */
  y1: number;
  y2: number;
  /** The interval has no upper bound: drawn with an arrow at the top. */
  open: boolean;
}

export interface ReportMark {
  x: number;
  y: number;
  bar: Bar | null;
  shape: MarkShape;
  consistent: boolean;
  /** Replaced by a later report before the page figure's date: drawn dashed. */
  outdated: boolean;
  source: string;
  /** For the tooltip: "4,253 — OHCHR, 2022-06-07: reported 96 days later; higher: the count grew". */
  label: string;
}

export interface PageMark {
  /** Null when the page figure has no date: it is then drawn as a line across the plot at its value. */
  x: number | null;
  y: number;
  bar: Bar | null;
  label: string;
}

export interface Tick {
  /** x for date ticks, y for value ticks. */
  at: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface LegendItem {
  x: number;
  y: number;
  /** `page` for the page's figure (`page-line` when undated); `none` for the "+N more" note. */
  shape: MarkShape | 'page' | 'page-line' | 'none';
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** Reports with a number and a date, oldest first. */
  marks: ReportMark[];
  page: PageMark | null;
  /**
   * The figure's period, SAME_PERIOD_DAYS either side of its date (its day alone for a one-day figure):
   * only reports inside it can agree or differ; null without a date.
   */
  period: { x1: number; x2: number; label: string } | null;
  legend: LegendItem[];
  /** Short accessible name, and a longer description listing the values. */
  title: string;
  description: string;
  /** Reports that could not be placed (no number). */
  omitted: number;
}

const MARGIN = { left: 34, right: 10, top: 8, bottom: 40 };
const LEGEND_FONT_WIDTH = 5.3; // px per character at the legend's 9px font, for fitting a row
const LEGEND_ROWS = 2;
const LEGEND_ROW_HEIGHT = 11;
const MAX_LEGEND_NAME = 16;
const MAX_DESCRIBED = 8;

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

interface Placed {
  report: Report;
  day: number;
  value: number;
}

export function layoutTimeline(
  input: TimelineInput,
  size: { width: number; height: number } = TIMELINE_SIZE,
): TimelineLayout {
  const { width, height } = size;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: height - MARGIN.bottom,
  };

  const placed: Placed[] = [];
  let omitted = 0;
  for (const report of input.reports) {
    const value = report.value ?? report.low ?? report.high;
    const day = dayNumber(report.asOf ?? report.document.date);
    if (value === null || Number.isNaN(day)) omitted++;
    else placed.push({ report, day, value });
  }
  placed.sort((a, b) => a.day - b.day || a.value - b.value);

  const fig = input.figure;
  const figValue = fig.value ?? fig.low ?? fig.high;
  let figDay = dayNumber(fig.asOf);
  if (Number.isNaN(figDay)) figDay = dayNumber(input.pageDate ?? null);

  // Scales. Days: the span of everything placed, padded; a single day sits in the middle.
  const days = placed.map((p) => p.day);
  if (figValue !== null && !Number.isNaN(figDay)) days.push(figDay);
  let d0 = days.length ? Math.min(...days) : 0;
  let d1 = days.length ? Math.max(...days) : 1;
  if (d0 === d1) {
    d0 -= 1;
    d1 += 1;
  } else {
    const pad = (d1 - d0) * 0.04;
    d0 -= pad;
    d1 += pad;
  }
  const xOf = (day: number) => plot.left + ((day - d0) / (d1 - d0)) * (plot.right - plot.left);

  // Values: from 0 (counts; a zero baseline keeps proportions honest) to a round number above the largest.
  let top = 0;
  const consider = (v: number | null) => {
    if (v !== null && Number.isFinite(v) && v > top) top = v;
  };
  for (const p of placed) {
    consider(p.value);
    consider(p.report.low);
    consider(p.report.high);
  }
  if (figValue !== null) {
    consider(figValue);
    consider(fig.low);
    consider(fig.high);
  }
  const { max: yMax, step } = niceScale(top);
  const yOf = (v: number) => plot.bottom - (Math.min(v, yMax) / yMax) * (plot.bottom - plot.top);
  const barOf = (low: number | null, high: number | null): Bar | null => {
    if (low === high && low !== null) return null;
    if (low === null && high === null) return null;
    return { y1: yOf(low ?? 0), y2: high === null ? plot.top : yOf(high), open: high === null };
  };

  // Shapes by source, in order of first appearance.
  const shapeOf = new Map<string, MarkShape>();
  const marks: ReportMark[] = placed.map(({ report, day, value }) => {
    const source = report.source ?? report.document.publisher;
    let shape = shapeOf.get(source);
    if (!shape) {
      shape = SHAPES[shapeOf.size % SHAPES.length]!;
      shapeOf.set(source, shape);
    }
    const date = report.asOf ?? report.document.date;
    return {
      x: xOf(day),
      y: yOf(value),
      bar: barOf(report.low, report.high),
      shape,
      consistent: report.consistent,
      outdated: report.outdated === true,
      source,
      label: `${report.text} — ${source}, ${date}${report.note ? `: ${report.note}` : ''}`,
    };
  });

  const pageWhen = Number.isNaN(figDay) ? 'no date' : isoOf(figDay);
  const verdict = input.verdict ? VERDICT_LABELS[input.verdict] : null;
  const verdictWords = verdict ? ` — ${verdict.icon} ${verdict.text}` : '';
  const page: PageMark | null =
    figValue === null
      ? null
      : {
          x: Number.isNaN(figDay) ? null : xOf(figDay),
          y: yOf(figValue),
          bar: barOf(fig.low, fig.high),
          label: `This page: ${fig.text}${fig.source ? ` (${fig.source})` : ''}, ${pageWhen}${verdictWords}`,
        };

  const yTicks: Tick[] = [];
  for (let v = 0; v <= yMax + step / 2; v += step)
    yTicks.push({ at: yOf(v), label: compact(v), anchor: 'end' });

  const xTicks: Tick[] = [];
  if (days.length) {
    const first = Math.min(...days);
    const last = Math.max(...days);
    const withYear =
      new Date(first * 86_400_000).getUTCFullYear() !== new Date(last * 86_400_000).getUTCFullYear();
    if (first === last) xTicks.push({ at: xOf(first), label: shortDate(first, withYear), anchor: 'middle' });
    else {
      xTicks.push({ at: xOf(first), label: shortDate(first, withYear), anchor: 'start' });
      xTicks.push({ at: xOf(last), label: shortDate(last, withYear), anchor: 'end' });
    }
  }

  const reach = fig.period === 'window' ? 0.5 : SAME_PERIOD_DAYS + 0.5;
  const clamp = (x: number) => Math.min(plot.right, Math.max(plot.left, x));
  const period =
    page === null || page.x === null
      ? null
      : {
          x1: clamp(xOf(figDay - reach)),
          x2: clamp(xOf(figDay + reach)),
          label:
            fig.period === 'window'
              ? "This figure's day: only reports of that day can agree or differ"
              : `This figure's period (${SAME_PERIOD_DAYS} days either side): only reports in it can agree or differ`,
        };

  const pageIcon = page === null ? null : page.x === null ? 'page-line' : 'page';
  const legend = layoutLegend(pageIcon, [...shapeOf], 4, plot.bottom + 23, width - 4);

  const measure = marks.length === 1 ? '1 report' : `${marks.length} reports`;
  const title = `Timeline of ${measure} and this page's figure`;
  const described = marks
    .slice(-MAX_DESCRIBED)
    .map((m) => m.label.split(':')[0])
    .join('; ');
  const more = marks.length > MAX_DESCRIBED ? ` (the latest ${MAX_DESCRIBED} of ${marks.length})` : '';
  const description =
    (marks.length ? `Reported values${more}: ${described}.` : 'No reported values to place.') +
    (page ? ` ${page.label}.` : '') +
    (omitted ? ` ${omitted} report${omitted === 1 ? '' : 's'} without a number not shown.` : '');

  return { width, height, plot, xTicks, yTicks, marks, page, period, legend, title, description, omitted };
}

/** A round maximum and tick step for values up to `top`: 2 to 5 ticks above zero. */
export function niceScale(top: number): { max: number; step: number } {
  if (!(top > 0)) return { max: 1, step: 1 };
  const raw = top / 3;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { max: Math.ceil(top / step) * step, step };
}

/** 4253 → "4.3k", 3800000 → "3.8M", 250 → "250". */
export function compact(v: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(v) >= size) return `${Number((v / size).toFixed(1))}${unit}`;
  }
  return String(Number(v.toFixed(1)));
}

function isoOf(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function shortDate(day: number, withYear: boolean): string {
  const d = new Date(day * 86_400_000);
  const text = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return withYear ? `${text} ’${String(d.getUTCFullYear()).slice(2)}` : text;
}

function shorten(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  return clean.length <= MAX_LEGEND_NAME ? clean : `${clean.slice(0, MAX_LEGEND_NAME - 1)}…`;
}

/** Up to two rows: the page first, then sources while they fit, then "+N more". */
function layoutLegend(
  pageIcon: 'page' | 'page-line' | null,
  sources: [string, MarkShape][],
  left: number,
  top: number,
  right: number,
): LegendItem[] {
  const items: LegendItem[] = [];
  const widthOf = (label: string) => 12 + label.length * LEGEND_FONT_WIDTH + 10;
  let row = 0;
  let x = left;
  // Moves to the next row when `w` does not fit; false when out of rows.
  const fit = (w: number): boolean => {
    if (x + w <= right) return true;
    if (row + 1 >= LEGEND_ROWS) return false;
    row++;
    x = left;
    return x + w <= right;
  };
  const place = (shape: LegendItem['shape'], label: string) => {
    items.push({ x, y: top + row * LEGEND_ROW_HEIGHT, shape, label });
    x += widthOf(label);
  };
  if (pageIcon) place(pageIcon, 'this page');
  for (let i = 0; i < sources.length; i++) {
    const [name, shape] = sources[i]!;
    const label = shorten(name);
    const rest = sources.length - i - 1;
    const moreWidth = widthOf(`+${rest} more`);
    // On the last row, keep room for the "+N more" that would follow.
    const lastRow = row + 1 >= LEGEND_ROWS || x + widthOf(label) > right;
    const need = widthOf(label) + (rest > 0 && lastRow ? moreWidth : 0);
    if (!fit(need)) {
      if (fit(widthOf(`+${rest + 1} more`))) place('none', `+${rest + 1} more`);
      break;
    }
    place(shape, label);
  }
  return items;
}
