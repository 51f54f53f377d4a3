import type { NumberSpan } from '../types.ts';

/**
 * Every number written in `text`, figure or not, in document order
 * (SPEC.md `check --numbers`). Placeholder: digits only, until the real reader lands.
 */
export function readNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of text.matchAll(/\d+(?:,\d{3})*/g)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, value: Number(m[0].replace(/,/g, '')) });
  }
  return out;
}
