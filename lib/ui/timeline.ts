/**
 * A small timeline of the reported values for one measure: date across, value up, one mark per
 * report shaped by its source, the page's figure placed among them, and the interval a qualified figure
 * allows drawn as a bar ("more than 9,000" runs off the top with an arrow). It shows why a verdict is what
 * it is: reports of other dates are context, and only those in the figure's period can agree or differ
 * (docs/comparison.md).
 *
 * Two steps: `layoutTimeline` (pure: data → shapes with coordinates, tested without a DOM) and
 * `renderTimeline` (shapes → SVG built with createElementNS; document text only ever goes in as text).
 * Colours come from `currentColor` and the card's CSS variables (`--agrees`, `--differs`), so it follows
 * light and dark mode; filled vs hollow marks and shapes carry the same meaning without colour.
 */
import { dayNumber } from '../calendar/days.ts';
import { SAME_PERIOD_DAYS } from '../compare/measures.ts';
import type { Figure, IsoDate, Period, Reading, Report, Verdict } from '../types.ts';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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

// ---- Rendering ---------------------------------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number>;

function svgEl<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  style: Record<string, string> = {},
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  // CSS custom properties only work through CSS, not presentation attributes; the CSSOM is CSP-safe.
  for (const [name, value] of Object.entries(style)) el.style.setProperty(name, value);
  return el;
}

function titled<T extends SVGElement>(doc: Document, el: T, text: string): T {
  const title = svgEl(doc, 'title');
  title.textContent = text;
  el.appendChild(title);
  return el;
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The path or element for a mark of `shape` centred on (x, y). */
function shapeEl(doc: Document, shape: MarkShape, x: number, y: number): SVGElement {
  const s = 3.5;
  switch (shape) {
    case 'circle':
      return svgEl(doc, 'circle', { cx: r(x), cy: r(y), r: s });
    case 'square':
      return svgEl(doc, 'rect', {
        x: r(x - s + 0.5),
        y: r(y - s + 0.5),
        width: 2 * s - 1,
        height: 2 * s - 1,
      });
    case 'triangle':
      return svgEl(doc, 'path', {
        d: `M${r(x)} ${r(y - s - 0.5)}L${r(x + s)} ${r(y + s - 0.5)}H${r(x - s)}Z`,
      });
    case 'diamond':
      return svgEl(doc, 'path', {
        d: `M${r(x)} ${r(y - s - 0.5)}L${r(x + s)} ${r(y)}L${r(x)} ${r(y + s + 0.5)}L${r(x - s)} ${r(y)}Z`,
      });
    case 'plus':
      return svgEl(doc, 'path', { d: `M${r(x - s)} ${r(y)}H${r(x + s)}M${r(x)} ${r(y - s)}V${r(y + s)}` });
  }
}

function colourOf(consistent: boolean): string {
  return consistent ? 'var(--agrees, currentColor)' : 'var(--differs, currentColor)';
}

/** Draws a laid-out timeline as an `<svg>` owned by `doc`. */
export function renderTimeline(layout: TimelineLayout, doc: Document): SVGSVGElement {
  const { width, height, plot } = layout;
  const svg = svgEl(doc, 'svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': `${layout.title}. ${layout.description}`,
    class: 'fc-timeline',
    'data-testid': 'timeline-chart',
    fill: 'none',
    'font-size': 9,
  });
  titled(doc, svg, layout.title);
  const desc = svgEl(doc, 'desc');
  desc.textContent = layout.description;
  svg.appendChild(desc);

  if (layout.period) {
    // The band a reader checks first: reports outside it are context, not agreement.
    const band = svgEl(doc, 'rect', {
      class: 'fc-timeline-period',
      x: r(layout.period.x1),
      y: plot.top,
      width: r(Math.max(1, layout.period.x2 - layout.period.x1)),
      height: plot.bottom - plot.top,
      fill: 'currentColor',
      'fill-opacity': 0.08,
    });
    titled(doc, band, layout.period.label);
    svg.appendChild(band);
  }

  const grid = svgEl(doc, 'g', { class: 'fc-timeline-grid', stroke: 'currentColor', 'stroke-opacity': 0.15 });
  for (const t of layout.yTicks) {
    grid.appendChild(svgEl(doc, 'line', { x1: plot.left, x2: plot.right, y1: r(t.at), y2: r(t.at) }));
  }
  svg.appendChild(grid);

  const labels = svgEl(doc, 'g', { class: 'fc-timeline-axes', fill: 'currentColor', 'fill-opacity': 0.75 });
  for (const t of layout.yTicks) {
    const text = svgEl(doc, 'text', { x: plot.left - 4, y: r(t.at + 3), 'text-anchor': t.anchor });
    text.textContent = t.label;
    labels.appendChild(text);
  }
  for (const t of layout.xTicks) {
    const text = svgEl(doc, 'text', { x: r(t.at), y: plot.bottom + 11, 'text-anchor': t.anchor });
    text.textContent = t.label;
    labels.appendChild(text);
  }
  svg.appendChild(labels);

  const page = layout.page;
  if (page) {
    const g = svgEl(doc, 'g', { class: 'fc-timeline-page', stroke: 'currentColor', 'stroke-width': 1.5 });
    titled(doc, g, page.label);
    if (page.x === null) {
      // No date: its value as a line across, so the reports can be read against it.
      g.appendChild(
        svgEl(doc, 'line', {
          x1: plot.left,
          x2: plot.right,
          y1: r(page.y),
          y2: r(page.y),
          'stroke-dasharray': '4 3',
        }),
      );
    } else {
      g.appendChild(
        svgEl(doc, 'line', {
          x1: r(page.x),
          x2: r(page.x),
          y1: plot.top,
          y2: plot.bottom,
          'stroke-dasharray': '2 3',
          'stroke-opacity': 0.5,
          'stroke-width': 1,
        }),
      );
      if (page.bar) g.appendChild(barEl(doc, page.x, page.bar, plot.top));
      // A ring with a dot: no source's mark looks like it.
      g.appendChild(svgEl(doc, 'circle', { cx: r(page.x), cy: r(page.y), r: 5.5 }));
      g.appendChild(svgEl(doc, 'circle', { cx: r(page.x), cy: r(page.y), r: 1.2, fill: 'currentColor' }));
    }
    svg.appendChild(g);
  }

  const marks = svgEl(doc, 'g', { class: 'fc-timeline-marks', 'stroke-width': 1.5 });
  for (const m of layout.marks) {
    const colour = colourOf(m.consistent);
    const g = svgEl(
      doc,
      'g',
      { class: m.consistent ? 'consistent' : 'inconsistent', 'data-source': m.source },
      { color: colour },
    );
    titled(doc, g, m.label);
    if (m.bar) g.appendChild(barEl(doc, m.x, m.bar, plot.top));
    const shape = shapeEl(doc, m.shape, m.x, m.y);
    shape.setAttribute('stroke', 'currentColor');
    // Filled when consistent, hollow when not: the verdict without relying on colour.
    shape.setAttribute('fill', m.consistent && m.shape !== 'plus' ? 'currentColor' : 'none');
    // Dashed when it had been replaced before the figure's date (outdated): shape, not colour, says so.
    if (m.outdated) shape.setAttribute('stroke-dasharray', '2 1.5');
    g.appendChild(shape);
    marks.appendChild(g);
  }
  svg.appendChild(marks);

  const legend = svgEl(doc, 'g', { class: 'fc-timeline-legend', 'fill-opacity': 0.85 });
  for (const item of layout.legend) {
    if (item.shape !== 'none') {
      const icon =
        item.shape === 'page'
          ? pageIcon(doc, item.x + 4, item.y - 3)
          : item.shape === 'page-line'
            ? svgEl(doc, 'line', {
                x1: item.x,
                x2: item.x + 8,
                y1: item.y - 3,
                y2: item.y - 3,
                'stroke-dasharray': '3 2',
                'stroke-width': 1.5,
              })
            : shapeEl(doc, item.shape, item.x + 4, item.y - 3);
      icon.setAttribute('stroke', 'currentColor');
      icon.setAttribute('fill', 'none');
      legend.appendChild(icon);
    }
    const text = svgEl(doc, 'text', {
      x: item.shape === 'none' ? item.x : item.x + 11,
      y: item.y,
      fill: 'currentColor',
    });
    text.textContent = item.label;
    legend.appendChild(text);
  }
  svg.appendChild(legend);
  return svg;
}

