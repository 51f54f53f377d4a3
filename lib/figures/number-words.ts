/**
 * Numbers written in English words: `twenty-one`, `one hundred and sixty-one`, `a dozen`,
 * `half a million`, `three quarters`, `two point five`, and vague quantities such as
 * `hundreds of thousands`. Pure code over a short list of words already split by the scanner
 * (lib/figures/numbers.ts), so it never looks at more than one phrase.
 */

/** One word of a candidate phrase, lower-cased, with its offsets in the text. */
export interface WordItem {
  word: string;
  start: number;
  end: number;
  /** A plain digit run standing in a word phrase (only after `over`: `one over 20`). */
  digits: number | null;
}

/**
 * The words of a candidate phrase, read from the text on demand so that a phrase that ends early
 * (`a man`, `one of`) costs one or two words, not a fixed look-ahead.
 */
export interface WordSource {
  /** The k-th word of the phrase, or undefined past its last word. */
  at(k: number): WordItem | undefined;
  /** The word right after the last word of the phrase (known once `at` returned undefined), or null. */
  stopWord(): string | null;
}

export interface WordNumber {
  kind: 'words' | 'vague' | 'ordinal';
  /** null for vague quantities. */
  value: number | null;
  /** Index after the last item of the phrase. */
  end: number;
  /** The scale word the phrase ends with (`million` in `two million`), and the number before it. */
  scale: { word: string; factor: number } | null;
  base: number | null;
  fraction: boolean;
  negative: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0,
  nought: 0,
  naught: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Multipliers after a number (`two million`, `three lakh crore`); plurals only after a number. */
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  lakh: 1e5,
  crore: 1e7,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  trillions: 1e12,
  lakhs: 1e5,
  crores: 1e7,
};
const DOZENS = new Set(['dozen', 'dozens', 'doz', 'dozs', 'dz', 'dzs']);
const DETERMINERS = new Set(['a', 'an', 'another']);
/** Plural scale words that alone are a quantity without a value: `thousands`, `hundreds of thousands`. */
const VAGUE_PLURALS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions']);
/** `several hundred`, `a few thousand`, `many thousands`. */
const VAGUE_DETERMINERS = new Set(['several', 'few', 'many']);
const VAGUE_AFTER_DETERMINER = new Set([
  'dozen',
  'hundred',
  'thousand',
  'million',
  'billion',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
]);

/** Ordinal words; those from `third` on also name fractions (`three fifths`, `a hundredth`). */
const ORDINAL_UNITS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};
const ORDINAL_TEENS: Record<string, number> = {
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};
const ORDINAL_TENS: Record<string, number> = {
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};
const ORDINAL_SCALES: Record<string, number> = {
  hundredth: 100,
  thousandth: 1e3,
  millionth: 1e6,
  billionth: 1e9,
  trillionth: 1e12,
};

/** Every word that can start a number phrase (the scanner only tries phrases at these). */
const STARTERS = new Set<string>([
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  ...DETERMINERS,
  ...VAGUE_PLURALS,
  ...VAGUE_DETERMINERS,
  'half',
  'tens',
  'scores',
  'minus',
  'negative',
]);
/**
 * Where a number may start: a digit (or `.`, `+`, `(` before one), or a whole word that can start a
 * number phrase. A flat alternation of literal words, no nested quantifiers: the engine scans in
 * linear time and skips ordinary prose far faster than a character loop in JavaScript.
 */
