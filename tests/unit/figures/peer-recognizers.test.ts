import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readNumbers } from '../../../lib/figures/numbers.ts';
import type { NumberSpan } from '../../../lib/types.ts';

/**
 * Microsoft Recognizers-Text's English number suite (MIT; tests/fixtures/peer-suites/README.md), run
 * against readNumbers. A case passes when we find the same count of numbers with the same values
 * (tolerance 1e-9 relative); a strict pass also needs the same spans.
 */

interface PeerCase {
  id: string;
  input: string;
  numbers: { text: string; value: number; start: number; end: number }[];
}

const file = fileURLToPath(
  new URL('../../fixtures/peer-suites/recognizers-number-en.jsonl', import.meta.url),
);
const cases: PeerCase[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as PeerCase);

/**
 * Cases where the suite's house conventions differ from what a reader of news figures should do. For
 * each, the test asserts what we do instead (`ours`: the values readNumbers returns, in order).
 */
const DEVIATIONS: Record<string, { reason: string; ours: (number | null)[] }> = {
  'NumberModel#32': {
    reason:
      'a minus sign separated by a space ("- 1 4/5") is read as a dash: news lists start lines with "- 10 people…"',
    ours: [1.8],
  },
  'NumberModel#41': {
    reason:
      'a minus sign separated by a space ("- 10  k") is read as a dash (list bullets), so the value is positive',
    ours: [10000],
  },
  'NumberModel#40': {
    reason:
      '"G" glued to digits is not giga: in news "4G"/"5G" are networks, so "10G" is a name, not a number',
    ours: [],
  },
  'NumberModel#193': {
    reason: '"G" is not a scale word after a number (see #40); "1,674.5" is read without it',
    ours: [1674.5],
  },
  'NumberModel#70': {
    reason:
      '"twenty and three" is not read as 23 (archaic); "and" joins only after hundred or a scale, so this is 20 and the mixed number 3 3/5',
    ours: [20, 3.6],
  },
  'NumberModel#161': {
    reason:
      'a bare "half" is a proportion, not a number ("the first half", "half of them"); "a half" and "half a million" are read',
    ours: [],
  },
  'NumberModel#189': {
    reason: 'digits after letters and a hyphen are a name ("SCP-173" like "S-300", "MiG-29"), not a count',
    ours: [],
  },
  'NumberModel#227': {
    reason:
      '"two millionth" is the ordinal 2,000,000th; ordinals are not cardinal numbers, so nothing is read',
    ours: [],
  },
};

const CURRENCY_PREFIX = /^(?:US\$|[$€£]) ?$/;

function sameValue(got: number | null, want: number): boolean {
  return got !== null && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}
function valuePass(got: NumberSpan[], c: PeerCase): boolean {
  return got.length === c.numbers.length && c.numbers.every((w, i) => sameValue(got[i]!.value, w.value));
}
function strictPass(got: NumberSpan[], c: PeerCase): boolean {
  return valuePass(got, c) && c.numbers.every((w, i) => got[i]!.start === w.start && got[i]!.end === w.end);
}

describe('Recognizers-Text English number suite', () => {
  const agreed = cases.filter((c) => !(c.id in DEVIATIONS));
  const deviating = cases.filter((c) => c.id in DEVIATIONS);

  test('every deviation names a case of the suite', () => {
    expect(deviating.map((c) => c.id).sort()).toEqual(Object.keys(DEVIATIONS).sort());
  });

  test.each(agreed.map((c) => [c.id, c.input, c] as const))('%s %j', (_id, input, c) => {
    const got = readNumbers(input);
    expect(got.map((n) => n.value)).toHaveLength(c.numbers.length);
    got.forEach((n, i) => {
      expect(n.value).toBeCloseTo(c.numbers[i]!.value, 9);
      expect(input.slice(n.start, n.end)).toBe(n.text);
    });
    // Spans match too, except that a currency symbol belongs to our span ("$350 million" is the amount).
    c.numbers.forEach((w, i) => {
      const n = got[i]!;
      expect(n.end).toBe(w.end);
      if (n.start !== w.start) expect(input.slice(n.start, w.start)).toMatch(CURRENCY_PREFIX);
    });
  });

  test.each(deviating.map((c) => [c.id, c.input, c] as const))(
    '%s %j (documented deviation)',
    (id, input) => {
      const got = readNumbers(input);
      expect(got.map((n) => n.value)).toEqual(DEVIATIONS[id]!.ours);
    },
  );

  test('pass rate', () => {
    let values = 0;
    let strict = 0;
    for (const c of cases) {
      const got = readNumbers(c.input);
      if (valuePass(got, c)) values++;
      if (strictPass(got, c)) strict++;
    }
    const pct = (k: number): string => ((100 * k) / cases.length).toFixed(1);
    console.log(
      `Recognizers-Text numbers (en): ${values}/${cases.length} pass on values (${pct(values)}%), ` +
        `${strict}/${cases.length} strict with spans (${pct(strict)}%), ${deviating.length} documented deviations`,
    );
    expect(values).toBe(cases.length - deviating.length);
  });
});
