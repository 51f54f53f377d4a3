/**
 * Sentences of a text, with offsets, in one linear pass. A figure takes its meaning from its sentence and
 * the ones just before it, so this is the unit every other module of lib/figures works on.
 *
 * - A newline always ends a sentence: headlines, captions, bylines and live-blog lines carry no full stop.
 *   Every newline run also starts a new paragraph (seed texts separate paragraphs with one newline, page
 *   text with a blank line).
 * - `.`, `!`, `?` end a sentence when followed by space and a capital, a digit or an opening quote, except
 *   after a known abbreviation (`Mr.`, `Gen.`, `Feb.`, `U.S.`) or an initial (`J. Smith`).
 * - A sentence longer than MAX_SENTENCE is cut at a space, so work per sentence stays bounded.
 */

export interface Sentence {
  /** Offsets into the text; `end` is exclusive and excludes the trailing space. */
  start: number;
  end: number;
  /** Index of the paragraph the sentence is in (0-based). */
  paragraph: number;
}

export const MAX_SENTENCE = 1_500;

const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr st gen lt col sgt capt cpt maj adm brig cmdr gov sen rep prof rev jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec no nos vs etc approx est jr sr inc ltd co corp mt ft fig vol pp u.s u.n u.k e.g i.e a.m ' +
    'p.m ca cf al'
  ).split(' '),
);

const CLOSER = /["'”’)\]»]/;
const OPENER = /["“‘([«]/;
/** Where a sentence may end: a newline or a run of terminators. Found by search, not char by char. */
const BOUNDARY = /\n|[.!?]+/g;
const SPACE = /\s/;

function isSentenceStartChar(ch: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENER.test(ch);
}

/** Whether the `.` at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && dot - i < 8 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    while (e - s > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
      if (cut <= s) cut = s + MAX_SENTENCE;
      out.push({ start: s, end: cut, paragraph });
      s = cut;
      while (s < e && SPACE.test(text[s]!)) s++;
    }
    if (e > s) out.push({ start: s, end: e, paragraph });
  };

  const n = text.length;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const i = m.index;
    if (text[i] === '\n') {
      push(i);
      let k = i;
      while (k < n && SPACE.test(text[k]!)) k++;
      start = k;
      BOUNDARY.lastIndex = k;
      if (out.length > 0 && out[out.length - 1]!.paragraph === paragraph) paragraph++;
      continue;
    }
    let j = i + m[0].length;
    while (j < n && CLOSER.test(text[j]!)) j++;
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    const ends =
      k > j && k < n && isSentenceStartChar(text[k]!) && !(m[0] === '.' && isAbbreviation(text, i));
    if (ends) {
      push(j);
      start = k;
      BOUNDARY.lastIndex = k;
    }
  }
  push(n);
  return out;
}
