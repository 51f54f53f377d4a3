/**
 * Month names as English news writes them: full names, three-letter abbreviations and `Sept`. One table
 * for every reader of dates (figure dates, page dates, datelines, the numbers that are dates). Pure.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Every way a month is written, lower-cased, to its number (1-12): `jan`, `january`, `sept`. */
const BY_WORD: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const forms = [lower, lower.slice(0, 3), ...(lower === 'september' ? ['sept'] : [])];
    return forms.map((form) => [form, i + 1] as const);
  }),
);

/** A regex alternation of every written form, longest first, capitalised: `January|Jan|...`. */
export const MONTH_PATTERN = MONTH_NAMES.map((name) =>
  name === 'May'
    ? 'May'
    : `${name.slice(0, 3)}(?:${name === 'September' ? 't(?:ember)?|ember' : name.slice(3)})?`,
).join('|');

/** The month number (1-12) of a written month (`Mar`, `March`, `Sept`, any case, a final dot aside). */
export function monthNumber(word: string): number | undefined {
  return BY_WORD.get(word.toLowerCase().replace(/\.$/, ''));
}

/** Every written form, capitalised as names are (`Jan`, `January`, `Sept`): "may" and "march" are verbs. */
export const MONTH_WORDS: ReadonlySet<string> = new Set(
  [...BY_WORD.keys()].map((w) => w[0]!.toUpperCase() + w.slice(1)),
);
