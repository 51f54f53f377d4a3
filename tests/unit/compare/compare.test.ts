import { describe, expect, test } from 'vitest';
import { MAX_REPORTS, compareReading, indexClaims } from '../../../lib/compare/index.ts';
import { intervalOf, roundingOf } from '../../../lib/compare/intervals.ts';
import { isFloor, isMonitor, sourceKey } from '../../../lib/compare/sources.ts';
import { dayNumber, monthDay } from '../../../lib/calendar/days.ts';
import type { Claim, Comparison, Reading } from '../../../lib/types.ts';
import { DOCS, SEED, SEED_CLAIMS, claim, reading } from '../support/claims.ts';

const index = indexClaims(SEED_CLAIMS);

function compare(r: Reading, pageDate: string | null, claims: readonly Claim[] | null = null): Comparison {
  return compareReading(r, claims ? indexClaims(claims) : index, { pageDate });
}

/** The report for a seed claim in a comparison, by the claim's id. */
function reportOf(c: Comparison, seed: Claim) {
  const found = c.reports.find((r) => r.id === seed.id);
  if (!found) throw new Error(`no report for ${seed.text} (${seed.source}) in ${JSON.stringify(c.summary)}`);
  return found;
}

// Page figures as a news page would give them.
const civilians = (text: string, value: number, more: Partial<Reading> = {}) =>
  reading({ text, value, metric: 'killed', subject: 'civilians', ...more });
const russianTroops = (text: string, more: Partial<Reading>) =>
  reading({ text, metric: 'killed', subject: 'russian_military', ...more });

describe('what is compared: like with like', () => {
  test.each([
    ['another metric (injured, not killed)', civilians('249', 249, { metric: 'injured' })],
    ['another place (Kyiv, not Ukraine)', civilians('249', 249, { place: 'Kyiv' })],
    ['a one-day figure against running totals', civilians('249', 249, { period: 'window' })],
    ['an unclassified figure (metric other)', civilians('249', 249, { metric: 'other' })],
    ['a figure whose subject is unknown', civilians('249', 249, { subject: 'other' })],
    ['a figure with no place', civilians('249', 249, { place: '' })],
    [
      'a narrower count (deaths in attacks on health care)',
      civilians('249', 249, { scope: 'health care attacks' }),
    ],
    [
      'one incident’s toll against running totals',
      civilians('249', 249, { period: 'event', scope: 'Kramatorsk station strike' }),
    ],
    ['an incident’s toll that does not say which incident', civilians('249', 249, { period: 'event' })],
  ])('%s has no reports', (_, r) => {
    const c = compare(r, '2022-03-03');
    expect(c.verdict).toBe('no-reports');
    expect(c.reports).toEqual([]);
  });

  test('weapons meet only the same weapon; buildings and money, counted as things, need no subject', () => {
    const stingers = claim(DOCS.cbs, { text: '200', value: 200, metric: 'weapons', subject: 'other' });
    const typed = claim(DOCS.cbs, {
      text: '200',
      value: 200,
      metric: 'weapons',
      subject: 'ukrainian_military',
      scope: 'Stinger missiles',
    });
    const page = (scope: string | null) =>
      reading({ text: '200', value: 200, metric: 'weapons', subject: 'ukrainian_military', scope });
    expect(compare(page(null), '2022-03-02', [stingers, typed]).verdict).toBe('no-reports');
    expect(compare(page('Javelin missiles'), '2022-03-02', [typed]).verdict).toBe('no-reports');
    expect(compare(page('stinger  missiles'), '2022-03-02', [typed]).verdict).toBe('agrees');
    const buildings = claim(DOCS.voi29, {
      text: '82',
      value: 82,
      metric: 'buildings_destroyed',
      subject: 'other',
      place: 'Kyiv',
    });
    const page82 = reading({
      text: '82',
      value: 82,
      metric: 'buildings_destroyed',
      subject: 'other',
      place: 'Kyiv',
    });
    expect(compare(page82, '2022-03-29', [buildings]).verdict).toBe('agrees');
  });

  test('the no-reports summary names what is counted and where', () => {
    expect(compare(russianTroops('16,153', { value: 16153, metric: 'injured' }), null).summary).toBe(
      'No other reports of Russian soldiers injured in Ukraine.',
    );
    expect(compare(civilians('12', 12, { place: 'Kyiv' }), '2022-03-03').summary).toBe(
      'No other reports of civilians killed in Kyiv.',
    );
    expect(compare(civilians('12', 12, { metric: 'other' }), null).summary).toMatch(/unclear/);
    expect(compare(civilians('12', 12, { period: 'event' }), null).summary).toMatch(/which incident/);
  });

  test.each([
    ['children killed are compared only with children', 'children', [SEED.officials21, SEED.un272]],
    [
      'civilians killed never include the children counts',
      'civilians',
      [SEED.un249, SEED.officials2000, SEED.un780, SEED.ohchr4253],
    ],
  ] as const)('%s', (_, subject, expected) => {
    const c = compare(civilians('250', 250, { subject }), '2022-06-07');
    expect(c.reports.map((r) => r.id).sort()).toEqual(expected.map((e) => e.id).sort());
  });

  test('a reported figure is never compared with a forecast', () => {
    const c = compare(
      reading({ text: '9 million', value: 9e6, metric: 'fled_abroad', subject: 'people' }),
      null,
    );
    expect(c.reports.map((r) => r.modality)).not.toContain('forecast');
    expect(c.reports.map((r) => r.id)).not.toContain(SEED.germany10m.id);
  });

  test.each([
    ['agrees with a forecast of the same period it fits', 8e6, '2022-03-21', 'agrees'],
    ['differs from a forecast of the same period it exceeds', 12e6, '2022-03-21', 'differs'],
    ['a forecast made 12 days later is another date’s', 8e6, '2022-03-10', 'other-dates'],
  ] as const)('a forecast is compared only with forecasts: %s', (_, value, pageDate, verdict) => {
    const forecast = reading({
      text: `could reach ${value / 1e6} million`,
      value,
      low: value,
      high: value,
      metric: 'fled_abroad',
      subject: 'people',
      modality: 'forecast',
    });
    const c = compare(forecast, pageDate);
    expect(c.verdict).toBe(verdict);
    expect(c.reports.map((r) => r.id)).toEqual([SEED.germany10m.id]);
    expect(c.reports[0]!.note).toMatch(/^(same period|later): as high as 10 million \(Germany, 2022-03-22\)/);
  });

  test('the figure’s own sentence (the page is a corpus document) is not another report', () => {
    const own = { ...SEED.ohchr4253 } as Reading;
    const c = compare(own, '2022-06-07');
    expect(c.reports.map((r) => r.id)).not.toContain(SEED.ohchr4253.id);
    expect(c.reports).toHaveLength(3);
  });
  test('fields a claim carries beyond the vocabulary (a reader’s own document) travel with its report', () => {
    const own = {
      ...claim({ ...DOCS.dw, origin: 'reader' }, { text: '4,253', value: 4253, source: 'OHCHR' }),
      origin: 'reader',
    };
    const c = compare(civilians('4,253', 4253), '2022-06-07', [own]);
    expect(c.reports[0]).toMatchObject({ origin: 'reader', document: { origin: 'reader' } });
  });
});

