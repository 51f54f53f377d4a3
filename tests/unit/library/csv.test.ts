import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, claimsToCsv, csvCell, parseCsv } from '../../../lib/library/csv.ts';
import { bundledDoc, claim, readerDoc } from '../support/library-claims.ts';

describe('csvCell', () => {
  test.each<[string | number | null | undefined, string]>([
    ['plain', 'plain'],
    [516, '516'],
    [3.8, '3.8'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=HYPERLINK("http://evil.example")', '"\'=HYPERLINK(""http://evil.example"")"'],
    ['+1 555', "'+1 555"],
    ['-5 dead', "'-5 dead"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['Kyïv — “quoted”', 'Kyïv — “quoted”'],
  ])('%j is written %j', (value, cell) => expect(csvCell(value)).toBe(cell));
});

describe('claimsToCsv', () => {
  const claims = [
    claim('a', bundledDoc, {
      value: 516,
      source: 'UN human rights office',
      quote: 'The UN said "516, at least".',
    }),
    claim(
      'b',
      { ...readerDoc, title: 'Line one\nline two' },
      {
        text: 'more than 3.8 million',
        value: 3_800_000,
        high: null,
        qualifier: 'more_than',
        scope: 'border crossings',
        quote: '=cmd|calc',
      },
    ),
  ];
  const csv = claimsToCsv(claims);

  test('a header row, one row per claim, CRLF line ends', () => {
    expect(csv.startsWith(`${CSV_COLUMNS.map((c) => c.header).join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toHaveLength(3);
  });

  test('reads back field by field as written (commas, quotes and line breaks inside fields)', () => {
    const [header, a, b] = parseCsv(csv);
    const row = (cells: string[] | undefined) => Object.fromEntries(header!.map((h, i) => [h, cells![i]]));
    expect(row(a)).toMatchObject({
      id: 'a',
      value: '516',
      high: '516',
      source: 'UN human rights office',
      quote: 'The UN said "516, at least".',
      documentId: bundledDoc.id,
      url: 'https://example.org/ohchr',
      origin: 'bundled',
      scope: '',
    });
    expect(row(b)).toMatchObject({
      text: 'more than 3.8 million',
      value: '3800000',
      high: '',
      qualifier: 'more_than',
      scope: 'border crossings',
      documentTitle: 'Line one\nline two',
      url: '',
      origin: 'reader',
      // A formula in a quote is defused, not dropped.
      quote: "'=cmd|calc",
    });
  });

  test('no claims: the header only', () => {
    expect(parseCsv(claimsToCsv([]))).toEqual([CSV_COLUMNS.map((c) => c.header)]);
  });
});
