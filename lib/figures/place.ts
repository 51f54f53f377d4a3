/**
 * Where a figure is about, as a normalised English name (`Kyiv` for Kiev, `Kyiv region` for the oblast),
 * from the gazetteer (gazetteer.json: the world's countries, first-level regions and towns). Towns and
 * regions count wherever they are named; countries only after a preposition of place (`fled to Poland`,
 * `in Russia`), since `Russia said` names a speaker, not a place. `the capital` is the capital of the
 * country named with it (`the Russian capital`, `Ukraine's capital`) or of the country the text is about;
 * `there` and `the city` are the last place named before. There is no default place: a text that names
 * none gives none.
 */

import type { Metric } from '../types.ts';
import { MONTH_PATTERN } from '../calendar/months.ts';
import data from './gazetteer.json';
import { Gazetteer, findNames, type GazetteerData, type NameMatch, type Place } from './gazetteer.ts';

let built: Gazetteer | undefined;
/**
 * The gazetteer, indexed on first use (about 0.1 s): a service worker that wakes for something else pays
 * nothing. The JSON's shape is checked by tests/unit/figures/gazetteer.test.ts; its inferred type is too wide to
 * narrow here.
 */
export function gazetteer(): Gazetteer {
  return (built ??= new Gazetteer(data as unknown as GazetteerData));
}

const LOCATIVE_BEFORE =
  /\b(?:in|at|near|around|outside|from|into|to|across|inside|throughout|towards|toward|within|of|over|on)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;
/** A country hosting refugees is their place even as a subject: "Poland alone has taken in 1.3 million". */
const HOSTING_AFTER =
  /^\s+(?:alone\s+|now\s+|so\s+far\s+)*(?:has|have|had|is|was)\s+(?:now\s+|already\s+)?(?:taken\s+in|received|welcomed|hosting|registered|recorded|accepted)\b|^\s+(?:hosts|took\s+in)\b/;
