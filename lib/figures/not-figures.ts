/**
 * Numbers that are never figures, whatever surrounds them (docs/figures-and-claims.md): years, dates, times,
 * durations used as time, ages, ordinals, percentages, phone numbers, ids and model numbers, numbers in
 * URLs, page furniture (share and comment counts, "5 min read"), population baselines ("Ukraine's 44
 * million people") and "one of". Each rule looks only at the number and a few dozen characters around it.
 */
import type { Metric, NumberSpan } from '../types.ts';
import type { Candidate } from './qualifiers.ts';
import type { NumberToken } from './numbers.ts';
import { MONTH_PATTERN, MONTH_WORDS } from '../calendar/months.ts';

export type NotFigureReason =
  | 'year'
  | 'date'
  | 'time'
  | 'duration'
  | 'age'
  | 'ordinal'
  | 'percentage'
  | 'phone'
  | 'id'
  | 'url'
  | 'furniture'
  | 'baseline'
  | 'one-of'
  | 'measurement'
  | 'fraction'
  | 'modifier';

const AROUND = 48;

const MONTH = MONTH_PATTERN;
/** The words before a number are looked up in sets: no regex scans backwards through the text. */
function set(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}
// Month names with their capital only: "may" and "march" are also verbs.
const MONTHS = MONTH_WORDS;
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTH})\\b`, 'u');
const NUMERIC_DATE = /^[/.-]\d{1,2}[/.-]\d{2,4}\b|^-\d{2}-\d{2}\b/;
const NUMERIC_DATE_BEFORE = /\d{1,4}[/.-]\d{1,2}[/.-]$|\d{4}-$/;

const COUNTED_NOUN_AFTER =
  /^\s+(?:[\p{L}-]+\s+)?(?:people|civilians|children|troops|soldiers|refugees|casualties|deaths|dead|killed|injured|wounded|homes|buildings|missiles|attacks)\b/iu;
const YEAR_TAIL = /^(?:s\b|'s\b|’s\b|[-–]\d{2,4}\b)/;
const YEAR_WORDS = set(
  'in since by of from until till before after during year early late mid spring summer autumn fall winter january february march april may june july august september october november december',
);

const TIME_AFTER =
  /^(?::\d{2}|\.\d{2}\s*(?:a\.?m|p\.?m)|\s*(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])|\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|PT|Kyiv time|local time|hrs)\b|\s*o'clock\b|h\d{2}\b)/iu;

const DURATION_UNIT =
  'seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|mos?|years?|yrs?|decades?|centuries|century|weekends?';
const DURATION_AFTER = new RegExp(
  `^(?:\\s+|-)(?:(?:more|full|long|straight|consecutive|whole|additional|further|other)\\s+)?(?:${DURATION_UNIT})\\b`,
  'i',
);
const AGO_AFTER = /^\s*[a-z]{0,8}\s+ago\b|^[a-z]{1,3}\s+ago\b/i;

const AGE_WORDS = set('age aged ages');
const AGE_AFTER = /^[\s-]*(?:years?|yrs?|months?)[\s-]*old\b|^-year-old|^\s*-?\s*year\s*-?\s*old/i;
const AGE_PAREN = /[\p{Lu}][\p{L}]+,?\s*\($/u;
/** "Dead at 69", "died at the age of 80", "before he was two": a person's age, not a count. */
const AGE_BEFORE =
  /\b(?:(?:dead|died|dies|die|passed\s+away|retired|married)\s+at(?:\s+the\s+age\s+of)?|(?:he|she|I|you|we|they)\s+(?:was|were|is|are|turned|turns)(?:\s+only|\s+just)?)\s+$/i;
/** What makes "they were 20" a count after all: "they were 20 people", "we were 5 families". */
const COUNTED_AFTER_AGE =
  /^\s+(?:[\p{L}-]+\s+)?(?:people|persons|men|women|children|families|soldiers|of\s+us|of\s+them)\b/iu;

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/i;
const ORDINAL_WORD =
  /(?:^|[\s-])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+ieth|hundredth|thousandth|millionth)$/i;

const PERCENT_AFTER = /^\s*(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b|points?\b)/i;

const PHONE_KEYWORD =
  /\b(?:tel|phone|telephone|call|hotline|helpline|fax|whatsapp|viber|sms|text|dial|mob|mobile)\b[.:]?[^\n\d]{0,16}$/i;
const PHONE_HINT = /tel|phone|call|hotline|helpline|fax|whatsapp|viber|sms|text|dial|mob/i;
const SERVICE_NUMBER_BEFORE = /\b(?:hotline|helpline|dial|call|phone|ring)\s+(?:on\s+|number\s+|at\s+)?$/i;
const DONATION_BEFORE = /\b(?:donate|give|gift\s+of|donation\s+of|donating)\s+(?:just\s+|only\s+)?$/i;
const PREWAR_AFTER =
  /^\s+(?:(?:people|residents|inhabitants)\s+)?before\s+the\s+(?:war|invasion|siege|fighting)\b/i;
const THOUSANDS_RUN = /^\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?:\.\d+)?$/;

const ID_WORDS = set(
  'No|Nos|Number|Flight|Route|Road|Room|Article|Articles|Resolution|Chapter|Section|Page|Pages|Vol|Volume|Episode|Season|Highway|Platform|Gate|Terminal|Block|Apartment|Apt|Unit|Bus|Line|Train|Tram|Model|Version|Level|Category|Grade|Stage|Phase|Part|Item|Figure|Fig|Table|Channel|Radio|Formula|Day|Week|Covid|COVID|Apollo|Boeing|Airbus|Bayraktar|Iskander|Tochka|Grad|Uragan|Smerch|Buk|Pantsir|Patriot|Leopard|Abrams|Challenger|Gepard|Shahed|Lancet|Kalibr|Kinzhal|Session|Game|Match|Round|Group|Case|File|Ticket|Ref|Code|Zone|Ward|Precinct|Building|Floor|Exit|Bill|Decree|Protocol|Minsk|Para|Paragraph|Clause|Step|Option|Slide|Photo|Image|Video|Picture|Gallery|Bug|Issue|PR'.replace(
    /\|/g,
    ' ',
  ),
);
/** Letters glued after the digits: `5G`, `3D`; a hyphen and letters: `300-series`. */
const ID_AFTER = /^(?:[\p{L}]|[-/][\p{L}])/u;

const URL_TOKEN = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|@|#|\/)\S*$/i;

const FURNITURE_AFTER =
  /^\s*(?:min(?:ute)?s?\s+(?:read|listen|watch)|(?:comments?|shares?|views?|likes?|replies|reactions?|retweets?|reposts?|followers?|subscribers?|reads?|upvotes?|votes?|claps?|bookmarks?|saves?|responses?|notifications?|photos?|images?|pictures?|videos?|slides?|results?|articles?|stories|posts?|new\s+(?:posts?|updates?|messages?))\b)|^\s*(?:\/|of)\s*\d+[^\S\n]*(?:\n|$)/i;
const FURNITURE_WORDS = set(
  'comment comments share shares view views like likes replies reaction reactions retweet retweets repost reposts follower followers subscriber subscribers read reads upvote upvotes photo image picture slide video page part gallery',
);

const POPULATION_WORDS =
  '(?:people|residents|inhabitants|citizens|population|Ukrainians|Russians|souls|strong)';
const BASELINE_BEFORE = new RegExp(
  [
    // "Ukraine's 44 million people", "its 1.5 million residents"
    `(?:['’]s|\\bits|\\btheir|\\bhis|\\bher)\\s+(?:(?:pre-?war|prewar|entire|whole|total|estimated|roughly|some|about|around|nearly|almost|more than|over|approximately)\\s+)*$`,
    // "a population of", "the city's population is", "home to"
    `\\bpopulations?\\s+(?:of\\s+|is\\s+|was\\s+|stood at\\s+|stands at\\s+|numbered\\s+)(?:(?:some|about|around|nearly|almost|roughly|more than|over|just over|approximately|an estimated)\\s+)?$`,
    `\\b(?:a|the)\\s+(?:country|nation|city|town|region|village|state|metropolis|oblast)\\s+of\\s+(?:(?:some|about|around|nearly|almost|roughly|more than|over|approximately)\\s+)?$`,
    `\\bhome\\s+to\\s+(?:(?:some|about|around|nearly|almost|roughly|more than|over|approximately)\\s+)?$`,
  ].join('|'),
  'i',
);
const BASELINE_AFTER = new RegExp(`^\\s*(?:[\\p{L}-]+\\s+)?${POPULATION_WORDS}\\b`, 'iu');
const BASELINE_AFTER_REQUIRED = /(?:['’]s|\bits|\btheir|\bhis|\bher)\s+(?:[\p{L}-]+\s+)*$/iu;
const NOT_BASELINE_ADJECTIVE =
  /^\s*(?:remaining|trapped|displaced|stranded|fleeing|dead|killed|injured|wounded|missing|evacuated|affected|surviving)\b/i;
const COUNTED_AFTER = new RegExp(
  `^\\s*(?:[\\p{L}-]+\\s+)?${POPULATION_WORDS}\\s+(?:(?:have|had|were|are|was|is|been|being|now|already)\\s+)*(?:killed|died|dead|injured|wounded|fled|displaced|trapped|evacuated|missing|detained|left)\\b`,
  'iu',
);

const ONE_OF_AFTER =
  /^\s+of\s+(?:the|its|their|his|her|those|these|them|us|our|many|several|its|only|just|few|two|three)\b/i;
const ONE_WORD = /^(?:one|1)$/i;
const ONE_OTHER =
  /^\s+(?:another|other|side|way|day|by one|or two|or another|more time|after another|thing|time)\b/i;

const MEASUREMENT_AFTER =
  /^\s*(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|cm|mm|feet|ft|inch(?:es)?|yards?|kg|kilos?|kilograms?|grams?|lbs?|pounds? of|tons?|tonnes?|litres?|liters?|gallons?|barrels?|bpd|km\/h|kph|mph|knots|degrees?|celsius|fahrenheit|mw|gw|kw|mwh|gwh|twh|bcm|hectares?|acres?|sq(?:uare)?\s?(?:km|kilomet(?:er|re)s|miles|met(?:er|re)s))\b|^\s*°/i;

function before(text: string, span: NumberSpan, n = AROUND): string {
  return text.slice(Math.max(0, span.start - n), span.start);
}
function after(text: string, span: NumberSpan, n = AROUND): string {
  return text.slice(span.end, span.end + n);
}

function isPlainDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

/** Compact dates such as `20220322`: eight digits that spell a real month and day. */
function isCompactDate(s: string): boolean {
  if (!/^(?:19|20)\d{6}$/.test(s)) return false;
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Phone numbers: a run of digit groups starting with `+`, or three or more groups with seven or more
 * digits that are not thousands groups (`1,252,000`), or digits after "call"/"hotline".
 */
function isPhoneNumber(text: string, span: NumberSpan): boolean {
  let s = span.start;
  while (s > 0 && /[\d .()+-]/.test(text[s - 1]!) && span.start - s < 24) s--;
  let e = span.end;
  while (e < text.length && /[\d .()+-]/.test(text[e]!) && e - span.end < 24) e++;
  const run = text
    .slice(s, e)
    .trim()
    .replace(/[\s.-]+$/, '');
  const digits = run.replace(/\D/g, '').length;
  const groups = run.match(/\d+/g)?.length ?? 0;
  // Phone numbers never group digits with commas: "12,000-13,000" is a range.
  if (THOUSANDS_RUN.test(run) || /\d,\d{3}/.test(run)) return false;
  if (run.startsWith('+') && digits >= 7) return true;
  if (groups >= 3 && digits >= 7 && /^[\d(]/.test(run)) return true;
  return digits >= 5 && PHONE_KEYWORD.test(text.slice(Math.max(0, s - 30), s));
}

const TIME_UNIT_COMPOUND =
  /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))$/;

/** What the number reader already knows about a token. */
function reasonFromToken(token: NumberToken): NotFigureReason | null {
  switch (token.role) {
    case 'ordinal':
      return 'ordinal';
    case 'time':
      return 'time';
    case 'date':
      return 'date';
    case 'phone':
      return 'phone';
    case 'glued':
    case 'slashed':
      return 'id';
    default:
      break;
  }
  if (token.percent) return 'percentage';
  if (token.fraction) return 'fraction';
  if (token.digits?.leadingZero) return 'id';
  if (token.compound) {
    if (/old$/.test(token.compound)) return 'age';
    return TIME_UNIT_COMPOUND.test(token.compound) ? 'duration' : 'modifier';
  }
  return null;
}

/** Why the number `token` is not a figure, or null when it may be one. */
export function notFigureReason(text: string, token: NumberToken): NotFigureReason | null {
  const fromToken = reasonFromToken(token);
  if (fromToken) return fromToken;
  return notFigureByContext(text, token);
}

function isLetter(c: number): boolean {
  // ASCII letters fast; anything else above ASCII through the Unicode test.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f;
}

/** The two words before `at` (nearest first) and what separates the nearest from the number. */
function wordsBefore(text: string, at: number): { w1: string; w2: string; gap: string } {
  let i = at;
  // Skip spaces and `# ( : . -` between the word and the number.
  while (i > 0 && at - i < 4) {
    const c = text.charCodeAt(i - 1);
    if (!(isSpace(c) || c === 35 || c === 40 || c === 58 || c === 46 || c === 45)) break;
    i--;
  }
  const gap = text.slice(i, at);
  let j = i;
  while (j > 0 && i - j < 24) {
    const c = text.charCodeAt(j - 1);
    if (!(isLetter(c) || c === 39 || c === 0x2019 || c === 46)) break;
    j--;
  }
  const w1 = text.slice(j, i).replace(/\.$/, '');
  let k = j;
  while (k > 0 && j - k < 3 && isSpace(text.charCodeAt(k - 1))) k--;
  let l = k;
  while (l > 0 && k - l < 24 && isLetter(text.charCodeAt(l - 1))) l--;
  return { w1, w2: text.slice(l, k), gap };
}

/** The whitespace-free token that ends at `at` (a URL, an e-mail address, a hashtag). */
function tokenBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 200 && !isSpace(text.charCodeAt(i - 1))) i--;
  return text.slice(i, at);
}

