// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { layoutTimeline } from '../../../lib/ui/timeline-layout.ts';
import { renderFigureTimeline, renderTimeline } from '../../../lib/ui/timeline.ts';
import type { Figure } from '../../../lib/types.ts';
import { DOCS, SEED, asReport, claim, reading } from '../support/claims.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const page249 = reading({ text: '249', value: 249, asOf: '2022-03-03' });
const reports = [
  asReport(SEED.un249, true, 'agrees'),
  asReport(SEED.officials2000, false, 'Ukrainian officials vs this page on the same day'),
  asReport(SEED.ohchr4253, true, 'reported 96 days later; higher: the count grew'),
];

function draw(figure = page249, rs = reports) {
  const svg = renderTimeline(layoutTimeline({ figure, reports: rs }), document);
  document.body.replaceChildren(svg);
  return svg;
}

describe('renderTimeline', () => {
  test('an accessible SVG image with a title and a description of the values', () => {
    const svg = draw();
    expect(svg.namespaceURI).toBe(SVG_NS);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 280 120');
    expect(svg.querySelector(':scope > title')!.textContent).toBe(
      "Timeline of 3 reports and this page's figure",
    );
    expect(svg.getAttribute('aria-label')).toContain('4,253 — OHCHR, 2022-06-07');
    expect(svg.querySelector('desc')!.textContent).toContain('This page: 249, 2022-03-03');
  });

  test('the figure’s period is a shaded band with its meaning as a tooltip; an outdated report is dashed', () => {
    const svg = draw(page249, [...reports, { ...asReport(SEED.un780, false), outdated: true as const }]);
    const band = svg.querySelector('.fc-timeline-period')!;
    expect(band.tagName.toLowerCase()).toBe('rect');
    expect(band.querySelector('title')!.textContent).toMatch(/only reports in it can agree or differ/);
    const dashed = [...svg.querySelectorAll('.fc-timeline-marks > g')].filter((g) =>
      g.querySelector('[stroke-dasharray]'),
    );
    expect(dashed.map((g) => g.querySelector('title')!.textContent!.split(' — ')[0])).toEqual(['780']);
  });

  test('one mark per report, each with its note as a tooltip', () => {
    const marks = [...draw().querySelectorAll('.fc-timeline-marks > g')];
    expect(marks.map((g) => g.querySelector('title')!.textContent)).toEqual([
      '249 — UN human rights office, 2022-03-02: agrees',
      'over 2,000 — Ukrainian officials, 2022-03-03: Ukrainian officials vs this page on the same day',
      '4,253 — OHCHR, 2022-06-07: reported 96 days later; higher: the count grew',
    ]);
  });

  test('consistent reports are filled, others hollow, and coloured by the card’s variables', () => {
    const marks = [...draw().querySelectorAll('.fc-timeline-marks > g')];
    const [agrees, differs] = marks;
    expect(agrees!.getAttribute('class')).toBe('consistent');
    expect(differs!.getAttribute('class')).toBe('inconsistent');
    expect((agrees as SVGGElement).style.getPropertyValue('color')).toBe('var(--agrees, currentColor)');
    expect((differs as SVGGElement).style.getPropertyValue('color')).toBe('var(--differs, currentColor)');
    // The shape is drawn last, over its interval bar.
    const shapeOf = (g: Element) => g.lastElementChild!;
    expect(shapeOf(agrees!).getAttribute('fill')).toBe('currentColor');
    expect(shapeOf(differs!).getAttribute('fill')).toBe('none');
  });

  test('an open-ended figure gets a bar to the top with an arrow', () => {
    const over = draw().querySelectorAll('.fc-timeline-marks > g')[1]!;
    const bar = over.querySelector('g')!;
    expect(bar.querySelector('line')).not.toBeNull();
    expect(bar.querySelector('path')!.getAttribute('d')).toMatch(/^M/);
  });

  test('the page figure: a ring at its date, or a dashed line across when undated', () => {
    const dated = draw().querySelector('.fc-timeline-page')!;
    expect(dated.querySelectorAll('circle')).toHaveLength(2);
    expect(dated.querySelector('title')!.textContent).toBe('This page: 249, 2022-03-03');
    const undated = draw(reading({ text: '249', value: 249 })).querySelector('.fc-timeline-page')!;
    expect(undated.querySelector('circle')).toBeNull();
    expect(undated.querySelector('line')!.getAttribute('stroke-dasharray')).toBe('4 3');
  });

  test('axis labels and legend are text', () => {
    const svg = draw();
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(
      expect.arrayContaining(['0', '2k', '4k', '6k', 'Mar 2', 'Jun 7', 'this page', 'OHCHR']),
    );
  });

  test('document text never becomes markup: a hostile source name renders as text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const hostile = claim(DOCS.dw, {
      text: '<script>alert(2)</script>',
      value: 4253,
      source: payload,
      quote: payload,
    });
    const svg = draw(page249, [asReport(hostile, false, `${payload} note`)]);
    expect(document.querySelector('img, script')).toBeNull();
    for (const el of svg.querySelectorAll('*')) expect(el.namespaceURI).toBe(SVG_NS);
    expect(svg.querySelector('.fc-timeline-marks title')!.textContent).toBe(
      `<script>alert(2)</script> — ${payload}, 2022-06-07: ${payload} note`,
    );
    expect(svg.getAttribute('aria-label')).toContain(payload);
    expect([...svg.querySelectorAll('.fc-timeline-legend text')].map((t) => t.textContent)).toContain(
      '<img src=x oner…',
    );
  });

  test('uses no colour of its own: currentColor and CSS variables only', () => {
    const svg = draw();
    for (const el of svg.querySelectorAll('*')) {
      for (const attr of ['fill', 'stroke']) {
        const value = el.getAttribute(attr);
        if (value !== null) expect(['none', 'currentColor']).toContain(value);
      }
      const color = (el as SVGElement).style.getPropertyValue('color');
      if (color) expect(color).toMatch(/^var\(--(agrees|differs), currentColor\)$/);
    }
  });
});

describe('renderFigureTimeline (the card’s hook)', () => {
  const figure = (rs = reports): Figure => ({ ...page249, verdict: 'agrees', reports: rs, summary: 's' });

  test('draws the figure’s reports', () => {
    const svg = renderFigureTimeline(figure(), document)!;
    expect(svg.querySelectorAll('.fc-timeline-marks > g')).toHaveLength(3);
  });

  test('returns null when no report has a number to place', () => {
    expect(renderFigureTimeline(figure([]), document)).toBeNull();
    expect(renderFigureTimeline(figure([asReport(SEED.trappedVague)]), document)).toBeNull();
  });
});