describe('the five verdicts', () => {
  const kramatorsk = (text: string, value: number, more: Partial<Reading> = {}) =>
    civilians(text, value, {
      period: 'event',
      scope: 'Kramatorsk station strike',
      place: 'Kramatorsk',
      ...more,
    });
  const strikeToll = claim(
    { ...DOCS.dw, id: 'k', date: '2022-04-09' },
    { text: '52', value: 52, period: 'event', scope: 'Kramatorsk Station  strike', place: 'Kramatorsk' },
  );

  test.each([
    [
      'a running total 10 days later: growth is context, not agreement',
      civilians('1,035', 1035),
      '2022-03-28',
      [SEED.un780],
      'other-dates',
      'earlier: 780 (UN human rights office, 2022-03-18), 10 days before',
    ],
    [
      'the same number a year later is another year’s, never an agreement',
      civilians('780', 780),
      '2023-03-18',
      [SEED.un780],
      'other-dates',
      'earlier: 780 (UN human rights office, 2022-03-18), 365 days before',
    ],
    [
      'the same period, intervals overlap',
      civilians('more than 750', 750, { low: 750, high: null, qualifier: 'more_than' }),
      '2022-03-20',
      [SEED.un780],
      'agrees',
      'same period: 780 (UN human rights office, 2022-03-18), 2 days before; agrees',
    ],
    [
      'the same period, no overlap',
      russianTroops('1,351', { value: 1351, source: 'Russian defence ministry' }),
      '2022-03-22',
      [SEED.kp9861],
      'differs',
      'same period: 9,861 (Komsomolskaya Pravda, 2022-03-20), 2 days before; Komsomolskaya Pravda vs Russian defence ministry in the same period',
    ],
    [
      'repeating a number already replaced',
      civilians('249', 249),
      '2022-04-01',
      [SEED.un249, SEED.un780],
      'outdated',
      'earlier: 249 (UN human rights office, 2022-03-02), 30 days before; already superseded by 780 (UN human rights office, 2022-03-18)',
    ],
    [
      'below a confirmed count of an earlier date',
      civilians('500', 500, { source: 'Russian defence ministry' }),
      '2022-03-25',
      [SEED.un780],
      'differs',
      'earlier: 780 (UN human rights office, 2022-03-18), 7 days before; a confirmed count already higher',
    ],
    [
      'one incident’s toll, reported again the next day (scope written another way)',
      kramatorsk('at least 50', 50, { low: 50, high: null, qualifier: 'at_least' }),
      '2022-04-08',
      [strikeToll],
      'agrees',
      'same period: 52 (DW, 2022-04-09), a day after; agrees',
    ],
    [
      'a narrower count (deaths in attacks on health care) against the national toll',
      civilians('12', 12, { scope: 'health care attacks' }),
      '2022-03-18',
      [SEED.un780],
      'no-reports',
      null,
    ],
  ] as const)('%s: %s', (_, page, pageDate, claims, verdict, note) => {
    const c = compare(page, pageDate, claims);
    expect(c.verdict).toBe(verdict);
    if (note === null) expect(c.reports).toEqual([]);
    else expect(c.reports.map((r) => r.note).join(' | ')).toContain(note);
  });

  test('the summary says why in one line', () => {
    expect(compare(civilians('1,035', 1035), '2022-03-28', [SEED.un780]).summary).toBe(
      'Only other dates: UN human rights office said 780 on March 18, 10 days earlier.',
    );
    expect(compare(civilians('249', 249), '2022-04-01', [SEED.un249, SEED.un780]).summary).toBe(
      "Outdated: 249 (UN human rights office, 2022-03-02) had been replaced by 780 (UN human rights office, 2022-03-18) by this figure's date.",
    );
    expect(
      compare(civilians('500', 500, { source: 'Russian defence ministry' }), '2022-03-25', [SEED.un780])
        .summary,
    ).toBe(
      'Differs: UN human rights office had confirmed 780 by March 18 (7 days earlier), and a confirmed count is a minimum.',
    );
  });

  test('every report says how far apart it is and whether it fits', () => {
    const c = compare(civilians('1,035', 1035), '2022-03-28');
    for (const r of c.reports) {
      expect(typeof r.daysApart).toBe('number');
      expect(typeof r.consistent).toBe('boolean');
    }
  });
});

