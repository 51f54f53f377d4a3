/** The one left-to-right pass over the text that finds every number-like token (see lib/figures/numbers.ts). */
import { monthNumber } from '../../calendar/months.ts';
import {
  MAX_WORD_LENGTH,
  NUMBER_CANDIDATES,
  exactProduct,
  isNumberPhraseWord,
  parseWordNumber,
  scaleAfterDigits,
  type WordItem,
  type WordSource,
} from '../number-words.ts';
import { type NumberRole, type DigitsInfo, type NumberToken } from './tokens.ts';
import {
  GLUED_SCALES,
  SPACED_ABBREVIATIONS,
  CURRENCY_SYMBOLS,
  DOLLAR_PREFIXES,
  CURRENCY_CODES,
  CURRENCY_WORDS,
  HYPHEN_PREFIXES,
  FRACTION_DENOMINATORS,
  COUNT_NOUNS,
  NOT_COUNT_PLURALS,
} from './tables.ts';
import {
  DATE_YMD,
  DATE_DMY,
  CLOCK,
  PHONE,
  ORDINAL_SUFFIX,
  AM_PM,
  CLOCK_WORDS,
  PER_CENT,
  isDigit,
  isAsciiLetter,
  isLetter,
  isHSpace,
  isDash,
  wordEnd,
  wordStartBefore,
  nextWordAt,
  prevWordAt,
  matchAt,
} from './chars.ts';
import { baseToken, digitRunEnd, readChunk } from './chunks.ts';
import { linkRanges } from './ranges.ts';

export function isPhone(m: string): boolean {
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
export class LazyWords implements WordSource {
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

export class Scanner {
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

export function countNounAfter(text: string, p: number): boolean {
  if (text.charCodeAt(p) !== 32) return false;
  const w = nextWordAt(text, p);
  if (w === null) return false;
  return COUNT_NOUNS.has(w) || (w.length > 4 && w.endsWith('s') && !NOT_COUNT_PLURALS.has(w));
}

export function plainIntOrDecimal(info: DigitsInfo): boolean {
  return info.groupSeparator === null && info.decimalSeparator !== ',';
}
