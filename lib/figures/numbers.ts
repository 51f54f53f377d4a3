import type { NumberSpan } from '../types.ts';
import { monthNumber } from '../calendar/months.ts';
import {
  MAX_WORD_LENGTH,
  NUMBER_CANDIDATES,
  exactProduct,
  isNumberPhraseWord,
  parseWordNumber,
  scaleAfterDigits,
  type WordItem,
  type WordSource,
} from './number-words.ts';

/**
 * The number-reading layer under figures (docs/figures-and-claims.md; `check --numbers` prints it).
 *
 * One left-to-right pass over the text. A precompiled regular expression (a flat alternation, linear)
 * jumps to the next candidate: a digit or a word that can start a number. At a digit the scanner reads
 * one digit chunk and what is glued to it; at a word, one short word phrase, pulling words only as the
 * parser needs them. Every look-ahead is bounded by the token it produces or by a small constant, and all
 * regular expressions are module-level constants of fixed shape, so 1 MB of text costs one linear pass.
 *
 * Decisions (each has a test in tests/unit/numbers.test.ts):
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

/** Glued scale suffixes (`10k`, `1.2bn`, `10M`, `2mil`); a lowercase `m` only after a currency. */
const GLUED_SCALES: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  MM: 1e6,
  mn: 1e6,
  Mn: 1e6,
  mln: 1e6,
  mil: 1e6,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  Bn: 1e9,
  BN: 1e9,
  bln: 1e9,
  tn: 1e12,
  tln: 1e12,
  trn: 1e12,
};
/** Abbreviated scales allowed after a space (`2.33 k`, `10 bln`, `1,674,200.5 M`). */
const SPACED_ABBREVIATIONS: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  MM: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  bln: 1e9,
  tn: 1e12,
  tln: 1e12,
  trn: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₴': 'UAH',
  '₽': 'RUB',
  '₹': 'INR',
};
const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD',
  A: 'AUD',
  AU: 'AUD',
  C: 'CAD',
  CA: 'CAD',
  NZ: 'NZD',
  HK: 'HKD',
};
const CURRENCY_CODES = new Set([
  'USD',
  'EUR',
  'GBP',
  'UAH',
  'RUB',
  'JPY',
  'CHF',
  'CNY',
  'INR',
  'PLN',
  'CAD',
  'AUD',
]);
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  hryvnia: 'UAH',
  hryvnias: 'UAH',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  rupee: 'INR',
  rupees: 'INR',
};
/** Hyphen prefixes that do not make a name of the number after them (`mid-2014`, `pre-2022`). */
const HYPHEN_PREFIXES = new Set(['mid', 'pre', 'post', 'early', 'late', 'over', 'under', 'about', 'around']);
/** Denominators read as fractions in `a/b` (`3/4`, `1/3`); others are pairs such as `24/7`, `9/11`. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 16, 100]);

const DATE_YMD = /\d{4}([-/.])\d{1,2}\1\d{1,2}(?![\d])/y;
const DATE_DMY = /(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d])/y;
const CLOCK = /([01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?![\d])/y;
/** A phone number shape; accepted only with `+`, `(..)`, a leading 0, or three hyphen groups. */
const PHONE =
  /(?:\+\d{1,3}[ .\-\u00a0]?)?(?:\(\d{1,5}\)[ .\-\u00a0]?)?\d{2,5}(?:[ .\-\u00a0]\d{2,5}){1,5}(?![\d])/y;
const LETTER = /\p{L}/u;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
const AM_PM = /^(?:am|pm)$/i;
const CLOCK_WORDS = /^(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock)/;
const PER_CENT = /^\s*per\s*cent\b/i;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER.test(String.fromCharCode(c));
}
/** Spaces that may sit inside one number phrase: never a line break, so no number spans a paragraph. */
function isHSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2212;
}

function wordEnd(text: string, p: number): number {
  let e = p;
  while (e < text.length && isLetter(text.charCodeAt(e))) e++;
  return e;
}
function wordStartBefore(text: string, p: number): number {
  let s = p;
  while (s > 0 && p - s < 40 && isLetter(text.charCodeAt(s - 1))) s--;
  return s;
}