describe('numbers are intervals', () => {
  test.each([
    ['more than 9,000', { value: 9000, low: 9000, high: null, qualifier: 'more_than' }, [9000, Infinity]],
    ['nearly 500', { value: 500, low: 450, high: 500, qualifier: 'nearly' }, [450, 500]],
    ['up to 43,000', { value: 43000, low: null, high: 43000, qualifier: 'up_to' }, [0, 43000]],
    ['4,253', { value: 4253, low: 4253, high: 4253, qualifier: 'exact' }, [4253, 4253]],
    ['3.8 million', { value: 3.8e6, low: 3.8e6, high: 3.8e6, qualifier: 'exact' }, [3.75e6, 3.85e6]],
    ['$1.25bn', { value: 1.25e9, low: 1.25e9, high: 1.25e9, qualifier: 'exact' }, [1.245e9, 1.255e9]],
    ['10k', { value: 1e4, low: 1e4, high: 1e4, qualifier: 'exact' }, [9500, 10500]],
    ['hundreds of thousands', { value: null, low: null, high: null, qualifier: 'vague' }, [0, Infinity]],
  ] as const)('%s allows %j', (text, fields, [lo, hi]) => {
    const iv = intervalOf(reading({ text, ...fields }));
    expect(iv.lo).toBeCloseTo(lo);
    if (hi === Infinity) expect(iv.hi).toBe(Infinity);
    else expect(iv.hi).toBeCloseTo(hi);
  });

  test.each([
    ['3.8 million', 50_000],
    ['1,674.5 million', 50_000],
    ['$350 million', 500_000],
    ['4,253', 0],
    ['four', 0],
  ])('rounding of %s is ±%d', (text, rounding) => {
    expect(roundingOf(text)).toBeCloseTo(rounding);
  });

  const troops = SEED.kremlin498;
  test.each([
    [
      'more than 9,000 agrees with 9,861',
      'more than 9,000',
      { low: 9000, high: null, qualifier: 'more_than' },
      9000,
      SEED.kp9861,
      'agrees',
    ],
    [
      'nearly 500 agrees with 498',
      'nearly 500',
      { low: 450, high: 500, qualifier: 'nearly' },
      500,
      troops,
      'agrees',
    ],
    [
      'nearly 500 differs from 510',
      'nearly 500',
      { low: 450, high: 500, qualifier: 'nearly' },
      500,
      { ...troops, text: '510', value: 510, low: 510, high: 510 },
      'differs',
    ],
    [
      'about 9,500 agrees with 9,861',
      'about 9,500',
      { low: 8550, high: 10450, qualifier: 'about' },
      9500,
      SEED.kp9861,
      'agrees',
    ],
    ['9,800 differs from 9,861 the same day', '9,800', {}, 9800, SEED.kp9861, 'differs'],
    [
      'at least 20,000 differs from 9,861 the same day',
      'at least 20,000',
      { low: 20000, high: null, qualifier: 'at_least' },
      20000,
      SEED.kp9861,
      'differs',
    ],
    [
      'up to 600 agrees with nearly 500',
      'up to 600',
      { low: null, high: 600, qualifier: 'up_to' },
      600,
      SEED.russia500,
      'agrees',
    ],
  ] as const)('%s', (_, text, fields, value, report, verdict) => {
    const page = russianTroops(text, { value, asOf: report.asOf, source: 'a news agency', ...fields });
    const c = compare(page, '2022-03-22', [report]);
    expect(c.verdict).toBe(verdict);
    expect(c.reports[0]!.consistent).toBe(verdict === 'agrees');
  });

  test('a rounded figure agrees with the exact count it rounds', () => {
    const page = reading({ text: '3.8 million', value: 3.8e6, metric: 'fled_abroad', subject: 'people' });
    const exact = claim(DOCS.voi29, {
      text: '3,812,000',
      value: 3_812_000,
      metric: 'fled_abroad',
      subject: 'people',
      source: 'UNHCR',
    });
    expect(compare(page, '2022-03-29', [exact]).verdict).toBe('agrees');
  });

  test.each([
    [
      'a vague page figure is not checked',
      reading({ text: 'hundreds of thousands', qualifier: 'vague', metric: 'trapped', place: 'Mariupol' }),
      [SEED.trappedVague, SEED.trapped160],
      '“hundreds of thousands” gives no number to check.',
    ],
    [
      'a vague report neither confirms nor contradicts: it is not a report of a number',
      reading({ text: '200,000', value: 200000, metric: 'trapped', place: 'Mariupol', asOf: '2022-03-18' }),
      [SEED.trappedVague],
      'No other report gives a number for civilians trapped in Mariupol.',
    ],
  ])('%s', (_, page, claims, summary) => {
    const c = compare(page, '2022-03-18', claims);
    expect(c).toEqual({ verdict: 'no-reports', reports: [], summary });
  });

  test('vague reports are left out beside numbers', () => {
    const page = reading({
      text: '150,000',
      value: 150000,
      metric: 'trapped',
      place: 'Mariupol',
      asOf: '2022-03-29',
    });
    const c = compare(page, '2022-03-29', [SEED.trappedVague, SEED.trapped160]);
    expect(c.verdict).toBe('agrees');
    expect(c.reports.map((r) => r.id)).toEqual([SEED.trapped160.id]);
  });
});

