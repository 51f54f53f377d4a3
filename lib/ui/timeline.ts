/**
 * A small timeline of the reported values for one measure: date across, value up, one mark per
 * report shaped by its source, the page's figure placed among them, and the interval a qualified figure
 * allows drawn as a bar ("more than 9,000" runs off the top with an arrow). It shows why a verdict is what
 * it is: reports of other dates are context, and only those in the figure's period can agree or differ
 * (docs/comparison.md).
 *
 * Two steps: `layoutTimeline` (lib/ui/timeline-layout.ts, pure: data → shapes with coordinates, tested
 * without a DOM) and `renderTimeline` here (shapes → SVG built with createElementNS; document text only
 * ever goes in as text).
 * Colours come from `currentColor` and the card's CSS variables (`--agrees`, `--differs`), so it follows
 * light and dark mode; filled vs hollow marks and shapes carry the same meaning without colour.
 */
import type { Figure, IsoDate } from '../types.ts';
import { layoutTimeline, type Bar, type MarkShape, type TimelineLayout } from './timeline-layout.ts';

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
