/** What the number reader produces: a token per number-like run of text, with the details the figure layer needs. */
import type { NumberSpan } from '../../types.ts';

/** What a token is; only `cardinal` tokens are numbers in readNumbers. */
export type NumberRole = 'cardinal' | 'ordinal' | 'glued' | 'time' | 'date' | 'phone' | 'slashed' | 'code';

export interface DigitsInfo {
  /** The digits as written, without currency, sign or scale: `1,252`, `5.000`, `3.8`. */
  raw: string;
  /** Number of digits before the decimal point (4 for `2014`, 8 for `20220322`). */
  integerDigits: number;
  /** Thousands separator used: `,`, `.`, or ` ` for any space / no-break space. */
  groupSeparator: ',' | '.' | ' ' | null;
  decimalSeparator: '.' | ',' | null;
  /** Starts with `0` followed by another digit (`044`, `007`): ids and codes, not counts. */
  leadingZero: boolean;
  /** `d.ddd` with a single dot group, whose reading depended on the word after it. */
  ambiguousDot: boolean;
}

export interface NumberToken extends NumberSpan {
  kind: 'digits' | 'words' | 'vague';
  role: NumberRole;
  /** Details of the digits for kind `digits`. */
  digits: DigitsInfo | null;
  /** The scale applied: `million` in `3.8 million`, `bn` in `1.2bn`, `k` in `10k`. */
  scale: { text: string; factor: number } | null;
  /** The number before the scale (3.8 in `3.8 million`); equals value when there is no scale. */
  base: number | null;
  /** ISO-like currency code (`USD`, `EUR`, `GBP`, `UAH`, ...) from a symbol, code or word around it. */
  currency: string | null;
  negative: boolean;
  /** Followed by `%`, `percent` or `per cent`. */
  percent: boolean;
  /** The value comes from a fraction (`3/4`, `three quarters`, `one and a half`). */
  fraction: boolean;
  /** Letters (and hyphen) glued before the digits: `S-` in `S-300`, `MiG-` in `MiG-29`, `A` in `A4`. */
  gluedBefore: string | null;
  /** Letters glued after the digits: `th` in `4th`, `ml` in `180ml`, `s` in `1990s`. */
  gluedAfter: string | null;
  /** Hyphenated words after the number: `hour` in `24-hour`, `year-old` in `12-year-old`. */
  compound: string | null;
  /** The word before the token (across spaces only), lower-cased: `between`, `nearly`, `march`. */
  prevWord: string | null;
  /** The word after the token (across spaces only), lower-cased: `people`, `hours`, `percent`. */
  nextWord: string | null;
  /** How this token is joined to the previous number token, when directly: `-`, `–`, `to`, `or`, `and`. */
  joinedBefore: string | null;
  /** The value took its scale from the next number (`5` in `5-6 million` is 5,000,000). */
  sharedScale: boolean;
  /** `another` introduced the number (`another million`, `another 500`). */
  another: boolean;
}