/** The word after `p` across horizontal spaces, lower-cased (capped in length), or null. */
function nextWordAt(text: string, p: number): string | null {
  let q = p;
  while (q < text.length && q - p < 16 && isHSpace(text.charCodeAt(q))) q++;
  if (q >= text.length || !isLetter(text.charCodeAt(q))) return null;
  const e = wordEnd(text, q);
  return text.slice(q, Math.min(e, q + 24)).toLowerCase();
}
/** The word before `p` across horizontal spaces, lower-cased, or null. */
function prevWordAt(text: string, p: number): string | null {
  let q = p;
  while (q > 0 && p - q < 16 && isHSpace(text.charCodeAt(q - 1))) q--;
  if (q === 0 || !isLetter(text.charCodeAt(q - 1))) return null;
  const s = wordStartBefore(text, q);
  return text.slice(s, q).toLowerCase();
}

function baseToken(text: string, start: number, end: number, value: number | null): NumberToken {
  return {
    text: text.slice(start, end),
    start,
    end,
    value,
    kind: 'digits',
    role: 'cardinal',
    digits: null,
    scale: null,
    base: value,
    currency: null,
    negative: false,
    percent: false,
    fraction: false,
    gluedBefore: null,
    gluedAfter: null,
    compound: null,
    prevWord: null,
    nextWord: null,
    joinedBefore: null,
    sharedScale: false,
    another: false,
  };
}

interface Chunk {
  /** End of the digits read. */
  end: number;
  value: number;
  info: DigitsInfo;
}

/** Reads a run of ASCII digits at `p`. */
function digitRunEnd(text: string, p: number): number {
  let e = p;
  while (e < text.length && isDigit(text.charCodeAt(e))) e++;
  return e;
}

/**
 * The digits at `start` with their separators, read as one number if the separators make sense
 * (`1,252`, `1 369`, `5.000`, `1,674.5`, `1.234,5`), else the longest sensible prefix (`192` of
 * `192.168.1.2`, `22` of `22,24,26,31`).
 */
function readChunk(text: string, start: number, monthBefore: boolean): Chunk {
  const n = text.length;
  const groups: [number, number][] = [];
  const seps: string[] = [];
  let j = start;
  if (text.charCodeAt(j) === 46) {
    // `.08`: a leading decimal point.
    const e = digitRunEnd(text, j + 1);
    const raw = text.slice(j, e);
    return {
      end: e,
      value: Number(`0${raw}`),
      info: {
        raw,
        integerDigits: 0,
        groupSeparator: null,
        decimalSeparator: '.',
        leadingZero: false,
        ambiguousDot: false,
      },
    };
  }
  j = digitRunEnd(text, j);
  groups.push([start, j]);
  const firstLen = j - start;
  // The rest of a chunk that did not read as one number (`168` in `192.168.1.2`): one group at a time.
  const sepBefore = text.charCodeAt(start - 1);
  if ((sepBefore === 44 || sepBefore === 46) && isDigit(text.charCodeAt(start - 2))) {
    return makeChunk(text, groups, null, null, false);
  }
  const spaceAllowed = firstLen <= 3 && text.charCodeAt(start) !== 48 && !monthBefore;
  // Eight groups reach 10^21; a longer chain (`1,2,3,…`) is a list, and the cap keeps the prefix search short.
  while (j < n && groups.length < 8) {
    const c = text.charCodeAt(j);
    if ((c === 44 || c === 46) && isDigit(text.charCodeAt(j + 1))) {
      const e = digitRunEnd(text, j + 1);
      groups.push([j + 1, e]);
      seps.push(c === 44 ? ',' : '.');
      j = e;
      continue;
    }
    if (
      isGroupSpace(c) &&
      spaceAllowed &&
      seps.every((s) => s === ' ') &&
      isDigit(text.charCodeAt(j + 1)) &&
      isDigit(text.charCodeAt(j + 2)) &&
      isDigit(text.charCodeAt(j + 3)) &&
      !isDigit(text.charCodeAt(j + 4))
    ) {
      groups.push([j + 1, j + 4]);
      seps.push(' ');
      j += 4;
      continue;
    }
    break;
  }
  const len = (g: [number, number] | undefined): number => (g ? g[1] - g[0] : 0);
  const whole = interpretChunk(text, groups, seps, firstLen);
  if (whole) return whole;
  // The longest prefix that reads as plain thousands groups, else the first group alone.
  for (let k = groups.length - 1; k >= 2; k--) {
    const s = seps.slice(0, k - 1);
    const g = groups.slice(0, k);
    const sep = s[0];
    if (
      firstLen <= 3 &&
      s.every((x) => x === sep) &&
      g.slice(1).every((x) => len(x) === 3) &&
      (sep === ',' || sep === ' ' || (sep === '.' && k >= 3))
    ) {
      return makeChunk(text, g, sep === ',' ? ',' : sep === '.' ? '.' : ' ', null, false);
    }
  }
  return makeChunk(text, groups.slice(0, 1), null, null, false);
}

