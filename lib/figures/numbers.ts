import type { NumberSpan } from '../types.ts';
import { Scanner } from './numbers/scanner.ts';
import type { NumberToken } from './numbers/tokens.ts';

export type { DigitsInfo, NumberRole, NumberToken } from './numbers/tokens.ts';

/**
 * The number-reading layer under figures (docs/figures-and-claims.md; `check --numbers` prints it).
 *
 * One left-to-right pass over the text. A precompiled regular expression (a flat alternation, linear)
 * jumps to the next candidate: a digit or a word that can start a number. At a digit the scanner reads
 * one digit chunk and what is glued to it; at a word, one short word phrase, pulling words only as the
 * parser needs them. Every look-ahead is bounded by the token it produces or by a small constant, and all
 * regular expressions are module-level constants of fixed shape, so 1 MB of text costs one linear pass.
 *
 * Decisions (each has a test in tests/unit/figures/numbers.test.ts):
 * - `.` followed by exactly three digits after 1–3 digits (`5.000`, `160.000`) is a thousands separator
 *   when a word follows (`5.000 people`), else a decimal point (`4.800`, `3.800 million`); with two or
 *   more such groups (`1.234.567`) it is always thousands. `,` + 1–2 digits (`1,3`, `5,00`) is a decimal
 *   comma; `,` + 3 digits is thousands.
 * - Space or no-break-space groups (`1 369`, `9 000`) join when the first group has 1–3 digits and each
 *   later one exactly 3, except after a month name (`March 2 300 people` is a date and a count).
 * - Vague quantities (`dozens`, `thousands`, `hundreds of thousands`, `tens of thousands`,
 *   `several hundred`, `a few thousand`, `many thousands`) are numbers with value null.
 * - Not cardinal numbers, so absent from readNumbers but present as tokens with their role: ordinals
 *   (`4th`; word ordinals such as `eighth`, `twenty-first` give no token at all), numbers glued to letters
 *   (`S-300`, `MiG-29`, `A4`, `180ml`, `5G`, `1990s`), clock times (`10:30`, `5pm`), dates written with
 *   separators (`2022-03-22`, `24.02.2022`, `3/4/2022`), slashed pairs that are not fractions (`24/7`,
 *   `9/11`), phone numbers (`+380 44 123 4567`, `(044) 555-1234`, `044 123 4567`), and codes (digit
 *   strings over 30 digits long, or whose value overflows a double).
 * - Years (`2014`), compact dates (`20220322`), percentages and durations are cardinal numbers here:
 *   the figure layer excludes them using the token details.
 * - A bare `half` is not a number (`the first half`, `half of them`); `a half`, `half a million` are.
 * - A lowercase `m` glued to digits is a metre unless a currency precedes or a count noun follows
 *   (`£1.5m`, `3.8m refugees`, `5m people` are millions; `100m away` is not a number); `M`, `mn`, `bn`,
 *   `k` are scales. `G`/`T` are not (`5G`).
 * - A currency symbol or code is part of the span (`$350 million`), as the figure is the amount.
 */

/**
 * Every number-like token in `text`, in document order, non-overlapping: cardinal numbers and the
 * digit sequences that are not (ordinals, glued ids, times, dates, phone numbers, slashed pairs), each
 * with the details the figure layer needs to decide what is a figure. Every digit in the text belongs to
 * exactly one token. Word ordinals produce no token.
 */
export function readNumberTokens(text: string): NumberToken[] {
  return new Scanner(text).run();
}

/** Whether a token is a number in the `check --numbers` sense. */
export function isCardinal(token: NumberToken): boolean {
  return token.role === 'cardinal';
}

/**
 * Every number written in `text`, figure or not, in document order (what `check --numbers` prints):
 * `text === input.slice(start, end)`, value null for vague quantities, no span across a line break.
 */
export function readNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const t of readNumberTokens(text)) {
    if (t.role === 'cardinal') out.push({ text: t.text, start: t.start, end: t.end, value: t.value });
  }
  return out;
}