const SPEAKER_AFTER =
  /^['’]?s?\s+(?:says|said|say|claims|claimed|reported|announced|and\s+its\s+allies|and\s+its\s+Western)/;
/** `the capital`, `there`, `the city`: a place named before, or the capital of a country. */
const ANAPHORA =
  /\b(?:(?<capital>(?:the\s+(?<adjective>\p{Lu}\p{L}+)\s+|(?<owner>\p{Lu}\p{L}+)['’]s\s+|the\s+)capital)|(?<country>the\s+(?:[\p{L}-]+\s+)?country(?!['’]s\s+(?:[\p{L}-]+\s+)?(?:government|ministry|military|army|forces|president|leaders?|officials|authorities)\b))|(?<there>there(?!\s+(?:is|are|was|were|had|has|have|will|would|could|may|might|seems?|appears?|remains?|being|been)\b))|(?<city>the\s+(?:port\s+city|city|town|port|village|region|oblast)(?!\s+(?:of|city|council|officials|authorities|administration|mayor|governor)\b|['’]s)))\b/gu;

/** A cheap test before the anaphora pattern runs. */
const MAY_REFER = /there|capital|city|town|port|village|region|oblast|country/i;

/**
 * A wire dateline opening a paragraph ("KYIV, March 18 (Reuters) -", "Islamabad, Oct. 8, (dpa) –",
 * "JAKARTA -"): where the reporter filed from and when, not where the figures are.
 */
export const DATELINE = new RegExp(
  String.raw`^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}(?:,\s*[\p{Lu}][\p{L}]+)?(?:,?\s+(?:${MONTH_PATTERN})\.?\s+\d{1,2}(?:,\s*\d{4})?)?,?\s*(?:\([^()\n]{1,40}\))?\s+[-—–]\s+`,
  'u',
);

export interface PlaceMention {
  start: number;
  end: number;
  /** Normalised name; null for `there`/`the city` until resolved. */
  name: string | null;
  kind: 'city' | 'country' | 'anaphora';
  /** For `the capital`: the country whose capital it is, null for the country the text is about. */
  capitalOf?: string | null;
  /** `the country`, `the war-torn country`: the country of the place named before, or of the text. */
  country?: true;
}

/** What follows a country's `'s` when the country acts or speaks rather than being the place. */
const ACTOR_AFTER =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:defen[cs]e|military|army|armed|forces|troops|soldiers|government|president|prime|foreign|ministry|minister|officials?|authorities|leaders?|envoy|ambassador|embassy|navy|air\s+force|mission|delegation|invasion|offensive|attacks?|strikes?|war|allies|intelligence|regime|junta|state|national|health)\b/iu;

/** What follows a country's `'s` when it is the place: "Ukraine's east", "Myanmar's biggest earthquake". */
const PLACE_AFTER =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,3}?(?:east|west|north|south|northeast|northwest|southeast|southwest|centre|center|interior|coast|coastal|border|borders|regions?|provinces?|cities|city|towns?|villages?|capital|earthquakes?|quakes?|floods?|disaster|territory|soil|front\s*lines?|front)\b/iu;

function isSpeaker(s: string, end: number): boolean {
  return SPEAKER_AFTER.test(s.slice(end, end + 30));
}

/** Capitalised words that may stand before a place name: sentence openers, prepositions, titles of places. */
const OPENERS = new Set(
  'In At On From To Near Outside Inside Across Around Across Into Of The And But Or As While Meanwhile Elsewhere Also Southern Northern Eastern Western Central Greater'.split(
    ' ',
  ),
);

/**
 * A town name right after another capitalised word that is neither a place nor an opener is a surname
 * ("Maria Lopez"), not a place.
 */
function isSurname(text: string, m: NameMatch): boolean {
  if (m.place.kind !== 'city') return false;
  const before = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
  if (!before) return false;
  const word = before[1]!;
  return !OPENERS.has(word) && !gazetteer().place(word) && !gazetteer().country(word);
}

/** Place mentions in text[from, to) usable as the place of a figure, in order. */
export function placeMentions(text: string, from: number, to: number): PlaceMention[] {
  const s = text.slice(from, to);
  const out: PlaceMention[] = [];
  if (!/[A-Z]/.test(s) && !MAY_REFER.test(s)) return out;
  for (const m of findNames(gazetteer(), text, from, to)) {
    if (isSpeaker(text, m.end) || isSurname(text, m)) continue;
    if (m.place.kind === 'country') {
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      const hosting = HOSTING_AFTER.test(text.slice(m.end, m.end + 40));
      const after = text.slice(m.end, m.end + 60);
      const owner = /^['’]s\s/.test(after);
      // "Russia's defence ministry" is a speaker, "Russia's economic isolation" no place; "Myanmar's
      // biggest earthquake", "Ukraine's east" are where things happen.
      if (owner ? !PLACE_AFTER.test(after) : !LOCATIVE_BEFORE.test(before) && !hosting) continue;
      // "Ukraine's capital" is Kyiv: the capital's mention (below) names it.
      if (owner && /^['’]s\s+capital\b/i.test(after)) continue;
      out.push({ start: m.start, end: m.end, name: m.place.name, kind: 'country' });
    } else {
      // "Moscow's forces" act; "Kharkiv's mayor" speaks for the city, which is its place.
      if (
        ACTOR_AFTER.test(text.slice(m.end, m.end + 60)) &&
        !/^['’]s\s+(?:\p{L}+\s+)?(?:mayor|governor)/iu.test(text.slice(m.end, m.end + 40))
      )
        continue;
      out.push({ start: m.start, end: m.end, name: m.place.name, kind: 'city' });
    }
  }
  if (MAY_REFER.test(s)) {
    ANAPHORA.lastIndex = 0;
    for (let m = ANAPHORA.exec(s); m !== null; m = ANAPHORA.exec(s)) {
      const g = m.groups ?? {};
      const mention: PlaceMention = {
        start: from + m.index,
        end: from + m.index + m[0].length,
        name: null,
        kind: 'anaphora',
      };
      if (g.country) mention.country = true;
      if (g.capital) {
        const country = capitalCountry(g.adjective, g.owner);
        if (country === undefined) continue; // "the Ukrainian-born capital", a word that names no country
        mention.capitalOf = country;
        mention.name = country ? (gazetteer().capital(country)?.name ?? null) : null;
      }
      out.push(mention);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The country of "the Russian capital" / "Ukraine's capital"; null for a bare "the capital"; undefined: none. */
function capitalCountry(adjective: string | undefined, owner: string | undefined): string | null | undefined {
  if (adjective) return gazetteer().country(adjective)?.name;
  if (owner) {
    const p = gazetteer().place(owner);
    return p?.kind === 'country' ? p.name : undefined;
  }
  return null;
}

/** The last town or region named (any use) in text[from, to), or a capital named, for resolving `there`. */
export function lastPlaceNamed(text: string, from: number, to: number): string | null {
  let last: { at: number; name: string } | null = null;
  for (const m of findNames(gazetteer(), text, from, to)) {
    if (m.place.kind !== 'country') last = { at: m.start, name: m.place.name };
  }
  const s = text.slice(from, to);
  if (/capital/i.test(s)) {
    ANAPHORA.lastIndex = 0;
    for (let m = ANAPHORA.exec(s); m !== null; m = ANAPHORA.exec(s)) {
      const g = m.groups ?? {};
      if (!g.capital) continue;
      const country = capitalCountry(g.adjective, g.owner);
      const name = country ? (gazetteer().capital(country)?.name ?? null) : null;
      if (name && (!last || from + m.index > last.at)) last = { at: from + m.index, name };
    }
  }
  return last?.name ?? null;
}

/** How far back `there` looks for the place it stands for. */
export const ANAPHORA_REACH = 1_200;

/**
 * The name a mention stands for: `there` and `the city` against the text before it, a bare `the capital`
 * as the capital of `topic`'s country.
 */
export function resolveMention(
  text: string,
  mention: PlaceMention,
  topic: Place | null = null,
): string | null {
  if (mention.name) return mention.name;
  if (mention.country) {
    // The country last named as a place (not "Russia invaded"), else the text's.
    const named = findNames(
      gazetteer(),
      text,
      Math.max(0, mention.start - ANAPHORA_REACH),
      mention.start,
    ).filter(
      (n) => !isSpeaker(text, n.end) && (n.place.kind !== 'country' || countryAsPlace(text, n.start, n.end)),
    );
    return named[named.length - 1]?.place.country ?? topic?.country ?? null;
  }
  if (mention.capitalOf === null) return topic ? (gazetteer().capital(topic.country)?.name ?? null) : null;
  if (mention.capitalOf !== undefined) return null;
  return lastPlaceNamed(text, Math.max(0, mention.start - ANAPHORA_REACH), mention.start);
}

const TARGET_BEFORE =
  /\b(?:invaded|invading|invade|invasion\s+of|attacked|attacking|struck|hit|shelled|bombed|bombarded)\s+$/i;

/** Whether a country named at [start, end) is named as a place: after a preposition of place, as a host, an owner. */
function countryAsPlace(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  return (
    LOCATIVE_BEFORE.test(before) ||
    TARGET_BEFORE.test(before) ||
    HOSTING_AFTER.test(after) ||
    PLACE_AFTER.test(after)
  );
}

/** How much of the text's opening decides what it is about (a headline and a first paragraph or two). */
const LEAD = 600;

/**
 * The place a text is about: a name in its opening counts three times, speakers ("Russia said") and
 * datelines (where the reporter filed from) not at all. Null when the text names no place: there is no
 * default country.
 */
export function topicPlace(text: string): Place | null {
  const scores = new Map<string, { place: Place; score: number; first: number }>();
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const m = DATELINE.exec(paragraph);
    const from = offset + (m ? m[0].length : 0);
    for (const n of findNames(gazetteer(), text, from, offset + paragraph.length)) {
      if (isSpeaker(text, n.end) || isSurname(text, n)) continue;
      // A country as a sentence's subject ("Russia invaded") is an actor; where things happen is "in
      // Ukraine", "invaded Ukraine", "Ukraine's east".
      if (n.place.kind === 'country' && !countryAsPlace(text, n.start, n.end)) continue;
      const key = `${n.place.kind}|${n.place.name}`;
      const entry = scores.get(key) ?? { place: n.place, score: 0, first: n.start };
      entry.score += n.start < LEAD ? 3 : 1;
      scores.set(key, entry);
    }
    offset += paragraph.length + 1;
  }
  // The country the text is about: its own mentions and its towns' and regions' together. Then the one
  // place of that country named more than the country itself and than all its other places together
  // (a text about Kharkiv names Ukraine too), else the country.
  const countries = new Map<string, { total: number; own: number; first: number }>();
  for (const e of scores.values()) {
    const c = countries.get(e.place.country) ?? { total: 0, own: 0, first: e.first };
    c.total += e.score;
    if (e.place.kind === 'country') c.own += e.score;
    c.first = Math.min(c.first, e.first);
    countries.set(e.place.country, c);
  }
  let country: string | null = null;
  for (const [name, c] of countries) {
    const best = country === null ? null : countries.get(country)!;
    if (!best || c.total > best.total || (c.total === best.total && c.first < best.first)) country = name;
  }
  if (country === null) return null;
  const total = countries.get(country)!;
  let best: { place: Place; score: number; first: number } | null = null;
  for (const e of scores.values()) {
    if (e.place.country !== country) continue;
    if (
      !best ||
      e.score > best.score ||
      (e.score === best.score && e.place.kind !== 'country' && e.first < best.first)
    )
      best = e;
  }
  if (best && best.place.kind !== 'country' && best.score > total.own && best.score * 2 > total.total)
    return best.place;
  const own = [...scores.values()].find((e) => e.place.kind === 'country' && e.place.name === country);
  return own?.place ?? gazetteer().place(country) ?? best?.place ?? null;
}

/**
 * The place a source speaks for: "Mariupol city officials" → Mariupol; for refugee counts, the host
 * country of "Polish border guards".
 */
export function placeStarting(name: string, metric: Metric): string | null {
  const first = findNames(gazetteer(), name, 0, Math.min(name.length, 60))[0];
  if (first && first.start === 0 && first.place.kind !== 'country') return first.place.name;
  if (metric === 'fled_abroad') return gazetteer().country(name.split(' ')[0]!)?.name ?? null;
  return null;
}

/** Whether a word is a people's name (`Palestinian`, `Sudanese`), from the gazetteer's demonyms. */
export function isDemonym(word: string): boolean {
  return gazetteer().country(word) !== undefined;
}

/** What kind of place a name (as written) is, if any. */
export function placeKind(name: string): Place['kind'] | undefined {
  return gazetteer().place(name)?.kind;
}

/** A place named only as a reference point: "northwest of the capital", "40 km south of Kharkiv". */
const REFERENCE_POINT =
  /\b(?:north|south|east|west|northwest|northeast|southwest|southeast|km|kilometres|kilometers|miles)\s+of\s+$/i;

/** The first usable place among `mentions`, named places before `the capital`/`there`. */
export function firstPlace(
  text: string,
  mentions: readonly PlaceMention[],
  topic: () => Place | null,
): string | null {
  for (const pass of [false, true]) {
    for (const m of mentions) {
      if ((m.kind === 'anaphora') !== pass) continue;
      if (REFERENCE_POINT.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
      const place = resolveMention(text, m, m.capitalOf === null || m.country ? topic() : null);
      if (place) return place;
    }
  }
  return null;
}
