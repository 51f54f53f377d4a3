import { describe, expect, test } from 'vitest';
import {
  DEFAULT_QUERY,
  claimDate,
  facetsOf,
  foldText,
  pageOf,
  queryClaims,
  queryFromSearch,
  queryToSearch,
  sortClaims,
  type ClaimQuery,
} from '../../../lib/library/query.ts';
import type { Claim } from '../../../lib/types.ts';
import { bundledDoc, claim, readerDoc } from '../support/library-claims.ts';

const later = { ...bundledDoc, id: 'un-2022-06-07', date: '2022-06-07' };
const claims: Claim[] = [
  claim('un-killed', bundledDoc, {
    text: '516',
    value: 516,
    source: 'UN human rights office',
    quote: 'The UN human rights office said 516 civilians were killed.',
  }),
  claim('un-killed-june', later, {
    text: '4,253',
    value: 4253,
    source: 'UN human rights office',
    quote: 'OHCHR: 4,253 killed.',
  }),
  claim('kyiv', bundledDoc, {
    text: '100',
    value: 100,
    place: 'Kyiv',
    subject: 'people',
    source: 'Vitali Klitschko',
    asOf: '2022-03-06',
    quote: 'Klitschko said 100 people had died in the capital.',
  }),
  claim('refugees', bundledDoc, {
    text: 'more than 3.8 million',
    value: 3_800_000,
    low: 3_800_000,
    high: null,
    qualifier: 'more_than',
    metric: 'fled_abroad',
    subject: 'people',
    quote: 'More than 3.8 million people have fled Ukraine.',
  }),
  claim('kharkiv', readerDoc, {
    text: '1,200',
    value: 1200,
    metric: 'buildings_destroyed',
    subject: 'other',
    place: 'Kharkiv',
    quote: 'Officials said 1,200 buildings were destroyed in Kharkiv.',
  }),
  claim('vague', readerDoc, {
    value: null,
    text: 'dozens',
    place: 'Kharkiv',
    quote: 'Dozens were killed in Kharkiv.',
  }),
];

const q = (fields: Partial<ClaimQuery>): ClaimQuery => ({ ...DEFAULT_QUERY, ...fields });
const ids = (found: Claim[]) => found.map((c) => c.id);

describe('queryClaims filters', () => {
  test.each<[string, Partial<ClaimQuery>, string[]]>([
    [
      'nothing: every claim, newest first',
      {},
      ['un-killed-june', 'kharkiv', 'vague', 'refugees', 'un-killed', 'kyiv'],
    ],
    ['a word of the quote', { text: 'capital' }, ['kyiv']],
    ['words in any case and order', { text: 'KILLED civilians' }, ['un-killed']],
    ['a source', { text: 'klitschko' }, ['kyiv']],
    ['a publisher', { text: 'kharkiv daily' }, ['kharkiv', 'vague']],
    ['a number with separators', { text: '1,200' }, ['kharkiv']],
    ['a number without them', { text: '4253' }, ['un-killed-june']],
    ['a number as a value', { text: '3800000' }, ['refugees']],
    ['accents ignored', { text: 'Kyïv' }, ['kyiv']],
    ['a metric', { metric: 'fled_abroad' }, ['refugees']],
    ['a subject', { subject: 'people', metric: 'killed' }, ['kyiv']],
    ['a place', { place: 'Kharkiv' }, ['kharkiv', 'vague']],
    ['a source picked from the list', { source: 'UN human rights office' }, ['un-killed-june', 'un-killed']],
    ['claims without a named source', { source: '', place: 'Kharkiv' }, ['kharkiv', 'vague']],
    ['the reader’s own documents', { origin: 'reader' }, ['kharkiv', 'vague']],
    ['the bundled ones', { origin: 'bundled', metric: 'killed' }, ['un-killed-june', 'un-killed', 'kyiv']],
    ['from a date, inclusive', { from: '2022-03-30' }, ['un-killed-june', 'kharkiv', 'vague']],
    ['to a date, inclusive (asOf counts, not the document date)', { to: '2022-03-06' }, ['kyiv']],
    ['a range with nothing in it', { from: '2022-04-01', to: '2022-05-01' }, []],
    ['from after to', { from: '2022-06-01', to: '2022-03-01' }, []],
    ['words that match nothing', { text: 'zaporizhzhia' }, []],
  ])('%s', (_name, fields, expected) => {
    expect(ids(queryClaims(claims, q(fields)))).toEqual(expected);
  });
});

