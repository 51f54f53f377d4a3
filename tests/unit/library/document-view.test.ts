import { describe, expect, test } from 'vitest';
import {
  documentPageHref,
  documentPieces,
  locateClaim,
  readDocumentAddress,
} from '../../../lib/library/document-view.ts';
import { claim, readerDoc } from '../support/library-claims.ts';

const text =
  'Kharkiv Daily\n\nOfficials said 1,200 buildings were destroyed. Some 300 people fled.\n\nMore later.';
const at = (needle: string) => text.indexOf(needle);
const c1200 = claim('c1', readerDoc, {
  text: '1,200',
  start: at('1,200'),
  end: at('1,200') + 5,
  quote: 'Officials said 1,200 buildings were destroyed.',
});
const c300 = claim('c2', readerDoc, {
  text: 'Some 300',
  start: at('Some 300'),
  end: at('Some 300') + 8,
  quote: 'Some 300 people fled.',
});

describe('locateClaim', () => {
  test.each([
    ['by its offsets', c1200, { start: at('1,200'), end: at('1,200') + 5 }],
    [
      'by its quote when the offsets are off',
      { ...c1200, start: 0, end: 5 },
      { start: at('1,200'), end: at('1,200') + 5 },
    ],
    [
      'the whole quote when the figure is not in it',
      { ...c1200, start: 0, end: 5, text: '1200' },
      { start: at('Officials'), end: at('Officials') + c1200.quote.length },
    ],
    [
      'by the figure alone when the quote is gone',
      { ...c300, start: 999, end: 1003, quote: 'elsewhere' },
      { start: at('Some 300'), end: at('Some 300') + 8 },
    ],
    ['nowhere', { ...c300, start: 999, end: 1003, quote: 'elsewhere', text: '4,000' }, null],
  ])('finds a claim %s', (_name, c, span) => expect(locateClaim(text, c)).toEqual(span));
});

describe('documentPieces', () => {
  test('paragraphs at blank lines; claims marked, the chosen one selected', () => {
    expect(documentPieces(text, [c300, c1200], 'c2')).toEqual([
      [{ kind: 'text', text: 'Kharkiv Daily' }],
      [
        { kind: 'text', text: 'Officials said ' },
        { kind: 'claim', text: '1,200', claimId: 'c1', selected: false },
        { kind: 'text', text: ' buildings were destroyed. ' },
        { kind: 'claim', text: 'Some 300', claimId: 'c2', selected: true },
        { kind: 'text', text: ' people fled.' },
      ],
      [{ kind: 'text', text: 'More later.' }],
    ]);
  });

  test('every character of the text is kept, in order, apart from the paragraph breaks', () => {
    const joined = documentPieces(text, [c1200, c300], null)
      .map((p) => p.map((piece) => piece.text).join(''))
      .join('\n\n');
    expect(joined).toBe(text);
  });

  test('overlapping claims: the first is marked, the other stays text', () => {
    const inside = claim('c3', readerDoc, { text: '200', start: at('1,200') + 2, end: at('1,200') + 5 });
    const marked = documentPieces(text, [inside, c1200], null)
      .flat()
      .filter((p) => p.kind === 'claim');
    expect(marked.map((p) => p.kind === 'claim' && p.claimId)).toEqual(['c1']);
  });
});

test('the document page address reads back, and refuses absurd values', () => {
  const href = documentPageHref('reader-2022-03-30-abc', 'reader-2022-03-30-abc#0f&x');
  expect(href).toBe('document.html?id=reader-2022-03-30-abc&claim=reader-2022-03-30-abc%230f%26x');
  expect(readDocumentAddress(href.slice(href.indexOf('?')))).toEqual({
    id: 'reader-2022-03-30-abc',
    claim: 'reader-2022-03-30-abc#0f&x',
  });
  expect(documentPageHref('d')).toBe('document.html?id=d');
  expect(readDocumentAddress(`?id=${'x'.repeat(1001)}`)).toEqual({ id: null, claim: null });
});
