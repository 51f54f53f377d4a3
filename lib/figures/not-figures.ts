/**
 * Numbers that are never figures, whatever surrounds them (SPEC.md "Figures"): years, dates, times,
 * durations used as time, ages, ordinals, percentages, phone numbers, ids and model numbers, numbers in
 * URLs, page furniture (share and comment counts, "5 min read"), population baselines ("Ukraine's 44
 * million people") and "one of". Each rule looks only at the number and a few dozen characters around it.
 */
import type { NumberSpan } from '../types.ts';
import type { NumberToken } from './numbers.ts';

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

const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
// Month names are matched with their capital only: "may" and "march" are also verbs.
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTH})\\.?\\s+(?:the\\s+)?$`, 'u');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTH})\\b`, 'u');
const NUMERIC_DATE = /^[/.-]\d{1,2}[/.-]\d{2,4}\b|^-\d{2}-\d{2}\b/;
const NUMERIC_DATE_BEFORE = /\d{1,4}[/.-]\d{1,2}[/.-]$|\d{4}-$/;

const YEAR_TAIL = /^(?:s\b|'s\b|’s\b|[-–]\d{2,4}\b)/;
const YEAR_BEFORE =
  /\b(?:in|since|by|of|from|until|till|before|after|during|year|early|late|mid|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|October|November|December)[\s-]*$/i;

const TIME_AFTER =
  /^(?::\d{2}|\.\d{2}\s*(?:a\.?m|p\.?m)|\s*(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])|\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|PT|Kyiv time|local time|hrs)\b|\s*o'clock\b|h\d{2}\b)/iu;
const TIME_BEFORE = /\d[:.]$|\bat\s+$/;

const DURATION_UNIT =
  'seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|mos?|years?|yrs?|decades?|centuries|century|weekends?';
const DURATION_AFTER = new RegExp(
  `^(?:\\s+|-)(?:(?:more|full|long|straight|consecutive|whole|additional|further|other)\\s+)?(?:${DURATION_UNIT})\\b`,
  'i',
);
const AGO_AFTER = /^\s*[a-z]{0,8}\s+ago\b|^[a-z]{1,3}\s+ago\b/i;

const AGE_BEFORE = /\b(?:aged?|ages|age of)\s+(?:between\s+)?$/i;
const AGE_AFTER = /^[\s-]*(?:years?|yrs?|months?)[\s-]*old\b|^-year-old|^\s*-?\s*year\s*-?\s*old/i;
const AGE_PAREN = /[\p{Lu}][\p{L}]+,?\s*\($/u;

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/i;
const ORDINAL_WORD =
  /(?:^|[\s-])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+ieth|hundredth|thousandth|millionth)$/i;

const PERCENT_AFTER = /^\s*(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b|points?\b)/i;
const PERCENT_BEFORE = /%\s*$/;

const PHONE_KEYWORD =
  /\b(?:tel|phone|telephone|call|hotline|helpline|fax|whatsapp|viber|sms|text|dial|mob|mobile)\b[.:]?[^\n\d]{0,16}$/i;
const THOUSANDS_RUN = /^\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?:\.\d+)?$/;

/** Letters glued to the digits: `S-300`, `MiG-29`, `T-72`, `MH17`, `COVID-19`. */
const ID_ATTACHED_BEFORE = /[\p{L}][-/]?$/u;
const ID_KEYWORD_BEFORE =
  /\b(?:No|Nos|Number|Flight|Route|Road|Room|Article|Articles|Resolution|Chapter|Section|Page|Pages|Vol|Volume|Episode|Season|Highway|Platform|Gate|Terminal|Block|Apartment|Apt|Unit|Bus|Line|Train|Tram|Model|Version|Level|Category|Grade|Stage|Phase|Part|Item|Figure|Fig|Table|Channel|Radio|Formula|Day|Week|Covid|COVID|Apollo|Boeing|Airbus|Bayraktar|Iskander|Tochka|Grad|Uragan|Smerch|Buk|Pantsir|Patriot|Leopard|Abrams|Challenger|Gepard|Shahed|Lancet|Kalibr|Kinzhal|Session|Game|Match|Round|Group|Case|File|Ticket|Ref|Code|Zone|Ward|Precinct|Building|Floor|Exit|Bill|Decree|Protocol|Minsk|Para|Paragraph|Clause|Step|Option|Slide|Photo|Image|Video|Picture|Gallery)\.?\s*#?\s*-?$/;
/** Letters glued after the digits: `5G`, `3D`; a hyphen and letters: `300-series`. */
const ID_AFTER = /^(?:[\p{L}]|[-/][\p{L}])/u;

const URL_TOKEN = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|@|#|\/)\S*$/i;

