/** Character classes and word lookups the number reader uses at a position, without regular expressions scanning backwards. */

export const DATE_YMD = /\d{4}([-/.])\d{1,2}\1\d{1,2}(?![\d])/y;
export const DATE_DMY = /(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d])/y;
export const CLOCK = /([01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?![\d])/y;
/** A phone number shape; accepted only with `+`, `(..)`, a leading 0, or three hyphen groups. */
export const PHONE =
  /(?:\+\d{1,3}[ .\-\u00a0]?)?(?:\(\d{1,5}\)[ .\-\u00a0]?)?\d{2,5}(?:[ .\-\u00a0]\d{2,5}){1,5}(?![\d])/y;
export const LETTER = /\p{L}/u;
export const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
export const AM_PM = /^(?:am|pm)$/i;
export const CLOCK_WORDS = /^(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock)/;
export const PER_CENT = /^\s*per\s*cent\b/i;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER.test(String.fromCharCode(c));
}
/** Spaces that may sit inside one number phrase: never a line break, so no number spans a paragraph. */
export function isHSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
export function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}
export function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2212;
}

export function wordEnd(text: string, p: number): number {
  let e = p;
  while (e < text.length && isLetter(text.charCodeAt(e))) e++;
  return e;
}
export function wordStartBefore(text: string, p: number): number {
  let s = p;
  while (s > 0 && p - s < 40 && isLetter(text.charCodeAt(s - 1))) s--;
  return s;
}

/** The word after `p` across horizontal spaces, lower-cased (capped in length), or null. */
export function nextWordAt(text: string, p: number): string | null {
  let q = p;
  while (q < text.length && q - p < 16 && isHSpace(text.charCodeAt(q))) q++;
  if (q >= text.length || !isLetter(text.charCodeAt(q))) return null;
  const e = wordEnd(text, q);
  return text.slice(q, Math.min(e, q + 24)).toLowerCase();
}
/** The word before `p` across horizontal spaces, lower-cased, or null. */
export function prevWordAt(text: string, p: number): string | null {
  let q = p;
  while (q > 0 && p - q < 16 && isHSpace(text.charCodeAt(q - 1))) q--;
  if (q === 0 || !isLetter(text.charCodeAt(q - 1))) return null;
  const s = wordStartBefore(text, q);
  return text.slice(s, q).toLowerCase();
}

export function matchAt(re: RegExp, text: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(text);
}