function interpretChunk(
  text: string,
  groups: [number, number][],
  seps: string[],
  firstLen: number,
): Chunk | null {
  const len = (g: [number, number] | undefined): number => (g ? g[1] - g[0] : 0);
  const count = groups.length;
  if (count === 1) return makeChunk(text, groups, null, null, false);
  const last = seps[seps.length - 1];
  const inner = seps.slice(0, -1);
  const firstOk = firstLen >= 1 && firstLen <= 3;
  const middleThree = groups.slice(1, -1).every((g) => len(g) === 3);
  const lastLen = len(groups[count - 1]);
  // 1,234,567 — 1 234 567 — 1.234.567 (two or more dot groups)
  for (const sep of [',', ' ', '.'] as const) {
    if (
      seps.every((s) => s === sep) &&
      firstOk &&
      middleThree &&
      lastLen === 3 &&
      (sep !== '.' || count >= 3)
    ) {
      return makeChunk(text, groups, sep, null, false);
    }
  }
  // 1,674,200.5 — 1 234 567.89 — 1.234.567,89 — 1.234,5
  if (count >= 3 && firstOk && middleThree) {
    const sep = inner[0];
    if (inner.every((s) => s === sep) && sep !== last) {
      if ((sep === ',' || sep === ' ') && last === '.') return makeChunk(text, groups, sep, '.', false);
      if ((sep === '.' || sep === ' ') && last === ',' && lastLen !== 3) {
        return makeChunk(text, groups, sep, ',', false);
      }
    }
  }
  if (count === 2) {
    if (last === '.') {
      if (
        lastLen === 3 &&
        firstOk &&
        text.charCodeAt(groups[0]![0]) !== 48 &&
        wordFollows(text, groups[1]![1])
      ) {
        return makeChunk(text, groups, '.', null, true);
      }
      return makeChunk(text, groups, null, '.', lastLen === 3 && firstOk);
    }
    if (last === ',' && lastLen <= 2) return makeChunk(text, groups, null, ',', false);
    if (last === ' ') return null;
  }
  return null;
}

/** Whether a word (not a scale or `percent`) follows: `5.000 people` is five thousand, `4.800` is not. */
function wordFollows(text: string, p: number): boolean {
  if (p >= text.length || !isHSpace(text.charCodeAt(p))) return false;
  const w = nextWordAt(text, p);
  if (w === null) return false;
  if (scaleAfterDigits(w) !== null || w === 'percent' || w === 'per' || w === 'pct') return false;
  const raw = text.slice(p).trimStart().slice(0, 4);
  return !(raw.startsWith('M ') || raw.startsWith('k ') || raw.startsWith('bn') || raw.startsWith('mn'));
}

function makeChunk(
  text: string,
  groups: [number, number][],
  groupSep: ',' | '.' | ' ' | null,
  decimalSep: '.' | ',' | null,
  ambiguousDot: boolean,
): Chunk {
  const first = groups[0]!;
  const lastG = groups[groups.length - 1]!;
  const intGroups = decimalSep ? groups.slice(0, -1) : groups;
  let intDigits = '';
  for (const [s, e] of intGroups) intDigits += text.slice(s, e);
  const frac = decimalSep ? text.slice(lastG[0], lastG[1]) : '';
  const raw = text.slice(first[0], lastG[1]);
  return {
    end: lastG[1],
    value: Number(frac ? `${intDigits}.${frac}` : intDigits),
    info: {
      raw,
      integerDigits: intDigits.length,
      groupSeparator: groupSep,
      decimalSeparator: decimalSep,
      leadingZero: intDigits.length > 1 && intDigits.charCodeAt(0) === 48,
      ambiguousDot,
    },
  };
}

