import { describe, expect, test } from 'vitest';
import { formatInterval, measureHeading, measureLabel } from '../../../lib/labels.ts';
import {
  groupFigures,
  pageSummary,
  pageView,
  reportFacts,
  statusView,
  tabFromQuery,
} from '../../../lib/ui/popup-view.ts';
import { isSiteEnabled, readDisabledSites, withSiteEnabled } from '../../../lib/sites.ts';
import { METRICS, SUBJECTS, type Metric, type Subject } from '../../../lib/types.ts';
import { figure, report } from '../support/figures.ts';

describe('labels', () => {
  test.each<[Metric, Subject, string | null, string]>([
    ['killed', 'civilians', 'Ukraine', 'Civilians killed — Ukraine'],
    ['fled_abroad', 'people', 'Ukraine', 'People who fled abroad — Ukraine'],
    ['killed', 'russian_military', 'Ukraine', 'Russian soldiers killed — Ukraine'],
    ['casualties', 'civilians', 'Mariupol', 'Civilians killed or injured — Mariupol'],
    ['internally_displaced', 'people', 'Ukraine', 'People internally displaced — Ukraine'],
    ['weapons', 'other', 'Ukraine', 'Weapons delivered — Ukraine'],
    ['aid_money', 'people', 'Ukraine', 'Aid money — Ukraine'],
    ['attacks', 'health_workers', 'Ukraine', 'Attacks on health workers — Ukraine'],
    ['killed', 'children', null, 'Children killed — place not stated'],
  ])('%s / %s / %s → %s', (metric, subject, place, heading) => {
    expect(measureHeading(metric, subject, place)).toBe(heading);
  });

  test('every metric and subject has words, never a raw identifier', () => {
    for (const m of METRICS) {
      for (const s of SUBJECTS) {
        const label = measureLabel(m, s);
        expect(label).not.toMatch(/_/);
        expect(label.charAt(0)).toBe(label.charAt(0).toUpperCase());
      }
    }
  });

  test.each([
    [9000, null, '9,000 or more'],
    [null, 10_000_000, 'up to 10,000,000'],
    [450, 500, '450 to 500'],
    [516, 516, '516'],
    [null, null, 'no number given'],
  ])('interval [%s, %s] reads "%s"', (low, high, text) => {
    expect(formatInterval(low, high)).toBe(text);
  });
});

describe('groupFigures', () => {
  test('groups by metric, subject and place, in order of first appearance, figures in page order', () => {
    const groups = groupFigures([
      figure({ text: 'B', start: 50, metric: 'fled_abroad', subject: 'people' }),
      figure({ text: 'C', start: 90 }),
      figure({ text: 'A', start: 10 }),
      figure({ text: 'D', start: 70, place: 'Kyiv' }),
      figure({ text: 'E', start: 80, subject: 'children' }),
    ]);
    expect(groups.map((g) => [g.heading, g.figures.map((f) => f.text).join('')])).toEqual([
      ['Civilians killed — Ukraine', 'AC'],
      ['People who fled abroad — Ukraine', 'B'],
      ['Civilians killed — Kyiv', 'D'],
      ['Children killed — Ukraine', 'E'],
    ]);
  });

  test('no figures, no groups', () => {
    expect(groupFigures([])).toEqual([]);
  });
});

test.each([
  [[figure()], '1 figure: ≠ 1 differs'],
  [
    [
      figure(),
      figure({ verdict: 'agrees' }),
      figure({ verdict: 'agrees' }),
      figure({ verdict: 'no-reports' }),
    ],
    '4 figures: ≠ 1 differs, ✓ 2 agree, ○ 1 without other reports',
  ],
  [
    [
      figure({ verdict: 'outdated' }),
      figure({ verdict: 'other-dates' }),
      figure({ verdict: 'other-dates' }),
      figure({ verdict: 'agrees' }),
    ],
    '4 figures: ↻ 1 outdated, ✓ 1 agrees, ◷ 2 with other dates only',
  ],
])('pageSummary %#', (figures, text) => {
  expect(pageSummary(figures)).toBe(text);
});

