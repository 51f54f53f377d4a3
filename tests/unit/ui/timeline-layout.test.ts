// No DOM here: the layout is pure data → coordinates.
import { describe, expect, test } from 'vitest';
import {
  TIMELINE_SIZE,
  compact,
  layoutTimeline,
  niceScale,
  type TimelineInput,
} from '../../../lib/ui/timeline-layout.ts';
import { DOCS, SEED, asReport, claim, reading } from '../support/claims.ts';

const page249 = reading({ text: '249', value: 249, asOf: '2022-03-03' });
const civilianReports = [SEED.un249, SEED.officials2000, SEED.un780, SEED.ohchr4253].map((c) => asReport(c));

function layout(input: Partial<TimelineInput> = {}) {
  return layoutTimeline({ figure: page249, reports: civilianReports, ...input });
}

describe('layoutTimeline', () => {
  test('fits the default size, with the plot inside it', () => {
    const l = layout();
    expect([l.width, l.height]).toEqual([TIMELINE_SIZE.width, TIMELINE_SIZE.height]);
    expect(l.plot.left).toBeGreaterThan(0);
    expect(l.plot.right).toBeLessThan(l.width);
    expect(l.plot.bottom).toBeLessThan(l.height);
    for (const m of l.marks) {
      expect(m.x).toBeGreaterThanOrEqual(l.plot.left);
      expect(m.x).toBeLessThanOrEqual(l.plot.right);
      expect(m.y).toBeGreaterThanOrEqual(l.plot.top);
      expect(m.y).toBeLessThanOrEqual(l.plot.bottom);
    }
  });

  test('date runs left to right and value bottom to top', () => {
    const [un249, , un780, ohchr] = layout().marks;
    expect(un249!.x).toBeLessThan(un780!.x);
    expect(un780!.x).toBeLessThan(ohchr!.x);
    expect(ohchr!.y).toBeLessThan(un780!.y); // 4,253 above 780
    // 96 days between March 3 and June 7 against 16 between March 2 and 18: proportional.
    expect((ohchr!.x - un780!.x) / (un780!.x - un249!.x)).toBeCloseTo(81 / 16, 1);
  });

  test('values are drawn from a zero baseline', () => {
    const l = layout();
    const zero = l.yTicks.find((t) => t.label === '0')!;
    expect(zero.at).toBe(l.plot.bottom);
    const un249 = l.marks[0]!;
    const ohchr = l.marks[3]!;
    expect((l.plot.bottom - un249.y) / (l.plot.bottom - ohchr.y)).toBeCloseTo(249 / 4253, 2);
  });

  test('marks are in date order whatever order the reports come in', () => {
    const l = layout({ reports: [...civilianReports].reverse() });
    expect(l.marks.map((m) => m.label.split(' — ')[0])).toEqual(['249', 'over 2,000', '780', '4,253']);
  });

  test('each source keeps one shape, given in order of first appearance', () => {
    const l = layout();
    expect(l.marks.map((m) => [m.source, m.shape])).toEqual([
      ['UN human rights office', 'circle'],
      ['Ukrainian officials', 'square'],
      ['UN human rights office', 'circle'],
      ['OHCHR', 'triangle'],
    ]);
  });

  test.each([
    ['an exact figure has no bar', SEED.ohchr4253, 'none'],
    ['nearly 500 is a bar from 450 to 500', SEED.russia500, 'closed'],
    ['more than 9,000 runs to the top, open', SEED.zelenskyy9000, 'open'],
  ] as const)('%s', (_, c, kind) => {
    const l = layoutTimeline({ figure: reading({ text: '1', value: 1 }), reports: [asReport(c)] });
    const bar = l.marks[0]!.bar;
    if (kind === 'none') return expect(bar).toBeNull();
    expect(bar!.y1).toBeGreaterThan(bar!.y2);
    expect(bar!.open).toBe(kind === 'open');
    if (kind === 'open') expect(bar!.y2).toBe(l.plot.top);
    else expect(l.marks[0]!.y).toBeCloseTo(bar!.y2); // "nearly 500" sits at the top of its bar
  });

  test('the page figure sits at its date among the reports', () => {
    const l = layout();
    expect(l.page!.x).toBeGreaterThan(l.marks[0]!.x); // March 3, after the UN's March 2
    expect(l.page!.x).toBeLessThan(l.marks[2]!.x);
    expect(l.page!.y).toBeCloseTo(l.marks[0]!.y, 0);
    expect(l.page!.label).toBe('This page: 249, 2022-03-03');
  });

  test('the figure’s period is a band around its date: the reports in it are those that can agree or differ', () => {
    const l = layout();
    const period = l.period!;
    expect(period.x1).toBeLessThan(l.page!.x!);
    expect(period.x2).toBeGreaterThan(l.page!.x!);
    // The UN's 249 of March 2 is inside it; its 780 of March 18 is not.
    expect(l.marks[0]!.x).toBeGreaterThan(period.x1);
    expect(l.marks[2]!.x).toBeGreaterThan(period.x2);
    expect(period.label).toMatch(/3 days either side/);
    expect(layout({ figure: reading({ text: '3,000', value: 3000 }) }).period).toBeNull();
  });

  test('the verdict is named beside the page figure, and an outdated report is marked as such', () => {
    const reports = [{ ...asReport(SEED.un249, false), outdated: true as const }, asReport(SEED.un780)];
    const l = layout({
      reports,
      verdict: 'outdated',
      pageDate: '2022-03-30',
      figure: reading({ text: '249', value: 249 }),
    });
    expect(l.page!.label).toBe('This page: 249, 2022-03-30 — ↻ Outdated');
    expect(l.marks.map((m) => m.outdated)).toEqual([true, false]);
  });

  test('an undated page figure has no x (drawn across the plot) and is named as undated', () => {
    const l = layout({ figure: reading({ text: '3,000', value: 3000, source: 'Kyiv Independent' }) });
    expect(l.page!.x).toBeNull();
    expect(l.page!.label).toBe('This page: 3,000 (Kyiv Independent), no date');
    expect(l.legend[0]).toMatchObject({ shape: 'page-line', label: 'this page' });
  });

  test('the page date is used when the figure has no asOf of its own', () => {
    const l = layout({ figure: reading({ text: '249', value: 249 }), pageDate: '2022-06-07' });
    expect(l.page!.x).toBeCloseTo(l.marks[3]!.x);
  });

  test('no reports: nothing placed, and it says so', () => {
    const l = layoutTimeline({ figure: page249, reports: [] });
    expect(l.marks).toEqual([]);
    expect(l.description).toMatch(/^No reported values to place\./);
    expect(l.xTicks).toHaveLength(1);
  });

  test('one report, no page date: the single date sits in the middle', () => {
    const l = layoutTimeline({
      figure: reading({ text: '9,861', value: 9861 }),
      reports: [asReport(SEED.kp9861)],
    });
    expect(l.marks[0]!.x).toBeCloseTo((l.plot.left + l.plot.right) / 2);
    expect(l.xTicks).toEqual([expect.objectContaining({ label: 'Mar 20', anchor: 'middle' })]);
  });

  test('reports without a number are left out and counted', () => {
    const l = layoutTimeline({
      figure: reading({ text: '160,000', value: 160000 }),
      reports: [asReport(SEED.trappedVague), asReport(SEED.trapped160)],
    });
    expect(l.marks).toHaveLength(1);
    expect(l.omitted).toBe(1);
    expect(l.description).toMatch(/1 report without a number not shown/);
  });

  test('date labels: first and last, with the year when they differ', () => {
    expect(layout().xTicks.map((t) => t.label)).toEqual(['Mar 2', 'Jun 7']);
    const later = claim({ ...DOCS.dw, date: '2023-02-24' }, { text: '8,006', value: 8006, source: 'OHCHR' });
    const l = layout({ reports: [...civilianReports, asReport(later)] });
    expect(l.xTicks.map((t) => t.label)).toEqual(['Mar 2 ’22', 'Feb 24 ’23']);
  });

  test('legend: the page first, then sources while they fit, then how many more', () => {
    expect(layout().legend.map((i) => i.label)).toEqual([
      'this page',
      'UN human rights…',
      'Ukrainian offic…',
      'OHCHR',
    ]);
    const many = Array.from({ length: 12 }, (_, i) =>
      asReport(claim(DOCS.dw, { text: String(100 + i), value: 100 + i, source: `Regional official ${i}` })),
    );
    const legend = layoutTimeline({ figure: page249, reports: many }).legend;
    const last = legend[legend.length - 1]!;
    expect(last.shape).toBe('none');
    const shown = legend.filter((i) => i.shape !== 'page' && i.shape !== 'none').length;
    expect(last.label).toBe(`+${12 - shown} more`);
    for (const item of legend)
      expect(item.x + item.label.length * 5).toBeLessThanOrEqual(TIMELINE_SIZE.width);
  });

  test('the description lists the values for screen readers', () => {
    expect(layout().description).toBe(
      'Reported values: 249 — UN human rights office, 2022-03-02; over 2,000 — Ukrainian officials, 2022-03-03; ' +
        '780 — UN human rights office, 2022-03-18; 4,253 — OHCHR, 2022-06-07. This page: 249, 2022-03-03.',
    );
  });

  test('a mark’s label carries the report’s note', () => {
    const l = layoutTimeline({
      figure: page249,
      reports: [asReport(SEED.ohchr4253, true, 'reported 96 days later; higher: the count grew')],
    });
    expect(l.marks[0]!.label).toBe(
      '4,253 — OHCHR, 2022-06-07: reported 96 days later; higher: the count grew',
    );
  });
});

describe('scales', () => {
  test.each([
    [4253, 6000, 2000],
    [9861, 10000, 5000],
    [3_800_000, 4_000_000, 2_000_000],
    [249, 300, 100],
    [1, 1, 0.5],
    [0, 1, 1],
  ])('values up to %d: axis to %d in steps of %d', (top, max, step) => {
    expect(niceScale(top)).toEqual({ max, step });
  });

  test.each([
    [0, '0'],
    [250, '250'],
    [4253, '4.3k'],
    [10000, '10k'],
    [3_800_000, '3.8M'],
    [1_200_000_000, '1.2B'],
  ])('%d reads %s', (v, text) => {
    expect(compact(v)).toBe(text);
  });
});