describe('time: progress, superseded, out of date', () => {
  // The UN count of civilians killed, as a page on different dates would cite it.
  test.each([
    [
      'a day after the UN count (right at the time)',
      '2022-03-03',
      'agrees',
      /^Agrees: UN human rights office said 249 on March 2, a day earlier \(since superseded by 4,253 \(OHCHR, 2022-06-07\)\); Ukrainian officials said over 2,000 on March 3, the same day\.$/,
    ],
    [
      'on 2022-06-10, after OHCHR had counted 4,253',
      '2022-06-10',
      'outdated',
      /^Outdated: 249 \(UN human rights office, 2022-03-02\) had been replaced by 780 \(UN human rights office, 2022-03-18\) by this figure's date; latest: 4,253 \(OHCHR, 2022-06-07\)\.$/,
    ],
    ['with no date (cannot tell when)', null, 'other-dates', /^No date for this figure/],
  ] as const)('249 civilians killed, %s: %s', (_, pageDate, verdict, summary) => {
    const c = compare(civilians('249', 249), pageDate);
    expect(c.verdict).toBe(verdict);
    expect(c.summary).toMatch(summary);
  });

  test('a page dated 2022-03-03 saying 249 is not contradicted by the later, larger 4,253', () => {
    const c = compare(civilians('249', 249), '2022-03-03', [SEED.ohchr4253]);
    // Growth of a running total is context, not agreement.
    expect(c.verdict).toBe('other-dates');
    const r = c.reports[0]!;
    expect(r).toMatchObject({ consistent: true, relation: 'later', daysApart: 96, supersededBy: null });
    expect(r.note).toBe('later: 4,253 (OHCHR, 2022-06-07), 96 days after; higher: the count grew');
    expect(c.summary).toBe('Only other dates: OHCHR said 4,253 on June 7, 96 days later.');
  });

  test('a page dated 2022-06-10 saying 249 is out of date: the matching report had been superseded', () => {
    const c = compare(civilians('249', 249), '2022-06-10');
    expect(c.verdict).toBe('outdated');
    const matching = reportOf(c, SEED.un249);
    expect(matching.consistent).toBe(false);
    // It names what replaced it before the page's date (780 on March 18), then the latest report.
    expect(matching.note).toMatch(/already superseded by 780 \(UN human rights office, 2022-03-18\)/);
    expect(matching.note).toMatch(/; latest: 4,253 \(OHCHR, 2022-06-07\)$/);
    expect(matching.outdated).toBe(true);
    expect(reportOf(c, SEED.ohchr4253).outdated).toBeUndefined();
    expect(reportOf(c, SEED.ohchr4253)).toMatchObject({
      consistent: false,
      relation: 'earlier',
      daysApart: -3,
    });
  });

  test('a report replaced the same day by the page figure itself is still current (DW page, OHCHR 9,394)', () => {
    const quote =
      'The OHCHR has recorded 9,394 civilian casualties since Russia invaded Ukraine on February 24.';
    const fields = { metric: 'casualties', source: 'OHCHR', quote } as const;
    const earlier = claim(DOCS.voi18, {
      text: '2,032',
      value: 2032,
      metric: 'casualties',
      source: 'UN human rights office',
    });
    const itself = claim(DOCS.dw, { text: '9,394', value: 9394, ...fields });
    const c = compare(civilians('9,394', 9394, { ...fields, asOf: '2022-06-07' }), '2022-06-07', [
      earlier,
      itself,
    ]);
    expect(c.verdict).toBe('other-dates');
    expect(c.summary).toBe(
      'Only other dates: UN human rights office said 2,032 on March 18, 81 days earlier.',
    );
    expect(c.reports.map((r) => r.id)).toEqual([earlier.id]);
  });

  test('a smaller running total reported weeks later does not fit, but says nothing of the figure’s own date', () => {
    const page = civilians('4,000', 4000, { source: 'Ukrainian officials' });
    const lower = claim(DOCS.dw, {
      text: '3,000',
      value: 3000,
      source: 'Ukrainian officials',
      asOf: '2022-06-07',
    });
    const c = compare(page, '2022-05-01', [lower]);
    expect(c.verdict).toBe('other-dates');
    expect(c.reports[0]!.consistent).toBe(false);
    expect(c.reports[0]!.note).toBe(
      'later: 3,000 (Ukrainian officials, 2022-06-07), 37 days after; lower, though reported later',
    );
  });

  test('a level (people trapped) on another date may have moved either way', () => {
    const page = reading({ text: '100,000', value: 1e5, metric: 'trapped', place: 'Mariupol' });
    const c = compare(page, '2022-04-20', [SEED.trapped160]);
    expect(c.verdict).toBe('other-dates');
    expect(c.reports[0]!.note).toBe(
      'earlier: about 160.000 (VOI (Jakarta), 2022-03-29), 22 days before; another date: this number goes up and down',
    );
  });

  test('the same source updating its own count from one day to the next is progress', () => {
    const page = civilians('331', 331, { source: 'OHCHR', asOf: '2022-03-03' });
    const c = compare(page, '2022-03-04', [SEED.un249]);
    // Not a disagreement with itself, and not an agreement either: a newer count.
    expect(c.verdict).toBe('other-dates');
    expect(c.reports[0]!.note).toMatch(/lower: the count grew since/);
    expect(c.summary).toBe(
      'Not contradicted: UN human rights office said 249 on March 2, a day earlier; the same source updated its count.',
    );
  });

  test.each([
    [SEED.un249, SEED.ohchr4253],
    [SEED.un780, SEED.ohchr4253],
    [SEED.kremlin498, SEED.almost10k],
    [SEED.fled32, SEED.fled38],
  ])('superseded: %s.text is superseded by the latest larger report', (old, latest) => {
    const c = compare(reading({ ...old, text: 'x', quote: 'another sentence' }), null);
    expect(reportOf(c, old).supersededBy).toEqual({
      id: latest.id,
      text: latest.text,
      value: latest.value,
      source: latest.source,
      publisher: latest.document.publisher,
      asOf: latest.asOf,
    });
    expect(reportOf(c, old).note).toContain(`superseded by ${latest.text} (`);
  });

  test.each([
    ['an open-ended figure (over 2,000) cannot be passed', SEED.officials2000],
    ['the latest report', SEED.ohchr4253],
    ['a one-day figure', SEED.chernihiv53],
    ['a UN floor is not superseded by a larger estimate a day later from elsewhere', SEED.un249],
  ])('not superseded: %s', (label, c) => {
    const claims = label.startsWith('a UN floor') ? [SEED.un249, SEED.officials2000] : SEED_CLAIMS;
    const result = compare(reading({ ...c, text: 'x', quote: 'another sentence' }), null, claims);
    expect(reportOf(result, c).supersededBy).toBeNull();
  });

  test.each([
    [
      'later',
      '2022-03-18',
      'later',
      16,
      'later: 780 (Ukrainian officials, 2022-03-18), 16 days after; fits this figure, but for another date',
    ],
    [
      'earlier',
      '2022-03-18',
      'earlier',
      -1,
      'same period: 780 (Ukrainian officials, 2022-03-18), a day before; agrees',
    ],
    [
      'same-day',
      '2022-03-18',
      'same-day',
      0,
      'same day: 780 (Ukrainian officials, 2022-03-18), the same day; agrees',
    ],
  ] as const)('relation %s', (_, reportDate, relation, daysApart, note) => {
    const asOf = dayNumber(reportDate) - daysApart;
    const pageDate = new Date(asOf * 86_400_000).toISOString().slice(0, 10);
    const report = claim(
      { ...DOCS.voi18, date: reportDate },
      { text: '780', value: 780, source: 'Ukrainian officials' },
    );
    const c = compare(civilians('780', 780), pageDate, [report]);
    expect(c.reports[0]).toMatchObject({ relation, daysApart });
    expect(c.reports[0]!.note).toBe(note);
  });

  test('the figure’s own asOf is its date, before the page date', () => {
    const page = russianTroops('498', { value: 498, source: 'Kremlin', asOf: '2022-03-02' });
    const c = compare(page, '2022-03-22', [SEED.kp9861]);
    expect(c.reports[0]).toMatchObject({ relation: 'later', daysApart: 18, consistent: true });
  });

  test('a report about an earlier day than it was published is placed on that day (Kremlin, March 2)', () => {
    const c = compare(
      russianTroops('nearly 500', { value: 500, low: 450, high: 500, qualifier: 'nearly' }),
      '2022-03-18',
    );
    expect(reportOf(c, SEED.kremlin498).note).toMatch(
      /^earlier: 498 \(Kremlin, 2022-03-02\), 16 days before;/,
    );
  });

  test('without a page date reports are placed nowhere', () => {
    const c = compare(civilians('780', 780), null);
    expect(c.reports.map((r) => [r.relation, r.daysApart])).toEqual(c.reports.map(() => ['unknown', null]));
    expect(reportOf(c, SEED.un780).note).toBe(
      '780 (UN human rights office, 2022-03-18); fits this figure, date unknown; superseded by 4,253 (OHCHR, 2022-06-07)',
    );
    expect(c.verdict).toBe('other-dates');
  });

  test('reports are ordered by date', () => {
    const c = compare(russianTroops('1,000', { value: 1000 }), '2022-03-10');
    const dates = c.reports.map((r) => r.asOf ?? r.document.date);
    expect(dates).toEqual([...dates].sort());
    expect(c.reports.map((r) => r.text)).toEqual([
      'nearly 500',
      '498',
      'more than 9,000',
      '9,861',
      'almost 10,000',
    ]);
  });
});

