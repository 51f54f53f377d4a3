/**
 * The world's places by the names English news writes: countries, first-level regions and towns, each
 * with its normalised English name (`Kyiv` for Kiev, `Kyiv region` for the oblast). The data is
 * gazetteer.json, made by scripts/build-gazetteer.ts; this module only looks names up. Pure.
 */

/** `[name, ISO code, other names, demonyms, capital]`. */
export type GazetteerCountry = [
  name: string,
  code: string,
  variants: string[],
  demonyms: string[],
  capital: string,
];
/** A name, or `[name, ...other names]`. */
export type GazetteerEntry = string | string[];

export interface GazetteerData {
  _: string;
  countries: GazetteerCountry[];
  /** Towns by ISO country code. */
  cities: Record<string, GazetteerEntry[]>;
  /** First-level regions by ISO country code; a region named after its seat lists the seat town's name. */
  regions: Record<string, GazetteerEntry[]>;
}

export type PlaceKind = 'country' | 'region' | 'city';

export interface Place {
  /** The normalised English name. */
  readonly name: string;
  readonly kind: PlaceKind;
  /** The country's name (its own for a country). */
  readonly country: string;
}

/** Words after a name that make it a region: "Kyiv region", "Kharkiv oblast", "Herat province". */
export const REGION_AFTER = /^\s+(?:region|oblast|province|governorate)\b/i;
/** Words before a name that make it a region: "the region of Kyiv", "Kyiv oblast". */
export const REGION_BEFORE = /\b(?:region|oblast|province|governorate)\s+of\s+(?:the\s+)?$/i;

export class Gazetteer {
  readonly #names = new Map<string, Place>();
  readonly #regions = new Map<string, Place>();
  readonly #demonyms = new Map<string, Place>();
  readonly #capitals = new Map<string, string>();
  /** The most words a name has: how far a lookup reaches. */
  readonly maxWords: number;

  constructor(data: GazetteerData) {
    const countryName = new Map<string, string>();
    let maxWords = 1;
    const add = (map: Map<string, Place>, key: string, place: Place) => {
      if (!map.has(key)) map.set(key, place);
      let words = 1;
      for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32 || key.charCodeAt(i) === 45) words++;
      if (words > maxWords) maxWords = words;
    };
    for (const [name, code, variants, demonyms, capital] of data.countries) {
      countryName.set(code, name);
      if (capital) this.#capitals.set(name, capital);
      const place: Place = { name, kind: 'country', country: name };
      for (const v of [name, ...variants]) add(this.#names, v, place);
      for (const d of demonyms)
        if (!this.#demonyms.has(d.toLowerCase())) this.#demonyms.set(d.toLowerCase(), place);
    }
    const entries = (o: Record<string, GazetteerEntry[]>) =>
      Object.entries(o).flatMap(([code, list]) =>
        list.map((e) => {
          const [name, ...variants] = typeof e === 'string' ? [e] : e;
          return { name: name!, variants, country: countryName.get(code) ?? code };
        }),
      );
    // The towns that regions are named after, kept with all their names for "Kiev oblast".
    const towns = new Map<string, string[]>();
    for (const [code, list] of Object.entries(data.regions))
      for (const e of list)
        if (typeof e !== 'string') towns.set(`${countryName.get(code) ?? code}|${e[1]}`, []);
    for (const { name, variants, country } of entries(data.cities)) {
      const place: Place = { name, kind: 'city', country };
      add(this.#names, name, place);
      for (const v of variants) add(this.#names, v, place);
      const key = `${country}|${name}`;
      if (towns.has(key)) towns.set(key, [name, ...variants]);
    }
    for (const { name, variants, country } of entries(data.regions)) {
      const place: Place = { name, kind: 'region', country };
      add(this.#names, name, place);
      // "Kiev oblast": a region named after its seat, under any of the seat town's names; another region
      // (Gaza Strip) under its own names, where no town owns them.
      const seat = variants[0] === undefined ? undefined : towns.get(`${country}|${variants[0]}`);
      if (seat?.length) for (const v of seat) add(this.#regions, v, place);
      else {
        for (const v of [name, ...variants]) {
          add(this.#regions, v, place);
          if (!this.#names.has(v)) add(this.#names, v, place);
        }
      }
    }
    this.maxWords = maxWords;
  }

  /** The place a name (as written, whitespace normalised) stands for, or undefined. */
  place(name: string): Place | undefined {
    return this.#names.get(name);
  }

  /** The region a name stands for before "region", "oblast", "province": `Kyiv` → Kyiv region. */
  region(name: string): Place | undefined {
    return this.#regions.get(name);
  }

  /** A country's capital as a place (`Ukraine` → Kyiv), or undefined. */
  capital(country: string): Place | undefined {
    const name = this.#capitals.get(country);
    const place = name === undefined ? undefined : this.#names.get(name);
    return place && place.kind === 'city' ? place : undefined;
  }

  /** The country of a demonym or adjective: `Polish` → Poland. Case-insensitive. */
  country(adjective: string): Place | undefined {
    return this.#demonyms.get(adjective.toLowerCase());
  }
}

export interface NameMatch {
  start: number;
  end: number;
  place: Place;
}

/** A word that may start or continue a place name. */
const WORD = /[\p{L}][\p{L}\p{M}'’.-]*/gu;

/**
 * Every place named in text[from, to): runs of words starting with a capital, longest name first
 * ("Bila Tserkva" before "Bila"), "Kyiv region" and "region of Kyiv" read as the region.
 */
export function findNames(gazetteer: Gazetteer, text: string, from: number, to: number): NameMatch[] {
  const s = text.slice(from, to);
  const words: { start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m !== null; m = WORD.exec(s)) {
    // "Kyiv." at a sentence end, "U.S." keeps its dots.
    let end = m.index + m[0].length;
    // "Myanmar’s": the name without its possessive.
    if (/['’]s$/.test(m[0]) && m[0].length > 3) end -= 2;
    while (end > m.index + 1 && /[.'’-]/.test(s[end - 1]!) && !/^(?:[A-Z]\.)+$/.test(m[0])) end--;
    words.push({ start: m.index, end });
  }
  const out: NameMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = s.charCodeAt(words[i]!.start);
    // Names start with a capital letter (ASCII fast path; other capitals via the regex).
    if (!((first >= 65 && first <= 90) || (first > 127 && /\p{Lu}/u.test(s[words[i]!.start]!)))) continue;
    for (let j = Math.min(words.length, i + gazetteer.maxWords) - 1; j >= i; j--) {
      // A name's words stand next to each other: one space or hyphen between them.
      if (j > i && !/^[ -]$/.test(s.slice(words[j - 1]!.end, words[j]!.start))) continue;
      const key = s.slice(words[i]!.start, words[j]!.end);
      const start = from + words[i]!.start;
      const end = from + words[j]!.end;
      const regional =
        REGION_AFTER.test(text.slice(end, end + 16)) ||
        REGION_BEFORE.test(text.slice(Math.max(0, start - 30), start));
      const place = (regional ? gazetteer.region(key) : undefined) ?? gazetteer.place(key);
      if (!place) continue;
      out.push({ start, end, place });
      i = j;
      break;
    }
  }
  return out;
}
