/**
 * Whether a page is about harm, displacement or aid at all, from its lead (its title and opening): the
 * figures Figure Check reads are counts of people killed, hurt, displaced, of aid and weapons. On a page
 * about something else (a phone review, a budget story, a bug tracker, a game) every number is something
 * else too: "$700" is a price, "1681331" a bug, "2" a sequel, so such a page has no figures at all.
 *
 * The vocabulary is data (data/topic-words.json), matched as whole words; a trailing `*` takes any ending.
 * Pure.
 */
import TOPIC from './data/topic-words.json';

/** How much of the page's start stands for its lead when no lead is given (the headline and first lines). */
export const LEAD_CHARS = 1_500;

function compile(words: readonly string[]): RegExp {
  // The words are letters and hyphens only (a test holds the data to that), so they need no escaping.
  const parts = words.map((w) => (w.endsWith('*') ? `${w.slice(0, -1)}[\\p{L}-]*` : `${w}(?![\\p{L}-])`));
  return new RegExp(`(?<![\\p{L}-])(?:${parts.join('|')})`, 'giu');
}

const STRONG = compile(TOPIC.strong);
const WEAK = compile(TOPIC.weak);

/** Distinct words of `re` in `text`, lower-cased, up to `enough`. */
function wordsOf(re: RegExp, text: string, enough: number): Set<string> {
  const found = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && found.size < enough; m = re.exec(text))
    found.add(m[0].toLowerCase());
  return found;
}

/** True when the lead speaks of harm, displacement or aid: one strong word, or two words in all. */
export function isAboutHarm(lead: string): boolean {
  const strong = wordsOf(STRONG, lead, 1).size;
  return strong > 0 || wordsOf(WEAK, lead, 2).size >= 2;
}