describe('sources: floors and disagreement', () => {
  test.each([
    ['OHCHR', true],
    ['UN human rights office', true],
    ['The United Nations human rights office in Geneva', true],
    ['U.N.', true],
    ['UN', true],
    ['UNHCR', false],
    ['UNICEF', false],
    ['Un responsable ukrainien', false],
    ['Ukrainian officials', false],
    [null, false],
  ])('%s is a monitor: %s', (source, expected) => {
    expect(isMonitor(source)).toBe(expected);
  });

  test('a UN count is a floor for deaths, not for refugees', () => {
    expect(isFloor('UN', 'killed')).toBe(true);
    expect(isFloor('UN', 'fled_abroad')).toBe(false);
  });

  test.each([
    ['OHCHR', 'UN human rights office', true],
    ['Ukrainian  officials', 'ukrainian officials', true],
    ['Kremlin', 'Zelenskyy', false],
  ])('%s and %s are the same source: %s', (a, b, same) => {
    expect(sourceKey(a, 'X') === sourceKey(b, 'Y')).toBe(same);
  });

  test('a larger figure from another source does not contradict a UN floor, and the note says why', () => {
    const page = civilians('over 2,000', 2000, {
      low: 2000,
      high: null,
      qualifier: 'more_than',
      source: 'Ukrainian officials',
    });
    const c = compare(page, '2022-03-03', [SEED.un249]);
    // Not a contradiction, but not the same number either.
    expect(c.verdict).toBe('other-dates');
    expect(c.reports[0]!.consistent).toBe(true);
    expect(c.reports[0]!.note).toBe(
      'same period: 249 (UN human rights office, 2022-03-02), a day before; ' +
        'UN human rights office counts confirmed cases only, a minimum: the real number is likely higher',
    );
    expect(c.summary).toBe(
      'Not contradicted: UN human rights office said 249 on March 2, a day earlier; a confirmed count is a minimum.',
    );
  });

  test('a UN count cited on a page is a floor too: a larger estimate elsewhere is shown, not a contradiction', () => {
    const page = civilians('249', 249, { source: 'UN', asOf: '2022-03-02' });
    const c = compare(page, '2022-03-03', [SEED.officials2000]);
    expect(c.verdict).toBe('other-dates');
    expect(c.reports[0]!.note).toMatch(/; higher than a confirmed count, which is a minimum$/);
  });

  test('a figure below a UN floor is contradicted by it', () => {
    const c = compare(civilians('200', 200, { source: 'Russian defence ministry' }), '2022-03-02', [
      SEED.un249,
    ]);
    expect(c.verdict).toBe('differs');
    expect(c.summary).toBe(
      'Differs: UN human rights office had confirmed 249 by March 2 (the same day), and a confirmed count is a minimum.',
    );
  });

  test('two sources disagreeing about the same day are said plainly', () => {
    const page = russianTroops('more than 9,000', {
      value: 9000,
      low: 9000,
      high: null,
      qualifier: 'more_than',
      source: 'Zelenskyy',
    });
    const c = compare(page, '2022-03-02', [SEED.kremlin498]);
    expect(c.verdict).toBe('differs');
    expect(c.reports[0]!.note).toBe(
      'same day: 498 (Kremlin, 2022-03-02), the same day; Kremlin vs Zelenskyy on the same day',
    );
    expect(c.summary).toBe('Differs: Kremlin said 498 on March 2, the same day.');
  });

  test('when sources disagree, the figure agrees with the one that supports it and the summary names the other', () => {
    const page = russianTroops('nearly 500', {
      value: 500,
      low: 450,
      high: 500,
      qualifier: 'nearly',
      source: 'Russia',
      asOf: '2022-03-02',
    });
    const c = compare({ ...page, quote: 'a live blog line' }, '2022-03-03');
    expect(c.verdict).toBe('agrees');
    expect(c.summary).toBe(
      'Agrees: Russia said nearly 500 on March 2, the same day (since superseded by almost 10,000 (pro-Kremlin newspaper, 2022-03-22)); ' +
        'Zelenskyy said more than 9,000 on March 3, a day later.',
    );
    expect(reportOf(c, SEED.zelenskyy9000)).toMatchObject({
      consistent: false,
      relation: 'later',
      daysApart: 1,
    });
  });

  test('a figure attributed to a source that has since given a higher count differs, whatever others say', () => {
    // The UN's 249 quoted on the day the UN said 780: the officials' larger estimate cannot rescue it.
    const c = compare(
      civilians('249', 249, { source: 'UN', quote: 'The UN says 249 civilians have died.' }),
      '2022-03-18',
    );
    expect(c.verdict).toBe('differs');
    expect(c.summary).toBe(
      'Differs: UN human rights office had confirmed 780 by March 18 (the same day), and a confirmed count is a minimum.',
    );
    expect(reportOf(c, SEED.officials2000).consistent).toBe(true);
  });
});

