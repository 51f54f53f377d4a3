/**
 * From numbers to candidate figures: the qualifier written before a number (`more than`, `nearly`, `up
 * to`...) and the interval it allows, and ranges (`between 5,000 and 6,000`, `5-6 million`) merged into one
 * figure. Interval convention (docs/figures-and-claims.md): exact v → [v, v]; about v → [0.9v, 1.1v];
 * nearly v → [0.9v, v]; more than / at least v → [v, null]; up to / as high as v → [null, v]; range →
 * [a, b]; vague → all null.
 */
import type { Qualifier } from '../types.ts';
import type { NumberToken } from './numbers.ts';

export interface Candidate {
  /** The figure as written, qualifier included: `more than 3.8 million`, `between 5,000 and 6,000`. */
  text: string;
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  /** The number tokens the figure is made of: one, or both ends of a range. */
  tokens: NumberToken[];
}

const QUALIFIER_WORDS: readonly [string, Qualifier][] = [
  ['no fewer than', 'at_least'],
  ['no less than', 'at_least'],
  ['not less than', 'at_least'],
  ['at least', 'at_least'],
  ['a minimum of', 'at_least'],
  ['more than', 'more_than'],
  ['more then', 'more_than'],
  ['just over', 'more_than'],
  ['well over', 'more_than'],
  ['upwards of', 'more_than'],
  ['in excess of', 'more_than'],
  ['over', 'more_than'],
  ['exceeding', 'more_than'],
  ['above', 'more_than'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['just under', 'nearly'],
  ['approaching', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['some', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['up to', 'up_to'],
  ['as high as', 'up_to'],
  ['as many as', 'up_to'],
  ['fewer than', 'up_to'],
  ['less than', 'up_to'],
  ['at most', 'up_to'],
  ['under', 'up_to'],
  ['a maximum of', 'up_to'],
  ['below', 'up_to'],
];

/** Verbs that bound a figure without being part of how it is written: "deaths pass 7,000". */
const BOUNDING_VERB =
  /\b(?:pass(?:es|ed)?|top(?:s|ped)?|exceed(?:s|ed)?|surpass(?:es|ed)?|crossed|cross(?:es)?)\s+(?:the\s+)?$/i;

// Longest first, so "just over" wins over "over".
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${[...QUALIFIER_WORDS]
    .map(([w]) => w)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.]/g, '\\.').replace(/ /g, '\\s+'))
    .join('|')})\\s+$`,
  'iu',
);
const QUALIFIER_OF: ReadonlyMap<string, Qualifier> = new Map(QUALIFIER_WORDS);
/** The words qualifiers end with: no pattern runs before a number preceded by anything else. */
const LAST_WORDS: ReadonlySet<string> = new Set(
  QUALIFIER_WORDS.map(([w]) => w.split(' ').pop()!.replace(/\.$/, '')),
);

const RANGE_JOINERS: ReadonlySet<string> = new Set(['-', '–', '—', 'to', 'or', 'and']);

/** Rounds away floating-point noise: 0.9 × 3.8e6 is 3420000, not 3420000.0000000005. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** The interval a qualified value allows. */
export function intervalFor(
  qualifier: Qualifier,
  value: number | null,
): { low: number | null; high: number | null } {
  if (value === null) return { low: null, high: null };
  switch (qualifier) {
    case 'exact':
      return { low: value, high: value };
    case 'about':
      return { low: clean(0.9 * value), high: clean(1.1 * value) };
    case 'nearly':
      return { low: clean(0.9 * value), high: value };
    case 'more_than':
    case 'at_least':
      return { low: value, high: null };
    case 'up_to':
      return { low: null, high: value };
    default:
      return { low: null, high: null };
  }
}

/** The qualifier written right before `start`, and where it begins. */
export function qualifierBefore(
  text: string,
  start: number,
  prevWord?: string | null,
): { qualifier: Qualifier; start: number } | null {
  if (prevWord !== undefined && (prevWord === null || !LAST_WORDS.has(prevWord))) return null;
  const before = text.slice(Math.max(0, start - 24), start);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m) return null;
  const phrase = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const qualifier = QUALIFIER_OF.get(phrase);
  if (!qualifier) return null;
  const phraseStart = m.index + (m[0].startsWith(m[1]!) ? 0 : 1);
  return { qualifier, start: start - before.length + phraseStart };
}

/** Whether tokens `a` and `b` (consecutive) form one range: `5-6 million`, `between 5,000 and 6,000`. */
function isRange(text: string, a: NumberToken, b: NumberToken): boolean {
  if (!b.joinedBefore || !RANGE_JOINERS.has(b.joinedBefore)) return false;
  if (a.value === null || b.value === null || a.value >= b.value) return false;
  // "rose from 249 to 300" is a change between two figures, not one range.
  if (b.joinedBefore === 'to' && a.prevWord === 'from') return false;
  if (b.joinedBefore === 'and' && a.prevWord !== 'between') return false;
  return !text.slice(a.end, b.start).includes('\n');
}

/**
 * Candidate figures from the number tokens of one sentence (already stripped of non-figures), in order.
 */
export function qualify(text: string, tokens: readonly NumberToken[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b && isRange(text, a, b)) {
      let start = a.start;
      if (a.prevWord === 'between') {
        const from = Math.max(0, a.start - 12);
        const at = text.slice(from, a.start).toLowerCase().lastIndexOf('between');
        if (at >= 0) start = from + at;
      }
      out.push({
        text: text.slice(start, b.end),
        start,
        end: b.end,
        // A range has no single value; its interval says what it allows.
        value: null,
        low: a.value,
        high: b.value,
        qualifier: 'range',
        tokens: [a, b],
      });
      i++;
      continue;
    }
    if (a.value === null) {
      out.push({
        text: a.text,
        start: a.start,
        end: a.end,
        value: null,
        low: null,
        high: null,
        qualifier: 'vague',
        tokens: [a],
      });
      continue;
    }
    const q = qualifierBefore(text, a.start, a.prevWord?.replace(/\.$/, '') ?? null);
    const bounded = !q && BOUNDING_VERB.test(text.slice(Math.max(0, a.start - 16), a.start));
    const qualifier = q?.qualifier ?? (bounded ? 'more_than' : 'exact');
    const start = q?.start ?? a.start;
    out.push({
      text: text.slice(start, a.end),
      start,
      end: a.end,
      value: a.value,
      ...intervalFor(qualifier, a.value),
      qualifier,
      tokens: [a],
    });
  }
  return out;
}