function matchAt(re: RegExp, text: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(text);
}

function isPhone(m: string): boolean {
  let digits = 0;
  let hyphens = 0;
  for (let k = 0; k < m.length; k++) {
    const c = m.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (c === 45) hyphens++;
  }
  if (digits < 8 || digits > 15) return false;
  return m.startsWith('+') || m.includes('(') || m.startsWith('0') || hyphens >= 2;
}

/** The words of a phrase starting at `start`, read one at a time as the parser asks for them. */
class LazyWords implements WordSource {
  private readonly items: WordItem[] = [];
  private p: number;
  private done = false;
  private stop: string | null = null;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.p = start;
  }

  at(k: number): WordItem | undefined {
    while (!this.done && this.items.length <= k) this.readOne();
    return this.items[k];
  }

  stopWord(): string | null {
    return this.stop;
  }

  /** Reads the next word (or digit run after `over`) and the separator after it. */
  private readOne(): void {
    const text = this.text;
    const items = this.items;
    const p = this.p;
    const c = text.charCodeAt(p);
    if (items.length >= 24) {
      this.done = true;
      return;
    }
    if (isDigit(c) && items[items.length - 1]?.word === 'over') {
      const e = digitRunEnd(text, p);
      const after = text.charCodeAt(e);
      if (isLetter(after) || after === 44 || after === 46) {
        this.done = true;
        return;
      }
      items.push({ word: '', start: p, end: e, digits: Number(text.slice(p, e)) });
      this.advance(e);
      return;
    }
    if (!isAsciiLetter(c)) {
      this.done = true;
      return;
    }
    const e = wordEnd(text, p);
    const long = e - p > MAX_WORD_LENGTH;
    const word = long ? '' : text.slice(p, e).toLowerCase();
    if (items.length > 0 && !isNumberPhraseWord(word)) {
      this.stop = long ? text.slice(p, p + 24).toLowerCase() : word;
      this.done = true;
      return;
    }
    items.push({ word, start: p, end: e, digits: null });
    this.advance(e);
  }

  /** Moves past the separator after a word: spaces, or a hyphen with optional spaces around it. */
  private advance(p: number): void {
    const text = this.text;
    let q = p;
    while (q < text.length && q - p < 8 && isHSpace(text.charCodeAt(q))) q++;
    let hyphen = false;
    if (q < text.length && (text.charCodeAt(q) === 45 || text.charCodeAt(q) === 0x2011)) {
      hyphen = true;
      q++;
      const q0 = q;
      while (q < text.length && q - q0 < 8 && isHSpace(text.charCodeAt(q))) q++;
    }
    const nc = text.charCodeAt(q);
    if (q === p || !(isAsciiLetter(nc) || (isDigit(nc) && !hyphen))) {
      this.done = true;
      return;
    }
    this.p = q;
  }
}

class Scanner {
  readonly tokens: NumberToken[] = [];
  constructor(readonly text: string) {}

  private get lastEnd(): number {
    return this.tokens[this.tokens.length - 1]?.end ?? 0;
  }

