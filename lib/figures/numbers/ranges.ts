/** Numbers joined into ranges: `5-6 million`, `between 10 and 15`, `10-15%`. */
import { exactProduct } from '../number-words.ts';
import { type NumberToken } from './tokens.ts';
import { JOINERS } from './tables.ts';

/**
 * Marks numbers joined by `-`, `to`, `or` (and `and` after `between`) and lets a scale distribute over
 * both ends of a range: `5-6 million` is 5,000,000 and 6,000,000.
 */
export function linkRanges(text: string, tokens: NumberToken[]): void {
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
