/** The number reader's tables: scale suffixes, currencies, prefixes and the words that tell a count from a measure. */

/** Glued scale suffixes (`10k`, `1.2bn`, `10M`, `2mil`); a lowercase `m` only after a currency. */
export const GLUED_SCALES: Record<string, number> = {
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
export const SPACED_ABBREVIATIONS: Record<string, number> = {
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
export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₴': 'UAH',
  '₽': 'RUB',
  '₹': 'INR',
};
export const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD',
  A: 'AUD',
  AU: 'AUD',
  C: 'CAD',
  CA: 'CAD',
  NZ: 'NZD',
  HK: 'HKD',
};
export const CURRENCY_CODES = new Set([
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
export const CURRENCY_WORDS: Record<string, string> = {
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
export const HYPHEN_PREFIXES = new Set([
  'mid',
  'pre',
  'post',
  'early',
  'late',
  'over',
  'under',
  'about',
  'around',
]);
/** Denominators read as fractions in `a/b` (`3/4`, `1/3`); others are pairs such as `24/7`, `9/11`. */
export const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 16, 100]);

/** Count nouns after `3.8m`, `5m` that make the `m` a million (`5m people`), not a metre (`100m away`). */
export const COUNT_NOUNS = new Set([
  'people',
  'children',
  'men',
  'women',
  'civilians',
  'refugees',
  'residents',
]);
export const NOT_COUNT_PLURALS = new Set([
  'seconds',
  'minutes',
  'hours',
  'metres',
  'meters',
  'yards',
  'inches',
  'heats',
]);

export const JOINERS = new Set(['-', '–', '—', 'to', 'or', 'and']);
