/** A run of digits and its separators read as one number: `1,252`, `5.000`, `1 369`, `3,8`. */
import { scaleAfterDigits } from '../number-words.ts';
import { type DigitsInfo, type NumberToken } from './tokens.ts';
import { isDigit, isHSpace, isGroupSpace, nextWordAt } from './chars.ts';

export function baseToken(text: string, start: number, end: number, value: number | null): NumberToken {
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

export interface Chunk {
  /** End of the digits read. */
  end: number;
  value: number;
  info: DigitsInfo;
}

/** Reads a run of ASCII digits at `p`. */
export function digitRunEnd(text: string, p: number): number {
  let e = p;
  while (e < text.length && isDigit(text.charCodeAt(e))) e++;
  return e;
}

/**
 * The digits at `start` with their separators, read as one number if the separators make sense
 * (`1,252`, `1 369`, `5.000`, `1,674.5`, `1.234,5`), else the longest sensible prefix (`192` of
 * `192.168.1.2`, `22` of `22,24,26,31`).
 */
export function readChunk(text: string, start: number, monthBefore: boolean): Chunk {
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

export function interpretChunk(
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
export function wordFollows(text: string, p: number): boolean {
  if (p >= text.length || !isHSpace(text.charCodeAt(p))) return false;
  const w = nextWordAt(text, p);
  if (w === null) return false;
  if (scaleAfterDigits(w) !== null || w === 'percent' || w === 'per' || w === 'pct') return false;
  const raw = text.slice(p).trimStart().slice(0, 4);
  return !(raw.startsWith('M ') || raw.startsWith('k ') || raw.startsWith('bn') || raw.startsWith('mn'));
}

export function makeChunk(
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