  run(): NumberToken[] {
    const text = this.text;
    // Compiled once per module; the scan is synchronous and never nested, so its lastIndex is ours.
    const candidates = NUMBER_CANDIDATES;
    candidates.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = candidates.exec(text)) !== null) {
      const i = m.index;
      const c = text.charCodeAt(i);
      let next: number;
      if (isDigit(c)) next = this.scanDigits(i);
      else if (c === 46) next = this.scanDigits(this.digitOrLetterBefore(i) ? i + 1 : i);
      else if (c === 43 || c === 40) next = this.tryPhone(i) ? this.lastEnd : this.scanDigits(i + 1);
      else {
        const e = i + m[0].length;
        // `\b` knows only ASCII letters: `éone` is one word.
        next = isLetter(text.charCodeAt(i - 1)) || isLetter(text.charCodeAt(e)) ? e : this.scanWords(i);
        if (next <= i) next = e;
      }
      candidates.lastIndex = next;
    }
    linkRanges(text, this.tokens);
    return this.tokens;
  }

  private digitOrLetterBefore(p: number): boolean {
    const c = this.text.charCodeAt(p - 1);
    return p > 0 && (isDigit(c) || isLetter(c));
  }

  private pushSpecial(start: number, end: number, role: NumberRole): number {
    const t = baseToken(this.text, start, end, null);
    t.role = role;
    this.finish(t);
    return end;
  }

  private tryPhone(p: number): boolean {
    const m = matchAt(PHONE, this.text, p);
    if (!m || !isPhone(m[0])) return false;
    const t = baseToken(this.text, p, p + m[0].length, null);
    t.role = 'phone';
    this.finish(t);
    return true;
  }

  /** Reads the number starting with the digit (or leading `.`) at `i`; returns where scanning resumes. */
  private scanDigits(i: number): number {
    const text = this.text;
    const glue = this.gluedBefore(i);
    if (!glue) {
      // The shapes below need a separator right after the first digit run; most numbers have none.
      const runEnd = digitRunEnd(text, i);
      const runLen = runEnd - i;
      const sep = text.charCodeAt(runEnd);
      const digitAfter = isDigit(text.charCodeAt(runEnd + 1));
      if (digitAfter && (sep === 45 || sep === 47 || sep === 46)) {
        const m = runLen === 4 ? matchAt(DATE_YMD, text, i) : runLen <= 2 ? matchAt(DATE_DMY, text, i) : null;
        const ok =
          m &&
          (runLen === 4 ||
            (Number(m[1]) <= 31 && Number(m[3]) <= 31 && Number(m[1]) > 0 && Number(m[3]) > 0));
        if (m && ok && !isLetter(text.charCodeAt(i + m[0].length)))
          return this.pushSpecial(i, i + m[0].length, 'date');
      }
      if (digitAfter && sep === 58 && runLen <= 2) {
        const m = matchAt(CLOCK, text, i);
        if (m && !isLetter(text.charCodeAt(i + m[0].length)))
          return this.pushSpecial(i, i + m[0].length, 'time');
      }
      if (
        runLen >= 2 &&
        (digitAfter || sep === 40) &&
        (isHSpace(sep) || sep === 45 || sep === 46) &&
        this.tryPhone(i)
      ) {
        return this.lastEnd;
      }
    }
    const prevWord = prevWordAt(text, i);
    const chunk = readChunk(text, i, prevWord !== null && monthNumber(prevWord) !== undefined);
    let start = i;
    let end = chunk.end;
    let value: number = chunk.value;
    const t = baseToken(text, start, end, value);
    t.digits = chunk.info;
    let role: NumberRole = 'cardinal';
    if (glue) {
      role = 'glued';
      t.gluedBefore = glue;
    }
    const plainInt = chunk.info.groupSeparator === null && chunk.info.decimalSeparator === null;
    const c = text.charCodeAt(end);

    // Sign and currency before the digits.
    if (!glue) {
      const before = this.signAndCurrencyBefore(i);
      start = before.start;
      t.negative = before.negative;
      t.currency = before.currency;
      if (before.negative) value = -value;
    }

    if ((c === 101 || c === 69) && plainIntOrDecimal(chunk.info)) {
      // Scientific notation: `1e10`, `-127.32e13`, `12.32e+14`.
      let q = end + 1;
      if (text.charCodeAt(q) === 43 || text.charCodeAt(q) === 45) q++;
      const e = digitRunEnd(text, q);
      if (e > q && !isLetter(text.charCodeAt(e))) {
        value = Number(`${t.negative ? '-' : ''}${chunk.info.raw}e${text.slice(end + 1, e)}`);
        end = e;
      }
    } else if (c === 94 && plainIntOrDecimal(chunk.info)) {
      // Powers: `2.5^-1`.
      let q = end + 1;
      if (isDash(text.charCodeAt(q))) q++;
      const e = digitRunEnd(text, q);
      if (e > q) {
        const exp = Number(text.slice(q, e)) * (q > end + 1 ? -1 : 1);
        value = (t.negative ? -1 : 1) * Number(Math.pow(chunk.value, exp).toPrecision(15));
        end = e;
      }
    } else if (c === 47 && plainInt && isDigit(text.charCodeAt(end + 1))) {
      // `3/4` is a fraction; `24/7`, `9/11`, `2022/23` are pairs.
      const e = digitRunEnd(text, end + 1);
      const num = chunk.value;
      const den = Number(text.slice(end + 1, e));
      end = e;
      if (num < den && FRACTION_DENOMINATORS.has(den) && !glue) {
        value = ((t.negative ? -1 : 1) * num) / den;
        t.fraction = true;
      } else if (!glue) {
        role = 'slashed';
      }
    } else if (isLetter(c)) {
      const e = wordEnd(text, end);
      const suffix = text.slice(end, e);
      const scale =
        GLUED_SCALES[suffix] ?? (suffix === 'm' && (t.currency || countNounAfter(text, e)) ? 1e6 : undefined);
      if (glue) {
        t.gluedAfter = suffix;
      } else if (
        chunk.info.decimalSeparator === null &&
        chunk.info.groupSeparator !== '.' &&
        ORDINAL_SUFFIX.test(suffix)
      ) {
        role = 'ordinal';
        t.gluedAfter = suffix;
      } else if (scale !== undefined) {
        t.scale = { text: suffix, factor: scale };
        t.base = value;
        value = exactProduct(value, scale);
      } else if (plainInt && chunk.value <= 12 && AM_PM.test(suffix)) {
        role = 'time';
      } else {
        role = 'glued';
        t.gluedAfter = suffix;
      }
      end = e;
    } else if (plainInt && !glue) {
      // A mixed number: `2 1/4`.
      const mixed = this.mixedFraction(end);
      if (mixed) {
        value = ((t.negative ? -1 : 1) * (chunk.value * mixed.den + mixed.num)) / mixed.den;
        t.fraction = true;
        end = mixed.end;
      }
    }

    if (role === 'cardinal' && !t.scale && !t.fraction) {
      const s = this.spacedScale(end);
      if (s) {
        t.scale = { text: text.slice(s.wordStart, s.end), factor: s.factor };
        t.base = value;
        value = exactProduct(value, s.factor);
        end = s.end;
      }
    }
    if (role === 'cardinal' && plainInt && chunk.value <= 12 && !t.scale) {
      const after = text
        .slice(end, end + 10)
        .trimStart()
        .toLowerCase();
      if (CLOCK_WORDS.test(after)) role = 'time';
    }
    // Numbers glued to letters after a hyphen-less glue, e.g. `MiG-29K`: swallow trailing letters too.
    if (role === 'glued' && isLetter(text.charCodeAt(end))) {
      const e = wordEnd(text, end);
      t.gluedAfter = (t.gluedAfter ?? '') + text.slice(end, e);
      end = e;
    }
    if (start < this.lastEnd) start = i;
    t.start = start;
    t.end = end;
    t.text = text.slice(start, end);
    // Digit strings too long for a double (`1e999`, 400-digit hashes) are codes, not counts.
    if (!Number.isFinite(value) || chunk.info.integerDigits > 30) role = 'code';
    t.value = role === 'cardinal' || role === 'glued' || role === 'ordinal' ? value : null;
    t.role = role;
    if (t.scale === null) t.base = t.value;
    this.finish(t);
    return end;
  }

  /** Letters directly before the digits, or letters and a hyphen (`S-300`, `MiG-29`, `A4`). */
  private gluedBefore(i: number): string | null {
    const text = this.text;
    if (i === 0) return null;
    const c = text.charCodeAt(i - 1);
    if (isLetter(c) || c === 95) {
      const s = wordStartBefore(text, i);
      return text.slice(s, i) || text.slice(i - 1, i);
    }
    if ((c === 45 || c === 0x2011) && i >= 2 && isLetter(text.charCodeAt(i - 2))) {
      const s = wordStartBefore(text, i - 1);
      const word = text.slice(s, i - 1);
      if (HYPHEN_PREFIXES.has(word.toLowerCase())) return null;
      return text.slice(s, i);
    }
    return null;
  }

  private signAndCurrencyBefore(i: number): { start: number; negative: boolean; currency: string | null } {
    const text = this.text;
    let start = i;
    let negative = false;
    let currency: string | null = null;
    const minStart = this.lastEnd;
    const c = text.charCodeAt(i - 1);
    if (i > minStart && (c === 45 || c === 0x2212)) {
      const b = i >= 2 ? text.charCodeAt(i - 2) : 32;
      if (i === 1 || !(isDigit(b) || isLetter(b) || isDash(b) || b === 46 || b === 44)) {
        negative = true;
        start = i - 1;
      }
    }
    // Currency symbol glued or after one space: `$350`, `€2.5`, `US$ 1MM`.
    let p = start;
    if (
      p - 1 >= minStart &&
      isHSpace(text.charCodeAt(p - 1)) &&
      CURRENCY_SYMBOLS[text[p - 2] ?? ''] !== undefined
    )
      p--;
    const sym = text[p - 1] ?? '';
    if (p - 1 >= minStart && CURRENCY_SYMBOLS[sym] !== undefined) {
      currency = CURRENCY_SYMBOLS[sym]!;
      start = p - 1;
      if (sym === '$') {
        const s = wordStartBefore(text, start);
        const prefix = DOLLAR_PREFIXES[text.slice(s, start)];
        if (prefix && s >= minStart) {
          currency = prefix;
          start = s;
        }
      }
    } else {
      // A code or sign word before: `USD 5`, `minus 5`.
      let q = start;
      while (q > minStart && start - q < 3 && isHSpace(text.charCodeAt(q - 1))) q--;
      if (q < start) {
        const s = wordStartBefore(text, q);
        const word = text.slice(s, q);
        if (s >= minStart && CURRENCY_CODES.has(word)) {
          currency = word;
          start = s;
        } else if (s >= minStart && !negative && (word === 'minus' || word === 'negative')) {
          negative = true;
          start = s;
        }
      }
    }
    return { start, negative, currency };
  }

  /** `2  1/4` after an integer ending at `p`. */
  private mixedFraction(p: number): { num: number; den: number; end: number } | null {
    const text = this.text;
    let q = p;
    while (q < text.length && q - p < 3 && isHSpace(text.charCodeAt(q))) q++;
    if (q === p) return null;
    const e1 = digitRunEnd(text, q);
    if (e1 === q || text.charCodeAt(e1) !== 47) return null;
    const e2 = digitRunEnd(text, e1 + 1);
    if (e2 === e1 + 1 || isDigit(text.charCodeAt(e2)) || isLetter(text.charCodeAt(e2))) return null;
    const num = Number(text.slice(q, e1));
    const den = Number(text.slice(e1 + 1, e2));
    if (num >= den || !FRACTION_DENOMINATORS.has(den)) return null;
    return { num, den, end: e2 };
  }

  /** Scale words after the digits: `3.8 million`, `322 hundred`, `3 dozens`, `13 lakh crore`, `10 bln`. */
  private spacedScale(p: number): { wordStart: number; end: number; factor: number } | null {
    const text = this.text;
    let q = p;
    let factor = 1;
    let wordStart = -1;
    let end = p;
    for (let guard = 0; guard < 3; guard++) {
      let r = q;
      while (r < text.length && r - q < 3 && isHSpace(text.charCodeAt(r))) r++;
      if (r === q || !isLetter(text.charCodeAt(r))) break;
      const e = wordEnd(text, r);
      if (e - r > MAX_WORD_LENGTH) break;
      const raw = text.slice(r, e);
      const f = SPACED_ABBREVIATIONS[raw] ?? scaleAfterDigits(raw.toLowerCase());
      if (f === null || f === undefined || (guard > 0 && f <= factor)) break;
      if (wordStart < 0) wordStart = r;
      factor *= f;
      end = e;
      q = e;
    }
    return wordStart < 0 ? null : { wordStart, end, factor };
  }

  /** Reads a word phrase at `i` (a number word); returns where scanning resumes, or `i` if none. */
  private scanWords(i: number): number {
    const text = this.text;
    const items = new LazyWords(text, i);
    const first = items.at(0);
    if (!first) return i;
    const r = parseWordNumber(items, 0, { prevWord: () => prevWordAt(text, i) });
    if (!r) return i;
    const lastItem = items.at(r.end - 1)!;
    if (r.kind === 'ordinal') return lastItem.end;
    const start = first.start;
    const t = baseToken(text, start, lastItem.end, r.value);
    t.kind = r.kind === 'vague' ? 'vague' : 'words';
    t.negative = r.negative;
    t.fraction = r.fraction;
    t.another = first.word === 'another';
    if (r.scale) {
      t.scale = { text: r.scale.word, factor: r.scale.factor };
      t.base = r.base;
    }
    const glue = this.gluedBefore(start);
    // `three-nought-four` is three numbers, not names.
    if (glue && !isNumberPhraseWord(glue.slice(0, -1).toLowerCase())) {
      t.role = 'glued';
      t.gluedBefore = glue;
    }
    this.finish(t);
    return t.end;
  }

  /** Fills in the context fields and stores the token. */
  private finish(t: NumberToken): void {
    const text = this.text;
    if (t.value !== null && !Number.isFinite(t.value)) {
      t.role = 'code';
      t.value = null;
    }
    t.prevWord = prevWordAt(text, t.start);
    t.nextWord = nextWordAt(text, t.end);
    if (t.prevWord === 'another' && t.kind === 'digits') t.another = true;
    // `24-hour`, `12-year-old`
    if (isDash(text.charCodeAt(t.end)) && isLetter(text.charCodeAt(t.end + 1))) {
      let e = wordEnd(text, t.end + 1);
      for (
        let guard = 0;
        guard < 3 && text.charCodeAt(e) === 45 && isLetter(text.charCodeAt(e + 1));
        guard++
      ) {
        e = wordEnd(text, e + 1);
      }
      t.compound = text.slice(t.end + 1, Math.min(e, t.end + 41)).toLowerCase();
    }
    const next = text.charCodeAt(t.end);
    if (next === 37 || (isHSpace(next) && text.charCodeAt(t.end + 1) === 37)) t.percent = true;
    else if (t.nextWord === 'percent' || t.nextWord === 'pct') t.percent = true;
    else if (t.nextWord === 'per' && PER_CENT.test(text.slice(t.end, t.end + 14))) t.percent = true;
    if (t.currency === null && t.nextWord !== null) t.currency = CURRENCY_WORDS[t.nextWord] ?? null;
    if (t.currency === null && t.nextWord !== null && CURRENCY_CODES.has(t.nextWord.toUpperCase())) {
      const raw = text.slice(t.end).trimStart().slice(0, 3);
      if (CURRENCY_CODES.has(raw)) t.currency = raw;
    }
    this.tokens.push(t);
  }
}