describe('one-day figures', () => {
  const chernihiv = (value: number, asOf: string | null) =>
    civilians(String(value), value, {
      place: 'Chernihiv',
      period: 'window',
      asOf,
      source: 'regional governor',
    });

  test.each([
    ['the same day, same number', 53, '2022-03-18', 'agrees', 1],
    ['the same day, another number', 40, '2022-03-18', 'differs', 1],
    ['another day', 53, '2022-03-17', 'no-reports', 0],
  ] as const)('%s', (_, value, asOf, verdict, reports) => {
    const c = compare(chernihiv(value, asOf), asOf);
    expect(c.verdict).toBe(verdict);
    expect(c.reports).toHaveLength(reports);
  });

  test('a one-day figure with no date matches nothing', () => {
    const c = compare(chernihiv(53, null), null);
    expect(c.verdict).toBe('no-reports');
    expect(c.summary).toMatch(/No date for this one-day figure/);
  });
});

describe('verdict and summary', () => {
  const pages: [string, Reading, string | null][] = [
    ['249 on 2022-03-03', civilians('249', 249), '2022-03-03'],
    ['249 on 2022-06-10', civilians('249', 249), '2022-06-10'],
    ['5,000 undated', civilians('5,000', 5000), null],
    [
      '1 million fled',
      reading({ text: '1 million', value: 1e6, metric: 'fled_abroad', subject: 'people' }),
      '2022-03-05',
    ],
    ['Russian deaths 20,000', russianTroops('20,000', { value: 20000 }), '2022-03-21'],
    ['children 300', civilians('300', 300, { subject: 'children' }), '2022-06-08'],
  ];

  test.each(pages)('%s: one line, verdict follows the reports', (_, page, pageDate) => {
    const c = compare(page, pageDate);
    expect(c.summary).not.toMatch(/\n/);
    expect(c.summary.length).toBeLessThan(300);
    expect(c.summary).toMatch(/\.$/);
    // An agreement rests on a report of the same period that fits; a disagreement on one that does not.
    const samePeriod = c.reports.filter((r) => r.daysApart !== null && Math.abs(r.daysApart) <= 3);
    if (c.verdict === 'agrees') expect(samePeriod.some((r) => r.consistent)).toBe(true);
    if (c.verdict === 'differs' || c.verdict === 'outdated') {
      expect(c.reports.some((r) => !r.consistent)).toBe(true);
    }
    if (pageDate === null) expect(c.verdict).not.toBe('agrees');
    for (const r of c.reports) expect(r.note).not.toBe('');
  });

  test('differs from the report of its period, and an older larger one from elsewhere is shown, not weighed', () => {
    const officials = [
      claim(DOCS.cbs, { text: '2,000', value: 2000, source: 'Ukrainian officials' }),
      claim(DOCS.voi18, { text: '3,000', value: 3000, source: 'Ukrainian officials' }),
    ];
    const c = compare(
      civilians('1,000', 1000, { source: 'Russian defence ministry' }),
      '2022-03-18',
      officials,
    );
    expect(c.verdict).toBe('differs');
    expect(c.summary).toBe('Differs: Ukrainian officials said 3,000 on March 18, the same day.');
    expect(c.reports.map((r) => r.note)).toEqual([
      'earlier: 2,000 (Ukrainian officials, 2022-03-03), 15 days before; higher, though reported earlier; superseded by 3,000 (Ukrainian officials, 2022-03-18)',
      'same day: 3,000 (Ukrainian officials, 2022-03-18), the same day; Ukrainian officials vs Russian defence ministry on the same day',
    ]);
  });

  test('hostile names are cut short in notes and summaries', () => {
    const long = 'A'.repeat(5000);
    const hostile = claim(DOCS.dw, { text: '4,253', value: 4253, source: long, quote: 'q' });
    const c = compare(civilians('10', 10, { source: 'x' }), '2022-06-07', [hostile]);
    expect(c.summary.length).toBeLessThan(200);
    expect(c.reports[0]!.note.length).toBeLessThan(300);
  });
});