const FURNITURE_AFTER =
  /^\s*(?:min(?:ute)?s?\s+(?:read|listen|watch)|(?:comments?|shares?|views?|likes?|replies|reactions?|retweets?|reposts?|followers?|subscribers?|reads?|upvotes?|votes?|claps?|bookmarks?|saves?|responses?|notifications?|photos?|images?|pictures?|videos?|slides?|results?|articles?|stories|posts?|new\s+(?:posts?|updates?|messages?))\b)|^\s*(?:\/|of)\s*\d+[^\S\n]*(?:\n|$)/i;
const FURNITURE_BEFORE =
  /\b(?:comments?|shares?|views?|likes?|replies|reactions?|retweets?|reposts?|followers?|subscribers?|reads?|upvotes?|photo|image|picture|slide|video|page|part|gallery)\s*[:(]?\s*$/i;

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
  if (THOUSANDS_RUN.test(run)) return false;
  if (run.startsWith('+') && digits >= 7) return true;
  if (groups >= 3 && digits >= 7 && /^[\d(]/.test(run)) return true;
  return digits >= 5 && PHONE_KEYWORD.test(text.slice(Math.max(0, s - 40), s));
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

/** The same judgement from the text around a number alone (any reader's spans). */
export function notFigureByContext(text: string, span: NumberSpan): NotFigureReason | null {
  const written = span.text;
  const b = before(text, span);
  const a = after(text, span);
  const value = span.value;

  if (
    URL_TOKEN.test(
      text
        .slice(Math.max(0, span.start - 200), span.start)
        .split(/\s/)
        .pop() ?? '',
    )
  )
    return 'url';

  if (isCompactDate(written)) return 'date';
  if (/^\d/.test(written) && (NUMERIC_DATE.test(a) || NUMERIC_DATE_BEFORE.test(b))) return 'date';
  if (value !== null && value >= 1 && value <= 31 && Number.isInteger(value) && /^\d{1,2}$/.test(written)) {
    if (MONTH_BEFORE.test(b) || MONTH_AFTER.test(a)) return 'date';
  }

  if (isPlainDigits(written) && written.length === 4 && value !== null && value >= 1800 && value <= 2100) {
    // "almost 2000 troops" is a count; a bare four-digit number in running text is a year.
    if (
      !/^\s+(?:[\p{L}-]+\s+)?(?:people|civilians|children|troops|soldiers|refugees|casualties|deaths|dead|killed|injured|wounded|homes|buildings|missiles|attacks)\b/iu.test(
        a,
      )
    ) {
      return 'year';
    }
  }
  if (
    isPlainDigits(written) &&
    written.length === 4 &&
    (YEAR_TAIL.test(a) || YEAR_BEFORE.test(b)) &&
    value !== null &&
    value >= 1000 &&
    value <= 2100
  ) {
    return 'year';
  }
  if (/^['’]\d{2}$/.test(written) || (/['’]$/.test(b) && /^\d{2}$/.test(written))) return 'year';

  if (TIME_AFTER.test(a) || (/^\d/.test(written) && TIME_BEFORE.test(b) && /[:.]$/.test(b))) return 'time';

  if (AGE_BEFORE.test(b) || AGE_AFTER.test(a)) return 'age';
  if (value !== null && value < 120 && /^\d{1,3}$/.test(written)) {
    if ((AGE_PAREN.test(b) && /^\)/.test(a)) || (/[\p{Lu}][\p{L}]+,\s$/u.test(b) && /^,/.test(a)))
      return 'age';
  }

  if (DURATION_AFTER.test(a) || AGO_AFTER.test(a)) return 'duration';

  if (ORDINAL_SUFFIX.test(a) || ORDINAL_WORD.test(written)) return 'ordinal';

  if (PERCENT_AFTER.test(a) || PERCENT_BEFORE.test(b)) return 'percentage';

  if (/^\d/.test(written) && isPhoneNumber(text, span)) return 'phone';

  if (/^\d/.test(written) && (ID_ATTACHED_BEFORE.test(b) || ID_KEYWORD_BEFORE.test(b) || ID_AFTER.test(a)))
    return 'id';
  if (/\[\s*$/.test(b) && /^\s*\]/.test(a)) return 'id'; // a citation mark: [12]

  if (FURNITURE_AFTER.test(a) || FURNITURE_BEFORE.test(b)) return 'furniture';
  // A number alone on its line (a comment or share counter beside an icon).
  if (/(?:^|\n)[^\S\n]*$/.test(b) && /^[^\S\n]*(?:\n|$)/.test(a)) return 'furniture';

  if (BASELINE_BEFORE.test(b) && !NOT_BASELINE_ADJECTIVE.test(a) && !COUNTED_AFTER.test(a)) {
    const possessive = BASELINE_AFTER_REQUIRED.test(b);
    if (!possessive || BASELINE_AFTER.test(a)) return 'baseline';
  }

  if (ONE_WORD.test(written) && (ONE_OF_AFTER.test(a) || ONE_OTHER.test(a))) return 'one-of';
  if (/\bWorld\s+War\s+$/i.test(b)) return 'id'; // World War Two

  if (MEASUREMENT_AFTER.test(a) && !/^[$€£]/.test(written)) return 'measurement';

  return null;
}