describe('reportFacts', () => {
  test.each([
    [{ consistent: true }, '✓', 'consistent'],
    [{ consistent: false }, '≠', 'differs'],
    // Replaced by a later report before the page's date: neither for nor against the figure.
    [{ consistent: false, outdated: true as const }, '↻', 'outdated'],
  ])('says how a report stands in words and an icon: %o', (fields, icon, text) => {
    expect(reportFacts(report(fields)).agreement).toMatchObject({ icon, text });
  });

  test('gives the value as written, source, publisher, date and quote', () => {
    expect(reportFacts(report({ text: 'at least 953' }))).toMatchObject({
      value: 'at least 953',
      source: 'UN human rights office',
      publisher: 'OHCHR',
      date: '2022-03-21',
      quote: 'The UN human rights office said 953 civilians had been killed.',
      notes: ['reported 3 days later'],
    });
  });

  test('falls back to the document date; the comparison’s note is shown as it is', () => {
    const note = 'reported 10 days later; agrees; superseded by 4,253 (UN human rights office, 2022-06-07)';
    const facts = reportFacts(
      report({
        asOf: null,
        note,
        supersededBy: {
          id: 'x',
          text: '4,253',
          value: 4253,
          source: 'UN human rights office',
          publisher: 'DW',
          asOf: '2022-06-07',
        },
      }),
    );
    expect(facts.date).toBe('2022-03-22');
    expect(facts.notes).toEqual([note]);
    expect(reportFacts(report({ note: '' })).notes).toEqual([]);
  });
});

describe('statusView', () => {
  test.each([
    [
      { ok: true, value: { claims: 57, documents: 5, storage: 'indexeddb', problem: null } },
      false,
      'Claim database: 57 claims from 5 documents.',
    ],
    [
      { ok: true, value: { claims: 1, documents: 1, storage: 'indexeddb', problem: null } },
      false,
      'Claim database: 1 claim from 1 document.',
    ],
    [
      {
        ok: true,
        value: {
          claims: 57,
          documents: 5,
          storage: 'bundled-fallback',
          problem: 'IndexedDB unavailable: quota',
        },
      },
      true,
      'Using the bundled claims only (57 claims from 5 documents). IndexedDB unavailable: quota',
    ],
    [
      { ok: false, error: 'background unreachable' },
      true,
      'The claim database did not answer: background unreachable',
    ],
  ] as const)('%# shows a warning: %s', (reply, warning, text) => {
    expect(statusView(reply)).toEqual({ warning, text });
  });
});

describe('pageView', () => {
  test.each([
    ['no answer yet', null, 'loading'],
    ['no content script', { ok: false as const, error: 'no content script' }, 'unavailable'],
    [
      'site switched off',
      {
        ok: true as const,
        value: {
          host: 'a.example',
          url: 'https://a.example/',
          enabled: false,
          pageDate: null,
          figures: [figure()],
        },
      },
      'disabled',
    ],
    [
      'no figures',
      {
        ok: true as const,
        value: { host: 'a.example', url: 'https://a.example/', enabled: true, pageDate: null, figures: [] },
      },
      'empty',
    ],
    [
      'figures',
      {
        ok: true as const,
        value: {
          host: 'a.example',
          url: 'https://a.example/',
          enabled: true,
          pageDate: null,
          figures: [figure()],
        },
      },
      'figures',
    ],
  ])('%s → %s', (_name, reply, kind) => {
    expect(pageView(reply).kind).toBe(kind);
  });
});

test.each([
  ['?tab=12', 12],
  ['', null],
  ['?tab=', null],
  ['?tab=-1', null],
  ['?tab=1e3', null],
  ['?tab=12&x=1', 12],
])('tabFromQuery(%j) = %s', (search, tab) => {
  expect(tabFromQuery(search)).toBe(tab);
});

describe('site switch list', () => {
  test.each([
    [[], 'news.example', false, ['news.example']],
    [['news.example'], 'News.Example.', true, []],
    [['b.example', 'a.example'], 'a.example', false, ['a.example', 'b.example']],
    [['a.example'], 'c.example', true, ['a.example']],
  ])('%j with %s %s → %j', (list, host, enabled, next) => {
    expect(withSiteEnabled(list, host, enabled)).toEqual(next);
    expect(isSiteEnabled(next, host)).toBe(enabled);
  });

  test.each([[undefined], ['news.example'], [{ 0: 'x' }], [[1, null]]])(
    'stored %j counts as none disabled',
    (stored) => {
      expect(readDisabledSites(stored)).toEqual([]);
    },
  );
});
