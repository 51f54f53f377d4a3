/**
 * Where a figure is about, as a normalised English name (`Kyiv` for Kiev). Ukrainian cities and regions
 * count wherever they are named; countries only after a preposition of place (`fled to Poland`, `in
 * Russia`), since `Russia said` names a speaker, not a place. `the capital` is Kyiv, `there` and `the city`
 * are the last place named before. National figures are `Ukraine`.
 */

import type { Metric } from '../types.ts';

export const NATIONAL = 'Ukraine';

const VARIANTS: Record<string, readonly string[]> = {
  Kyiv: ['Kyiv', 'Kiev', 'Kyjiw'],
  Kharkiv: ['Kharkiv', 'Kharkov'],
  Mariupol: ['Mariupol'],
  Chernihiv: ['Chernihiv', 'Chernigov'],
  Odesa: ['Odesa', 'Odessa'],
  Lviv: ['Lviv', 'Lvov', 'Lwow'],
  Mykolaiv: ['Mykolaiv', 'Mykolayiv', 'Nikolaev', 'Nikolayev'],
  Zaporizhzhia: ['Zaporizhzhia', 'Zaporizhia', 'Zaporozhye', 'Zaporizhzhya'],
  Dnipro: ['Dnipro', 'Dnipropetrovsk', 'Dnepr'],
  Donetsk: ['Donetsk'],
  Luhansk: ['Luhansk', 'Lugansk'],
  Sievierodonetsk: ['Sievierodonetsk', 'Severodonetsk', 'Syeverodonetsk'],
  Lysychansk: ['Lysychansk', 'Lisichansk'],
  Kherson: ['Kherson'],
  Sumy: ['Sumy'],
  Irpin: ['Irpin', 'Irpen'],
  Bucha: ['Bucha'],
  Hostomel: ['Hostomel', 'Gostomel'],
  Borodianka: ['Borodianka', 'Borodyanka'],
  Izium: ['Izium', 'Izyum'],
  Kramatorsk: ['Kramatorsk'],
  Sloviansk: ['Sloviansk', 'Slovyansk', 'Slavyansk'],
  Bakhmut: ['Bakhmut', 'Artemivsk'],
  Avdiivka: ['Avdiivka', 'Avdeevka', 'Avdeyevka'],
  Popasna: ['Popasna'],
  Melitopol: ['Melitopol'],
  Berdiansk: ['Berdiansk', 'Berdyansk'],
  Trostianets: ['Trostianets', 'Trostyanets'],
  Okhtyrka: ['Okhtyrka', 'Akhtyrka'],
  Vinnytsia: ['Vinnytsia', 'Vinnitsa'],
  Zhytomyr: ['Zhytomyr', 'Zhitomir'],
  Poltava: ['Poltava'],
  Kremenchuk: ['Kremenchuk', 'Kremenchug'],
  Volnovakha: ['Volnovakha'],
  Rubizhne: ['Rubizhne'],
  Makariv: ['Makariv'],
  Brovary: ['Brovary'],
  Chernivtsi: ['Chernivtsi'],
  Uman: ['Uman'],
  'Bila Tserkva': ['Bila Tserkva'],
  Kropyvnytskyi: ['Kropyvnytskyi'],
  'Ivano-Frankivsk': ['Ivano-Frankivsk'],
  Lutsk: ['Lutsk'],
  Rivne: ['Rivne'],
  Ternopil: ['Ternopil'],
  Khmelnytskyi: ['Khmelnytskyi'],
  Cherkasy: ['Cherkasy'],
  Vasylkiv: ['Vasylkiv'],
  Enerhodar: ['Enerhodar'],
  'Nova Kakhovka': ['Nova Kakhovka'],
  Vuhledar: ['Vuhledar'],
  Kupiansk: ['Kupiansk'],
  Lyman: ['Lyman'],
  Kostiantynivka: ['Kostiantynivka'],
  Pokrovsk: ['Pokrovsk'],
  Crimea: ['Crimea'],
  Donbas: ['Donbas', 'Donbass'],
  Belgorod: ['Belgorod'],
  Kursk: ['Kursk'],
  Bryansk: ['Bryansk'],
};