/** Count nouns after `3.8m`, `5m` that make the `m` a million (`5m people`), not a metre (`100m away`). */
const COUNT_NOUNS = new Set(['people', 'children', 'men', 'women', 'civilians', 'refugees', 'residents']);
function countNounAfter(text: string, p: number): boolean {
  if (text.charCodeAt(p) !== 32) return false;
  const w = nextWordAt(text, p);
  if (w === null) return false;
  return COUNT_NOUNS.has(w) || (w.length > 4 && w.endsWith('s') && !NOT_COUNT_PLURALS.has(w));
}
const NOT_COUNT_PLURALS = new Set([
  'seconds',
  'minutes',
  'hours',
  'metres',
  'meters',
  'yards',
  'inches',
  'heats',
]);

function plainIntOrDecimal(info: DigitsInfo): boolean {
  return info.groupSeparator === null && info.decimalSeparator !== ',';
}

const JOINERS = new Set(['-', '–', '—', 'to', 'or', 'and']);

/**
 * Marks numbers joined by `-`, `to`, `or` (and `and` after `between`) and lets a scale distribute over
 * both ends of a range: `5-6 million` is 5,000,000 and 6,000,000.
 */
function linkRanges(text: string, tokens: NumberToken[]): void {
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!;
    const b = tokens[k]!;
    if (a.role !== 'cardinal' || b.role !== 'cardinal' || b.start - a.end > 8) continue;
    const gap = text.slice(a.end, b.start).trim();
    if (!JOINERS.has(gap) || (gap === 'and' && a.prevWord !== 'between')) continue;
    if (text.slice(a.end, b.start).includes('\n')) continue;
    b.joinedBefore = gap;
    if (
      b.scale &&
      !a.scale &&
      a.value !== null &&
      b.base !== null &&
      a.value > 0 &&
      a.value < b.base &&
      !a.percent &&
      a.kind !== 'vague'
    ) {
      a.base = a.value;
      a.value = exactProduct(a.value, b.scale.factor);
      a.scale = { ...b.scale };
      a.sharedScale = true;
    }
    if (a.currency && !b.currency) b.currency = a.currency;
    // `10-15%`: both ends are percentages.
    if (b.percent && gap !== 'and' && !a.scale) a.percent = true;
  }
}

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
