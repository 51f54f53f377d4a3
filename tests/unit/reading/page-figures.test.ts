import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readPageFigures, readWindowFigures } from '../../../lib/reading/page-figures.ts';
import { extendWindows, planWindows, type TextWindow } from '../../../lib/reading/text-windows.ts';
import type { Reading } from '../../../lib/types.ts';

/** A stand-in figure reader: every run of digits; metric "killed" if "killed" came earlier in the text given. */
function fakeRead(text: string): Reading[] {
  return [...text.matchAll(/\d+/g)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    value: Number(m[0]),
    low: Number(m[0]),
    high: Number(m[0]),
    qualifier: 'exact',
    metric: text.slice(0, m.index).includes('killed') ? 'killed' : 'other',
    subject: 'people',
    place: 'Ukraine',
    period: 'cumulative',
    asOf: null,
    source: null,
    modality: 'reported',
    quote: '',
  }));
}

const paragraphs = (n: number, f: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => f(i)).join('\n\n');

describe('planWindows', () => {
  test('a short text is one window', () => {
    expect(planWindows('a 1\n\nb 2')).toEqual([{ start: 0, end: 8 }]);
    expect(planWindows('')).toEqual([]);
  });

  test('windows tile the text, end at paragraph starts and stay within the size', () => {
    const text = paragraphs(500, (i) => `Paragraph ${i} says ${i * 3} people were counted.`);
    const windows = planWindows(text, 1000);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.end).toBe(text.length);
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i]!;
      expect(w.end - w.start).toBeLessThanOrEqual(1000);
      if (i > 0) expect(w.start).toBe(windows[i - 1]!.end);
      if (w.end < text.length) expect(text.slice(w.end - 2, w.end)).toBe('\n\n');
    }
  });

  test('a paragraph longer than a window is cut between sentences, never inside a number', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Sentence ${i} counts 12,345 people`).join('. ');
    for (const w of planWindows(text, 700)) {
      if (w.end < text.length) expect(text.slice(w.end - 2, w.end)).toBe('. ');
    }
  });
});

describe('extendWindows: planning while the text is still being read', () => {
  test('windows planned on growing prefixes are the windows of the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z .]{0,90}\d{0,4}$/), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (ps, cuts) => {
          const text = ps.join('\n\n');
          const windows: TextWindow[] = [];
          for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
            const planned = windows.length;
            extendWindows(text.slice(0, cut), windows, false, 120);
            // Nothing planned earlier moves, and nothing reaches the unread end.
            expect(windows.length).toBeGreaterThanOrEqual(planned);
            for (const w of windows) expect(w.end).toBeLessThan(Math.max(cut, 1));
          }
          expect(extendWindows(text, windows, true, 120)).toEqual(planWindows(text, 120));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readPageFigures', () => {
  test('finds every figure exactly once, with offsets into the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z ]{0,30}\d{0,4}[a-z .]{0,30}$/), { maxLength: 80 }),
        (ps) => {
          const text = ps.join('\n\n');
          const all = readPageFigures(text, { date: null }, fakeRead);
          // Same numbers as reading the text in one go, whatever the window size.
          const whole = fakeRead(text).map((r) => [r.start, r.end]);
          const windowed = planWindows(text, 200).flatMap((w) =>
            readWindowFigures(text, w, { date: null }, fakeRead).map((r) => [r.start, r.end]),
          );
          expect(windowed).toEqual(whole);
          for (const r of all) expect(text.slice(r.start, r.end)).toBe(r.text);
        },
      ),
      { numRuns: 200 },
    );
  });

  test.each([
    ['close before the window: read as context', 300, 'killed'],
    ['too far before the window: not read', 3000, 'other'],
  ])('a window is read with the paragraphs before it (%s)', (_name, gap, metric) => {
    const filler = paragraphs(Math.ceil(gap / 50), () => 'A filler line of about fifty characters in all...');
    const text = `Many were killed.\n\n${filler}\n\n42 in all.`;
    const window = { start: text.indexOf('42'), end: text.length };
    const found = readWindowFigures(text, window, { date: null }, fakeRead);
    expect(found.map((r) => [r.text, r.start, r.metric])).toEqual([['42', window.start, metric]]);
  });

  test('a page of one window reads exactly like readFigures on the whole text', () => {
    const text = 'The toll rose to 1,200 people.\n\nAnother 300 were hurt.';
    const direct = readWindowFigures(text, { start: 0, end: text.length }, { date: '2022-03-01' });
    expect(readPageFigures(text, { date: '2022-03-01' })).toEqual(direct);
  });
});