function pageIcon(doc: Document, x: number, y: number): SVGElement {
  const g = svgEl(doc, 'g', { 'stroke-width': 1.5 });
  g.append(
    svgEl(doc, 'circle', { cx: x, cy: y, r: 4 }),
    svgEl(doc, 'circle', { cx: x, cy: y, r: 1, fill: 'currentColor', stroke: 'none' }),
  );
  return g;
}

function barEl(doc: Document, x: number, bar: Bar, top: number): SVGElement {
  const g = svgEl(doc, 'g', { stroke: 'currentColor', 'stroke-opacity': 0.55, 'stroke-width': 2 });
  g.appendChild(
    svgEl(doc, 'line', { x1: r(x), x2: r(x), y1: r(bar.y1), y2: r(bar.y2), 'stroke-linecap': 'round' }),
  );
  if (bar.open) {
    g.appendChild(
      svgEl(doc, 'path', { d: `M${r(x - 3)} ${r(top + 3)}L${r(x)} ${r(top)}L${r(x + 3)} ${r(top + 3)}` }),
    );
  }
  return g;
}

/**
 * The timeline for a figure and its reports, or null when no report has a number to place (the card then
 * shows none). Matches the card's `renderTimeline` option.
 */
export function renderFigureTimeline(
  figure: Figure,
  doc: Document,
  options: { pageDate?: IsoDate | null; size?: { width: number; height: number } } = {},
): SVGSVGElement | null {
  const layout = layoutTimeline(
    { figure, pageDate: options.pageDate ?? null, reports: figure.reports, verdict: figure.verdict },
    options.size,
  );
  return layout.marks.length === 0 ? null : renderTimeline(layout, doc);
}