/** Whether digits sit near the number across separators (`044 555 1234`) or a `+`/`(` leads it. */
function mayBePhone(text: string, span: NumberSpan): boolean {
  const lead = text.charCodeAt(span.start - 1);
  if (lead === 43 || lead === 40 || lead === 41) return true;
  for (const at of [span.start - 2, span.start - 3, span.end + 1, span.end + 2]) {
    const c = text.charCodeAt(at);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The same judgement from the text around a number alone (any reader's spans). */
export function notFigureByContext(text: string, span: NumberSpan): NotFigureReason | null {
  const written = span.text;
  const b = before(text, span);
  const a = after(text, span);
  const value = span.value;
  const digits = /^\d/.test(written);
  const { w1, w2, gap } = wordsBefore(text, span.start);
  const lower = w1.toLowerCase();
  const prevChar = text[span.start - 1] ?? '';

  const glued = tokenBefore(text, span.start);
  if (glued && /[/@#]|www\./.test(glued) && URL_TOKEN.test(glued)) return 'url';

  if (isCompactDate(written)) return 'date';
  if (digits && (NUMERIC_DATE.test(a) || NUMERIC_DATE_BEFORE.test(b.slice(-12)))) return 'date';
  if (value !== null && value >= 1 && value <= 31 && Number.isInteger(value) && /^\d{1,2}$/.test(written)) {
    const monthBefore =
      /^\s*$/.test(gap.replace('.', '')) && (MONTHS.has(w1) || (w1 === 'the' && MONTHS.has(w2)));
    if (monthBefore || MONTH_AFTER.test(a)) return 'date';
  }

  if (isPlainDigits(written) && written.length === 4 && value !== null && value >= 1800 && value <= 2100) {
    // "almost 2000 troops" is a count; a bare four-digit number in running text is a year.
    if (!COUNTED_NOUN_AFTER.test(a)) return 'year';
  }
  if (
    isPlainDigits(written) &&
    written.length === 4 &&
    (YEAR_TAIL.test(a) || YEAR_WORDS.has(lower)) &&
    value !== null &&
    value >= 1000 &&
    value <= 2100
  ) {
    return 'year';
  }
  if (/^['’]\d{2}$/.test(written) || (/['’]$/.test(prevChar) && /^\d{2}$/.test(written))) return 'year';

  if (TIME_AFTER.test(a) || (digits && /[:.]/.test(prevChar) && /\d/.test(text[span.start - 2] ?? ''))) {
    return 'time';
  }

  if (AGE_WORDS.has(lower) || (lower === 'of' && w2.toLowerCase() === 'age') || AGE_AFTER.test(a))
    return 'age';
  if (value !== null && value < 125 && AGE_BEFORE.test(b.slice(-40)) && !COUNTED_AFTER_AGE.test(a))
    return 'age';
  if (value !== null && value < 120 && (a[0] === ')' || a[0] === ',') && /^\d{1,3}$/.test(written)) {
    const tail = b.slice(-30);
    if ((AGE_PAREN.test(tail) && /^\)/.test(a)) || (/[\p{Lu}][\p{L}]+,\s$/u.test(tail) && /^,/.test(a))) {
      return 'age';
    }
  }

  if (DURATION_AFTER.test(a) || AGO_AFTER.test(a)) return 'duration';

  if (ORDINAL_SUFFIX.test(a) || ORDINAL_WORD.test(written)) return 'ordinal';

  if (PERCENT_AFTER.test(a) || /%\s*$/.test(b.slice(-3))) return 'percentage';

  if (digits && (mayBePhone(text, span) || PHONE_HINT.test(b)) && isPhoneNumber(text, span)) return 'phone';
  // Short service numbers: "call the hotline on 122", "dial 112".
  if (digits && /^\d{2,4}$/.test(written) && SERVICE_NUMBER_BEFORE.test(b.slice(-24))) return 'phone';
  // An appeal's price list, not an amount given: "Donate $10 to provide a blanket", "text WARM to give £5".
  if (/^[$€£]/.test(written) && DONATION_BEFORE.test(b.slice(-24))) return 'furniture';

  if (digits) {
    // Letters glued to the digits: `S-300`, `MiG-29`, `T-72`, `MH17`, `COVID-19`.
    const glue = /[-/]/.test(prevChar) ? (text[span.start - 2] ?? '') : prevChar;
    if (/\p{L}/u.test(glue) || ID_AFTER.test(a)) return 'id';
    if (ID_WORDS.has(w1) && /^[\s#.-]*$/.test(gap)) return 'id';
  }
  if (/\[\s*$/.test(b.slice(-3)) && /^\s*\]/.test(a)) return 'id'; // a citation mark: [12]

  if (FURNITURE_AFTER.test(a) || (FURNITURE_WORDS.has(lower) && /^[\s:(]*$/.test(gap))) return 'furniture';
  // A number alone on its line (a comment or share counter beside an icon).
  if (/^[^\S\n]*(?:\n|$)/.test(a)) {
    let i = span.start;
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    if (i === 0 || text[i - 1] === '\n') return 'furniture';
  }

  // "down from about 100,000 before the war": how many lived there, not a count of harm.
  if (PREWAR_AFTER.test(a)) return 'baseline';
  const populationAfter = BASELINE_AFTER.test(a);
  if (populationAfter || /population|home\s+to|\bof\s*$/i.test(b.slice(-40))) {
    const tail = b.slice(-40);
    if (BASELINE_BEFORE.test(tail) && !NOT_BASELINE_ADJECTIVE.test(a) && !COUNTED_AFTER.test(a)) {
      if (!BASELINE_AFTER_REQUIRED.test(tail) || populationAfter) return 'baseline';
    }
  }

  if (ONE_WORD.test(written) && (ONE_OF_AFTER.test(a) || ONE_OTHER.test(a))) return 'one-of';
  if (w1 === 'War' && w2 === 'World') return 'id'; // World War Two

  if (MEASUREMENT_AFTER.test(a) && !/^[$€£]/.test(written)) return 'measurement';

  return null;
}

/** Whether a number may be a figure at all, before its meaning is read. */
export function isCandidateNumber(text: string, token: NumberToken): boolean {
  return token.role === 'cardinal' && notFigureReason(text, token) === null;
}

/**
 * Whether a read figure is reportable: it counts something someone could dispute. A count outside the
 * vocabulary (`other`: prisoners released, missiles shot down) must name what it counts.
 */
export function isReportable(c: Candidate, metric: Metric, namesWhat: boolean): boolean {
  if (metric !== 'other') return true;
  if (c.value === null || !namesWhat) return false;
  // "two Ukrainian officials", "a mother of three children": small counts in words are not figures.
  return c.tokens[0]!.kind === 'digits' && c.value >= 10;
}