describe('a large database', () => {
  // 2,000 claims of one measure over 500 days: the result is bounded, nearest the figure's date.
  const many = Array.from({ length: 2000 }, (_, i) => {
    const date = new Date(Date.UTC(2022, 1, 24) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
    return claim(
      { ...DOCS.dw, id: `g${i}`, date },
      { text: String(100 + i), value: 100 + i, source: `source ${i % 7}` },
    );
  });
  const big = indexClaims(many);

  test('returns at most maxReports, ordered by date, around the figure’s date, including the match', () => {
    const c = compareReading(civilians('735', 735), big, { pageDate: '2022-08-01' });
    expect(c.verdict).toBe('agrees');
    expect(c.reports.length).toBeLessThanOrEqual(MAX_REPORTS);
    const days = c.reports.map((r) => dayNumber(r.asOf));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const page = dayNumber('2022-08-01');
    expect(days.filter((d) => Math.abs(d - page) <= 10).length).toBeGreaterThan(MAX_REPORTS / 2);
    expect(c.reports.some((r) => r.value === 735)).toBe(true);
  });

  test('the index is built once and answers every figure', () => {
    expect(big.size).toBe(2000);
    expect(index.size).toBe(SEED_CLAIMS.length);
  });
});

describe('dates', () => {
  test.each([
    ['2022-03-02', false],
    ['2022-02-29', true],
    ['2024-02-29', false],
    ['2022-13-01', true],
    ['March 2', true],
    ['', true],
  ])('%s invalid: %s', (iso, invalid) => {
    expect(Number.isNaN(dayNumber(iso))).toBe(invalid);
  });

  test.each([
    ['2022-03-02', 2022, 'March 2'],
    ['2022-03-02', 2023, 'March 2, 2022'],
  ])('%s in %d reads %s', (iso, year, words) => {
    expect(monthDay(iso, year)).toBe(words);
  });
});
