import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readNumberTokens, readNumbers } from '../../../lib/figures/numbers.ts';
import type { NumberSpan } from '../../../lib/types.ts';

/** Pieces that put the reader's every branch next to each other: separators, scales, words, glue. */
const PIECES = [
  ...'0123456789',
  '0',
  '1',
  '5',
  '000',
  '.',
  ',',
  ' ',
  '  ',
  '\u00a0',
  '\u202f',
  '\n',
  '\n\n',
  '-',
  '–',
  '−',
  '/',
  ':',
  '^',
  '+',
  '(',
  ')',
  '$',
  'US$',
  '€',
  '£',
  '%',
  'e',
  'E',
  'k',
  'm',
  'M',
  'bn',
  'th',
  'st',
  'am',
  'S-',
  'A',
  ' million',
  ' hundred',
  ' thousand',
  ' lakh',
  ' dozen',
  'one',
  'twenty',
  'twenty-',
  'seven',
  'nought',
  'and',
  ' and ',
  'a ',
  'an ',
  'another ',
  'half',
  'quarter',
  'quarters',
  'fifth',
  'fifths',
  'first',
  'hundreds',
  'thousands',
  'tens',
  ' of ',
  'several ',
  'point ',
  ' over ',
  'minus ',
  'between ',
  'March ',
  'people',
  'percent',
  "o'clock",
  'é',
  '\u{1F600}',
  '\ud800',
];

const digitHeavy = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 });
const anyUtf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

function checkSpans(text: string, spans: readonly NumberSpan[]): void {
  let prevEnd = 0;
  for (const n of spans) {
    expect(Number.isInteger(n.start) && Number.isInteger(n.end)).toBe(true);
    expect(n.start).toBeGreaterThanOrEqual(prevEnd);
    expect(n.end).toBeGreaterThan(n.start);
    expect(n.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(n.value === null || Number.isFinite(n.value)).toBe(true);
    // Blank lines separate paragraphs: no number spans one (nor any line break).
    expect(n.text).not.toContain('\n');
    prevEnd = n.end;
  }
}

describe('readNumbers on any text', () => {
  test.each([
    ['digit-heavy text', digitHeavy, 3000],
    ['any unicode text', anyUnicode, 1000],
    ['any UTF-16 units, lone surrogates included', anyUtf16, 1000],
  ] as const)(
    '%s: never throws; spans lie inside, slice back, are ordered and disjoint; values finite or null',
    (_name, arb, numRuns) => {
      fc.assert(
        fc.property(arb, (text) => {
          checkSpans(text, readNumbers(text));
          checkSpans(text, readNumberTokens(text));
        }),
        { numRuns },
      );
    },
  );

  test('readNumbers is exactly the cardinal tokens, and every ASCII digit belongs to one token', () => {
    fc.assert(
      fc.property(digitHeavy, (text) => {
        const tokens = readNumberTokens(text);
        expect(readNumbers(text)).toEqual(
          tokens
            .filter((t) => t.role === 'cardinal')
            .map(({ text: s, start, end, value }) => ({ text: s, start, end, value })),
        );
        const covered = new Uint8Array(text.length);
        for (const t of tokens) for (let k = t.start; k < t.end; k++) covered[k] = 1;
        for (let k = 0; k < text.length; k++) {
          const c = text.charCodeAt(k);
          if (c >= 48 && c <= 57) expect(covered[k], `digit ${k} of ${JSON.stringify(text)}`).toBe(1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('a number reads the same wherever it stands between spaces', () => {
    const phrases = [
      '3.8 million',
      '1,252',
      'twenty-one',
      'hundreds of thousands',
      '$350 million',
      '5.000 people',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...phrases),
        fc.string({ unit: fc.constantFrom('x', 'y', ' ', '.', '\n'), maxLength: 20 }),
        (phrase, prefix) => {
          const alone = readNumbers(phrase);
          const placed = readNumbers(`${prefix} ${phrase}`).filter((n) => n.start > prefix.length);
          expect(placed.map((n) => [n.text, n.value])).toEqual(alone.map((n) => [n.text, n.value]));
        },
      ),
      { numRuns: 500 },
    );
  });
});