export const NUMBER_CANDIDATES = new RegExp(
  `[.+(]?\\d|\\b(?:${[...STARTERS].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);
/** Every word that can stand inside a number phrase. */
const PHRASE_WORDS = new Set<string>([
  ...STARTERS,
  ...Object.keys(SCALES),
  ...DOZENS,
  ...Object.keys(ORDINAL_UNITS),
  ...Object.keys(ORDINAL_TEENS),
  ...Object.keys(ORDINAL_TENS),
  ...Object.keys(ORDINAL_SCALES),
  ...[...Object.keys(ORDINAL_UNITS), ...Object.keys(ORDINAL_TEENS), ...Object.keys(ORDINAL_TENS)].map(
    (w) => `${w}s`,
  ),
  ...Object.keys(ORDINAL_SCALES).map((w) => `${w}s`),
  'hundred',
  'quarter',
  'quarters',
  'halves',
  'and',
  'of',
  'point',
  'over',
]);

export const MAX_WORD_LENGTH = 12;

export function isNumberWordStart(word: string): boolean {
  return STARTERS.has(word);
}
export function isNumberPhraseWord(word: string): boolean {
  return PHRASE_WORDS.has(word);
}

/** The factor of a scale word that may follow digits: `3.8 million`, `322 hundred`, `3 dozens`, `13 lakh`. */
export function scaleAfterDigits(word: string): number | null {
  if (word === 'hundred' || word === 'hundreds') return 100;
  if (DOZENS.has(word)) return 12;
  return SCALES[word] ?? null;
}

type Cls = 'none' | 'det' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'dozen' | 'and';

interface Cardinal {
  value: number;
  end: number;
  last: Cls;
  /** The value before the last `and` and the index after it (`one hundred and three quarters`). */
  beforeAnd: { value: number; index: number } | null;
  /** Index where the cardinal started, after a determiner or not. */
  detOnly: boolean;
  scale: { word: string; factor: number } | null;
}

function wordAt(items: WordSource, k: number): string {
  return items.at(k)?.word ?? '';
}

/**
 * The longest well-formed cardinal at `k`: `one hundred and sixty-one`, `a dozen`, `twenty-one trillion
 * and three hundred`. `and` joins only after `hundred` or a scale (`two thousand and two hundred`), never
 * after `between ... ` (`between one hundred and two hundred` is two numbers).
 */
function parseCardinal(items: WordSource, k0: number, firstAndEnds: boolean): Cardinal | null {
  let total = 0;
  let hundreds = 0;
  let small = 0;
  let last: Cls = 'none';
  let lastScale = Infinity;
  let best: Cardinal | null = null;
  let andSeen: { value: number; index: number } | null = null;
  let pendingAnd: { value: number; index: number } | null = null;
  let scale: { word: string; factor: number } | null = null;
  for (let k = k0; items.at(k) !== undefined; k++) {
    const w = wordAt(items, k);
    let valid = true;
    let isScale = false;
    const unit = UNITS[w];
    const teen = TEENS[w];
    const tens = TENS[w];
    const sc = SCALES[w];
    if (DETERMINERS.has(w)) {
      if (last !== 'none') break;
      small = 1;
      last = 'det';
      valid = false;
    } else if (unit !== undefined) {
      if (last === 'none' || last === 'hundred' || last === 'scale' || last === 'and') {
        // `zero` and `nought` stand alone (`three-nought-four` is three numbers).
        if (unit === 0 && last !== 'none') break;
        small = unit;
      } else if (last === 'tens' && unit >= 1) small += unit;
      else break;
      if (unit === 0 && last === 'none') {
        last = 'unit';
        best = { value: 0, end: k + 1, last, beforeAnd: andSeen, detOnly: false, scale: null };
        break;
      }
      last = 'unit';
    } else if (teen !== undefined) {
      if (last === 'none' || last === 'hundred' || last === 'scale' || last === 'and') small = teen;
      else break;
      last = 'teen';
    } else if (tens !== undefined) {
      if (last === 'none' || last === 'hundred' || last === 'scale' || last === 'and') small = tens;
      else break;
      last = 'tens';
    } else if (w === 'hundred') {
      if (
        (last === 'unit' || last === 'teen' || last === 'tens' || last === 'det') &&
        hundreds === 0 &&
        small > 0
      ) {
        hundreds = small * 100;
        small = 0;
        last = 'hundred';
        isScale = true;
        // A scale is reported only when it multiplies the whole phrase (not `one thousand five hundred`).
        scale = total === 0 ? { word: w, factor: 100 } : null;
      } else break;
    } else if (sc !== undefined) {
      const current = hundreds + small;
      const plural = w.endsWith('s');
      if (
        (last === 'unit' ||
          last === 'teen' ||
          last === 'tens' ||
          last === 'hundred' ||
          (last === 'det' && !plural)) &&
        current > 0 &&
        sc < lastScale
      ) {
        scale = total === 0 ? { word: w, factor: sc } : null;
        total += current * sc;
        hundreds = 0;
        small = 0;
        lastScale = sc;
        last = 'scale';
      } else if (last === 'scale' && current === 0 && sc > lastScale) {
        // `three lakh crore`, `a thousand million`: scales multiply.
        total *= sc;
        lastScale = sc * lastScale;
        last = 'scale';
        scale = scale ? { word: w, factor: scale.factor * sc } : null;
      } else break;
      isScale = true;
    } else if (DOZENS.has(w)) {
      if ((last === 'unit' || last === 'teen' || last === 'tens' || last === 'det') && small > 0) {
        small *= 12;
        last = 'dozen';
        isScale = true;
        scale = total === 0 && hundreds === 0 ? { word: w, factor: 12 } : null;
      } else break;
    } else if (w === 'and') {
      if ((last === 'hundred' || last === 'scale') && !firstAndEnds) {
        pendingAnd = { value: total + hundreds + small, index: k + 1 };
        last = 'and';
        valid = false;
      } else break;
    } else break;
    if (valid) {
      if (pendingAnd) {
        andSeen = pendingAnd;
        pendingAnd = null;
      }
      if (!isScale) scale = null;
      best = { value: total + hundreds + small, end: k + 1, last, beforeAnd: andSeen, detOnly: false, scale };
    }
  }
  if (!best && last === 'det') {
    return { value: 1, end: k0 + 1, last: 'det', beforeAnd: null, detOnly: true, scale: null };
  }
  return best;
}

/** A fraction word at `k` (`fifths`, `quarter`, `twenty-fifth`): its denominator, whether plural, and its end. */
function denominatorAt(
  items: WordSource,
  k: number,
): { den: number; plural: boolean; end: number; compound: boolean } | null {
  const w = wordAt(items, k);
  const tens = TENS[w];
  if (tens !== undefined) {
    const next = denominatorWord(wordAt(items, k + 1));
    if (next && next.den < 10)
      return { den: tens + next.den, plural: next.plural, end: k + 2, compound: true };
    return null;
  }
  const d = denominatorWord(w);
  return d ? { den: d.den, plural: d.plural, end: k + 1, compound: false } : null;
}

function denominatorWord(w: string): { den: number; plural: boolean } | null {
  if (w === 'half') return { den: 2, plural: false };
  if (w === 'halves') return { den: 2, plural: true };
  if (w === 'quarter') return { den: 4, plural: false };
  if (w === 'quarters') return { den: 4, plural: true };
  const plural = w.endsWith('s');
  const stem = plural ? w.slice(0, -1) : w;
  // `first` and `second` never name fractions (`a second round`); `half` does.
  if (stem === 'first' || stem === 'second') return null;
  const den = ORDINAL_UNITS[stem] ?? ORDINAL_TEENS[stem] ?? ORDINAL_TENS[stem] ?? ORDINAL_SCALES[stem];
  return den === undefined ? null : { den, plural };
}

/** Whether an ordinal word at `k` would continue the cardinal (`twenty-first`, `one hundred and first`). */
function continuesAsOrdinal(items: WordSource, k: number, last: Cls): boolean {
  const w = wordAt(items, k);
  if (w.endsWith('s')) return false;
  if (last === 'tens') return ORDINAL_UNITS[w] !== undefined;
  if (last === 'unit' || last === 'teen' || last === 'det') return ORDINAL_SCALES[w] !== undefined;
  if (last === 'hundred' || last === 'scale' || last === 'and') {
    return (
      ORDINAL_UNITS[w] !== undefined ||
      ORDINAL_TEENS[w] !== undefined ||
      ORDINAL_TENS[w] !== undefined ||
      ORDINAL_SCALES[w] !== undefined
    );
  }
  return false;
}

/** A singular fraction (`a fifth`, `one eighth`) only where no noun follows: `a fifth day` is an ordinal. */
function singularFractionEndsHere(items: WordSource, end: number): boolean {
  if (items.at(end) !== undefined) return wordAt(items, end) === 'of';
  const next = items.stopWord();
  return next === null || next === 'of';
}

function result(
  kind: WordNumber['kind'],
  value: number | null,
  end: number,
  extra: Partial<WordNumber> = {},
): WordNumber {
  return { kind, value, end, scale: null, base: null, fraction: false, negative: false, ...extra };
}

/** `hundreds of thousands`, `tens of thousands`, `dozens`, `several hundred`, `a few thousand`. */
function parseVague(items: WordSource, k0: number): WordNumber | null {
  let k = k0;
  let w = wordAt(items, k);
  if (w === 'a' && wordAt(items, k + 1) === 'few') {
    k++;
    w = 'few';
  }
  if (VAGUE_DETERMINERS.has(w)) {
    let end = -1;
    for (let j = k + 1; VAGUE_AFTER_DETERMINER.has(wordAt(items, j)); j++) end = j + 1;
    if (end < 0) return null;
    return result('vague', null, extendVagueOf(items, end));
  }
  if (w === 'tens' || w === 'scores') {
    if (wordAt(items, k + 1) !== 'of') return null;
    const afterOf = wordAt(items, k + 2);
    if (w === 'tens' && !VAGUE_PLURALS.has(afterOf)) return null;
    if (w === 'scores' && !VAGUE_PLURALS.has(afterOf)) return result('vague', null, k + 1);
    return result('vague', null, extendVagueOf(items, k + 1));
  }
  if (VAGUE_PLURALS.has(w)) return result('vague', null, extendVagueOf(items, k + 1));
  return null;
}

function extendVagueOf(items: WordSource, end: number): number {
  let e = end;
  while (wordAt(items, e) === 'of' && VAGUE_PLURALS.has(wordAt(items, e + 1))) e += 2;
  return e;
}

/** `point zero three` → 0.03, `point seventy-one` → 0.71; returns the digits and the end. */
function parseDecimalWords(items: WordSource, k0: number): { digits: string; end: number } | null {
  let digits = '';
  let k = k0;
  const first = wordAt(items, k);
  const tens = TENS[first];
  const teen = TEENS[first];
  if (teen !== undefined) return { digits: String(teen), end: k + 1 };
  if (tens !== undefined) {
    const unit = UNITS[wordAt(items, k + 1)];
    if (unit !== undefined && unit > 0) return { digits: String(tens + unit), end: k + 2 };
    return { digits: String(tens / 10), end: k + 1 };
  }
  for (; ; k++) {
    const u = UNITS[wordAt(items, k)];
    if (u === undefined) break;
    digits += String(u);
  }
  return digits ? { digits, end: k } : null;
}

/** A scale word right after a phrase multiplies it: `one and a half million`, `two point five billion`. */
function applyTrailingScale(items: WordSource, r: WordNumber): WordNumber {
  if (r.value === null) return r;
  const w = wordAt(items, r.end);
  const f = SCALES[w] ?? (w === 'hundred' ? 100 : undefined);
  if (f === undefined || w.endsWith('s')) return r;
  return {
    ...r,
    value: exactProduct(r.value, f),
    end: r.end + 1,
    scale: { word: w, factor: f },
    base: r.value,
  };
}

/** `3.8 * 1e6` is 3799999.9999999995 in floating point; go through the decimal string instead. */
export function exactProduct(value: number, factor: number): number {
  const exp = Math.log10(factor);
  if (Number.isInteger(exp)) return Number(`${value}e${exp}`);
  return value * factor;
}

export interface WordContext {
  /** The word before the phrase, lower-cased (`between`, `no`); asked only when it matters. */
  prevWord(): string | null;
}

/**
 * Reads the number phrase starting at item `k0`, or null when the words there are not a number
 * (`a man`, `half of`, `one another`).
 */
export function parseWordNumber(items: WordSource, k0: number, ctx: WordContext): WordNumber | null {
  const first = wordAt(items, k0);
  if (first === 'minus' || first === 'negative') {
    const inner = parseWordNumber(items, k0 + 1, { prevWord: () => first });
    if (!inner || inner.value === null || inner.kind !== 'words') return null;
    return { ...inner, value: -inner.value, negative: true };
  }
  // Pronoun uses of `one` are not counts.
  if (first === 'one' && (ctx.prevWord() === 'no' || wordAt(items, k0 + 1) === 'another')) return null;

  const vague = parseVague(items, k0);
  if (vague) return vague;

  if (first === 'half') {
    // `half a million`, `half a dozen`; a bare `half` is a proportion, not a number.
    const det = wordAt(items, k0 + 1);
    const w = wordAt(items, k0 + 2);
    const f = SCALES[w] ?? (DOZENS.has(w) ? 12 : w === 'hundred' ? 100 : undefined);
    if ((det === 'a' || det === 'an') && f !== undefined && !w.endsWith('s')) {
      return result('words', f / 2, k0 + 3, { scale: { word: w, factor: f }, base: 0.5 });
    }
    return null;
  }
  if ((first === 'a' || first === 'an') && wordAt(items, k0 + 1) === 'half') {
    const w = wordAt(items, k0 + 2);
    const f = SCALES[w];
    if (f !== undefined && !w.endsWith('s')) {
      return result('words', f / 2, k0 + 3, { scale: { word: w, factor: f }, base: 0.5 });
    }
  }

  const card = parseCardinal(items, k0, wordAt(items, k0 + 1) !== '' && ctx.prevWord() === 'between');
  if (!card) return null;
  const value = card.value;
  const end = card.end;

  // Fractions: `three quarters`, `a hundred trillionths`, `one twenty-fifth`, `one hundred and three quarters`.
  const den = denominatorAt(items, end);
  if (den && (den.plural || value === 1) && value !== 0) {
    const singularOk = den.plural || singularFractionEndsHere(items, den.end);
    if (
      singularOk &&
      !(den.compound && card.last !== 'unit' && card.last !== 'tens' && card.last !== 'det')
    ) {
      // One division, so the result is the correctly rounded quotient.
      const b = card.beforeAnd && den.den === 4 && !den.compound ? card.beforeAnd.value : 0;
      return result('words', (b * den.den + (value - b)) / den.den, den.end, { fraction: true });
    }
  }
  if (continuesAsOrdinal(items, end, card.last)) return result('ordinal', null, end + 1);
  if (wordAt(items, end) === 'and' && continuesAsOrdinal(items, end + 1, 'and')) {
    return result('ordinal', null, end + 2);
  }
  if (card.detOnly) return null;

  // Mixed numbers: `one and a half`, `twenty and three fifths`, `five and a quarter`.
  if (wordAt(items, end) === 'and') {
    const mixed = parseFractionPart(items, end + 1);
    if (mixed) {
      return applyTrailingScale(
        items,
        result('words', (value * mixed.den + mixed.num) / mixed.den, mixed.end, { fraction: true }),
      );
    }
  }
  // Decimals in words: `two hundred point zero three`.
  if (wordAt(items, end) === 'point') {
    const dec = parseDecimalWords(items, end + 1);
    if (dec) {
      return applyTrailingScale(items, result('words', Number(`${value}.${dec.digits}`), dec.end));
    }
  }
  // `one over twenty`, `one over 20`.
  if (wordAt(items, end) === 'over' && value < 100) {
    const next = items.at(end + 1);
    if (next?.digits !== null && next?.digits !== undefined && next.digits > 0) {
      return result('words', value / next.digits, end + 2, { fraction: true });
    }
    const denom = parseCardinal(items, end + 1, false);
    if (denom && !denom.detOnly && denom.value > 0) {
      return result('words', value / denom.value, denom.end, { fraction: true });
    }
  }
  const scale = card.scale;
  return result('words', value, end, scale ? { scale, base: value / scale.factor } : {});
}

/** After `and` in a mixed number: `a half`, `a quarter`, `three fifths`. */
function parseFractionPart(items: WordSource, k: number): { num: number; den: number; end: number } | null {
  const w = wordAt(items, k);
  if (w === 'a' || w === 'an' || w === 'one') {
    const d = denominatorAt(items, k + 1);
    if (d && !d.plural) return { num: 1, den: d.den, end: d.end };
  }
  const card = parseCardinal(items, k, true);
  if (!card || card.detOnly) return null;
  const d = denominatorAt(items, card.end);
  if (d && (d.plural || card.value === 1)) return { num: card.value, den: d.den, end: d.end };
  return null;
}