describe('sortClaims', () => {
  test.each<[ClaimQuery['sort'], string[]]>([
    ['date-asc', ['kyiv', 'refugees', 'un-killed', 'kharkiv', 'vague', 'un-killed-june']],
    ['value-desc', ['refugees', 'un-killed-june', 'kharkiv', 'un-killed', 'kyiv', 'vague']],
    ['value-asc', ['kyiv', 'un-killed', 'kharkiv', 'un-killed-june', 'refugees', 'vague']],
  ])('%s (vague figures last; ties by date, then id)', (sort, expected) => {
    expect(ids(sortClaims(claims, sort))).toEqual(expected);
  });

  test('does not change the list it is given', () => {
    const before = ids(claims);
    sortClaims(claims, 'value-asc');
    expect(ids(claims)).toEqual(before);
  });
});

test('claimDate is the day the claim describes, else its document’s', () => {
  expect(claimDate(claims[2]!)).toBe('2022-03-06');
  expect(claimDate({ ...claims[2]!, asOf: null })).toBe('2022-03-08');
});

test('facets offer only what the database has, with counts', () => {
  const f = facetsOf(claims);
  expect(f.metrics).toEqual([
    { value: 'killed', count: 4 },
    { value: 'fled_abroad', count: 1 },
    { value: 'buildings_destroyed', count: 1 },
  ]);
  expect(f.places).toEqual([
    { value: 'Kharkiv', count: 2 },
    { value: 'Kyiv', count: 1 },
    { value: 'Ukraine', count: 3 },
  ]);
  expect(f.sources).toEqual([
    { value: '', count: 3 },
    { value: 'UN human rights office', count: 2 },
    { value: 'Vitali Klitschko', count: 1 },
  ]);
  expect(f.origins).toEqual([
    { value: 'reader', count: 2 },
    { value: 'bundled', count: 4 },
  ]);
});

describe('the query in the page address', () => {
  test.each<[Partial<ClaimQuery>, string]>([
    [{}, ''],
    [{ text: ' kyiv  ', metric: 'killed' }, '?q=kyiv&metric=killed'],
    [{ source: '' }, '?source='],
    [
      { place: 'Kharkiv', origin: 'reader', from: '2022-03-01', to: '2022-03-31', sort: 'value-desc' },
      '?place=Kharkiv&origin=reader&from=2022-03-01&to=2022-03-31&sort=value-desc',
    ],
  ])('%j ⇄ %j', (fields, search) => {
    expect(queryToSearch(q(fields))).toBe(search);
    expect(queryFromSearch(search)).toEqual(q({ ...fields, text: (fields.text ?? '').trim() }));
  });

  test('anything unknown or malformed in an address falls back to "any"', () => {
    expect(
      queryFromSearch('?metric=deaths&subject=aliens&origin=mine&from=yesterday&to=2022-02-30&sort=random'),
    ).toEqual(DEFAULT_QUERY);
  });
});

test.each([
  ['Kyïv', 'kyiv'],
  ['  Two\n\tWords ', 'two words'],
  ['ZELENSKYY', 'zelenskyy'],
])('foldText(%j) is %j', (s, folded) => expect(foldText(s)).toBe(folded));

test('pageOf shows the first items and counts the rest', () => {
  expect(pageOf([1, 2, 3, 4, 5], 2)).toEqual({ items: [1, 2], more: 3 });
  expect(pageOf([1, 2], 5)).toEqual({ items: [1, 2], more: 0 });
});