/** Countries: places only after a preposition of place. */
const COUNTRIES: Record<string, readonly string[]> = {
  Ukraine: ['Ukraine'],
  Poland: ['Poland'],
  Romania: ['Romania'],
  Moldova: ['Moldova'],
  Hungary: ['Hungary'],
  Slovakia: ['Slovakia'],
  Belarus: ['Belarus'],
  Russia: ['Russia'],
  Germany: ['Germany'],
  'Czech Republic': ['Czech Republic', 'Czechia'],
  Austria: ['Austria'],
  Italy: ['Italy'],
  France: ['France'],
  Turkey: ['Turkey'],
  'United Kingdom': ['Britain', 'United Kingdom', 'the UK'],
  Moscow: ['Moscow'],
};

function alternation(table: Record<string, readonly string[]>): {
  re: RegExp;
  canonical: Map<string, string>;
} {
  const canonical = new Map<string, string>();
  for (const [name, variants] of Object.entries(table))
    for (const v of variants) canonical.set(v.toLowerCase(), name);
  // Case-sensitive: place names are written with a capital (and "Sumy" is not "sumy").
  const names = [...new Set(Object.values(table).flat())].sort((a, b) => b.length - a.length);
  return {
    re: new RegExp(`\\b(?:${names.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'g'),
    canonical,
  };
}

const CITY = alternation(VARIANTS);
const COUNTRY = alternation(COUNTRIES);
const LOCATIVE_BEFORE =
  /\b(?:in|at|near|around|outside|from|into|to|across|inside|throughout|towards|toward|within|of|over|on)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;
/** A country hosting refugees is their place even as a subject: "Poland alone has taken in 1.3 million". */
const HOSTING_AFTER =
  /^\s+(?:alone\s+|now\s+|so\s+far\s+)*(?:has|have|had|is|was)\s+(?:now\s+|already\s+)?(?:taken\s+in|received|welcomed|hosting|registered|recorded|accepted)\b|^\s+(?:hosts|took\s+in)\b/;
const SPEAKER_AFTER =
  /^['’]?s?\s+(?:says|said|say|claims|claimed|reported|announced|and\s+its\s+allies|and\s+its\s+Western)/;
/** `the capital`, `there`, `the city`: a place named before (Kyiv for the capital). */
const ANAPHORA =
  /\b(?:(?<russianCapital>the\s+Russian\s+capital)|(?<capital>(?:the|Ukraine['’]s|the\s+Ukrainian)\s+capital)|(?<there>there(?!\s+(?:is|are|was|were|had|has|have|will|would|could|may|might|seems?|appears?|remains?|being|been)\b))|(?<city>the\s+(?:port\s+city|city|town|port|village|region|oblast)(?!\s+(?:of|city|council|officials|authorities|administration|mayor|governor)\b|['’]s)))\b/gi;

/** A cheap test before the anaphora pattern runs. */
const MAY_REFER = /there|capital|city|town|port|village|region|oblast/i;

export interface PlaceMention {
  start: number;
  end: number;
  /** Normalised name; null for `there`/`the city` until resolved. */
  name: string | null;
  kind: 'city' | 'country' | 'anaphora';
}

/** Place mentions in text[from, to) usable as the place of a figure, in order. */
export function placeMentions(text: string, from: number, to: number): PlaceMention[] {
  const s = text.slice(from, to);
  const out: PlaceMention[] = [];
  if (!/[A-Z]/.test(s) && !MAY_REFER.test(s)) return out;
  CITY.re.lastIndex = 0;
  for (let m = CITY.re.exec(s); m !== null; m = CITY.re.exec(s)) {
    if (SPEAKER_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
    const name = CITY.canonical.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (name) out.push({ start: from + m.index, end: from + m.index + m[0].length, name, kind: 'city' });
  }
  COUNTRY.re.lastIndex = 0;
  for (let m = COUNTRY.re.exec(s); m !== null; m = COUNTRY.re.exec(s)) {
    const before = text.slice(Math.max(0, from + m.index - 40), from + m.index);
    const hosting = HOSTING_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!LOCATIVE_BEFORE.test(before) && !hosting) continue;
    if (/^['’]s\b/.test(s.slice(m.index + m[0].length))) continue;
    const name = COUNTRY.canonical.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (name) out.push({ start: from + m.index, end: from + m.index + m[0].length, name, kind: 'country' });
  }
  if (MAY_REFER.test(s)) {
    ANAPHORA.lastIndex = 0;
    for (let m = ANAPHORA.exec(s); m !== null; m = ANAPHORA.exec(s)) {
      const g = m.groups ?? {};
      const name = g.russianCapital ? 'Moscow' : g.capital ? 'Kyiv' : null;
      out.push({ start: from + m.index, end: from + m.index + m[0].length, name, kind: 'anaphora' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The country a text's national figures belong to: Ukraine whenever the text names it (the corpus is about
 * the war there), else the country it names most ("an earthquake in eastern Turkey"). One pass over the text.
 */
export function homeCountry(text: string): string {
  if (/\bUkrain/.test(text)) return NATIONAL;
  const counts = new Map<string, number>();
  COUNTRY.re.lastIndex = 0;
  for (let m = COUNTRY.re.exec(text); m !== null; m = COUNTRY.re.exec(text)) {
    // Where things happen ("in eastern Turkey", a dateline's "MALATYA, Turkey"), not who speaks.
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!LOCATIVE_BEFORE.test(before) && !/[\p{Lu}], $/u.test(before)) continue;
    const name = COUNTRY.canonical.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (name && name !== 'Moscow') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best = NATIONAL;
  let most = 0;
  for (const [name, n] of counts) if (n > most) [best, most] = [name, n];
  return best;
}

/** The last place named (any use) in text[from, to), for resolving `there`. */
export function lastPlaceNamed(text: string, from: number, to: number): string | null {
  const s = text.slice(from, to);
  let last: { at: number; name: string } | null = null;
  CITY.re.lastIndex = 0;
  for (let m = CITY.re.exec(s); m !== null; m = CITY.re.exec(s)) {
    const name = CITY.canonical.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (name && (!last || m.index > last.at)) last = { at: m.index, name };
  }
  if (/capital/i.test(s)) {
    ANAPHORA.lastIndex = 0;
    for (let m = ANAPHORA.exec(s); m !== null; m = ANAPHORA.exec(s)) {
      const g = m.groups ?? {};
      const name = g.russianCapital ? 'Moscow' : g.capital ? 'Kyiv' : null;
      if (name && (!last || m.index > last.at)) last = { at: m.index, name };
    }
  }
  return last?.name ?? null;
}

/** How far back `there` looks for the place it stands for. */
export const ANAPHORA_REACH = 1_200;

/** The name a mention stands for, resolving `there` and `the city` against the text before it. */
export function resolveMention(text: string, mention: PlaceMention): string | null {
  if (mention.name) return mention.name;
  return lastPlaceNamed(text, Math.max(0, mention.start - ANAPHORA_REACH), mention.start);
}

/** Host countries by the adjective of their authorities: "Polish border guards" count arrivals in Poland. */
const HOSTS: ReadonlyMap<string, string> = new Map([
  ['polish', 'Poland'],
  ['romanian', 'Romania'],
  ['moldovan', 'Moldova'],
  ['hungarian', 'Hungary'],
  ['slovak', 'Slovakia'],
  ['german', 'Germany'],
  ['czech', 'Czech Republic'],
]);

/**
 * The place a source speaks for: "Mariupol city officials" → Mariupol; for refugee counts, the host
 * country of "Polish border guards".
 */
export function placeStarting(name: string, metric: Metric): string | null {
  CITY.re.lastIndex = 0;
  const m = CITY.re.exec(name);
  if (m && m.index === 0) return CITY.canonical.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? null;
  if (metric === 'fled_abroad') return HOSTS.get(name.split(' ')[0]!.toLowerCase()) ?? null;
  return null;
}
