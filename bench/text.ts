/**
 * News-like sentences for the benchmark pages and corpus: sentences with one reportable figure, sentences
 * with numbers that are not figures (times, dates, years, ages, ordinals, page furniture, phone numbers,
 * model numbers, population baselines) and sentences with no number at all. Deterministic given the Rng.
 */
import type { Rng } from './prng.ts';

export const PLACES = [
  'Kyiv',
  'Kharkiv',
  'Mariupol',
  'Chernihiv',
  'Sumy',
  'Odesa',
  'Mykolaiv',
  'Kherson',
  'Zaporizhzhia',
  'Dnipro',
  'Lviv',
  'Irpin',
  'Bucha',
  'Ukraine',
] as const;

const SOURCES = [
  'the UN human rights office',
  'the regional governor',
  "Ukraine's emergency service",
  'the city mayor',
  "Ukraine's defence ministry",
  'local officials',
  'the World Health Organization',
  'police',
] as const;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTHS = ['February', 'March', 'April', 'May', 'June'] as const;
const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'a dozen'];

/** A count as news writes it: 780, 1,252, 3.8 million, or a word. */
export function count(rng: Rng, min = 2, max = 9_000): string {
  const roll = rng.next();
  if (roll < 0.12) return rng.pick(WORDS);
  const n = rng.int(min, max);
  return n.toLocaleString('en-US');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function city(rng: Rng): string {
  return rng.pick(PLACES.slice(0, -1));
}

const FIGURE_TEMPLATES: readonly ((rng: Rng) => string)[] = [
  (r) =>
    `At least ${count(r)} civilians have been killed in ${city(r)} since the invasion began, ${r.pick(SOURCES)} said.`,
  (r) => `${cap(r.pick(SOURCES))} said ${count(r)} people had been injured in the shelling of ${city(r)}.`,
  (r) =>
    `More than ${r.int(1, 5)}.${r.int(1, 9)} million people have fled Ukraine, according to the UN refugee agency.`,
  (r) => `About ${count(r, 1_000, 200_000)} residents remain trapped in ${city(r)}, ${r.pick(SOURCES)} said.`,
  (r) => `${cap(r.pick(SOURCES))} said ${count(r, 100, 15_000)} Russian soldiers had been killed.`,
  (r) =>
    `Nearly ${count(r, 200, 50_000)} people were evacuated from ${city(r)} on ${r.pick(WEEKDAYS)}, officials said.`,
  (r) => `The European Union pledged $${r.int(50, 900)} million in humanitarian aid to Ukraine.`,
  (r) => `${cap(count(r, 2, 300))} children have been killed in ${city(r)}, ${r.pick(SOURCES)} said.`,
  (r) => `Some ${count(r, 20, 2_000)} buildings have been destroyed in ${city(r)}, the mayor said.`,
  (r) => `Police said ${count(r, 10, 5_000)} people were detained at anti-war protests in Russia.`,
  (r) => `The WHO has recorded ${r.int(10, 200)} attacks on health care facilities in Ukraine.`,
];

/** A sentence holding exactly one reportable figure. */
export function figureSentence(rng: Rng): string {
  return rng.pick(FIGURE_TEMPLATES)(rng);
}

const pad = (n: number) => String(n).padStart(2, '0');

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const OTHER_TEMPLATES: readonly ((rng: Rng) => string)[] = [
  (r) => `The briefing began at ${pad(r.int(6, 22))}:${pad(r.int(0, 59))} local time.`,
  (r) => `A ${r.int(19, 88)}-year-old woman said she had lived in ${city(r)} since ${r.int(1950, 2015)}.`,
  (r) =>
    `It is the ${ordinal(r.int(2, 40))} day of the war, and talks resume on ${r.pick(MONTHS)} ${r.int(1, 28)}.`,
  (r) =>
    `The agreement, first signed in ${r.int(1991, 2015)}, was last reviewed on ${r.pick(MONTHS)} ${r.int(1, 28)}, 2022.`,
  (r) => `Residents can call the hotline on +380 44 ${r.int(100, 999)} ${r.int(1000, 9999)}.`,
  (r) => `The S-${r.pick([300, 400, 200])} system was first deployed in ${r.int(1978, 2007)}.`,
  (r) =>
    `${city(r)}, a city of ${r.int(2, 9)}00,000 people before the war, is ${r.int(20, 90)} km from the border.`,
  (r) => `Kyiv's ${r.int(2, 12)} a.m. curfew will last for ${r.int(24, 36)} hours, the mayor said.`,
  (r) => `The session ran from ${r.int(8, 11)} a.m. to ${r.int(1, 6)} p.m. on ${r.pick(WEEKDAYS)}.`,
];

/** A sentence with numbers that are not figures. */
export function otherNumberSentence(rng: Rng): string {
  return rng.pick(OTHER_TEMPLATES)(rng);
}

const PLAIN = [
  'Sirens sounded across the city as residents moved to shelters.',
  'Officials urged people to stay indoors and follow the instructions of local authorities.',
  'Diplomats said the talks had made little progress.',
  'Humanitarian corridors were due to open in the morning, but shelling continued.',
  'The government said it would keep the railway running for as long as it could.',
  'Reporters could not independently verify the account.',
  'Queues formed outside pharmacies and food shops.',
  'Volunteers handed out blankets and hot drinks at the station.',
  'The ministry did not respond to a request for comment.',
  'Negotiators are expected to meet again later this week.',
] as const;

export function plainSentence(rng: Rng): string {
  return rng.pick(PLAIN);
}

const HEADLINES = [
  'Shelling intensifies around the capital',
  'Evacuation corridors open amid fighting',
  'Talks resume as pressure mounts',
  'Aid convoy reaches besieged city',
  'Power restored to parts of the city',
  'Officials update casualty figures',
  'Refugees cross the western border',
  'Sanctions widen as markets fall',
] as const;

export function headline(rng: Rng): string {
  return rng.pick(HEADLINES);
}

/**
 * A paragraph of `sentences` sentences: with probability `figureShare` one of them holds a figure, and
 * about `otherShare` of the rest hold numbers that are not figures.
 */
export function paragraph(rng: Rng, sentences: number, figureShare: number, otherShare = 0.4): string {
  const out: string[] = [];
  const figureAt = rng.chance(figureShare) ? rng.int(0, sentences - 1) : -1;
  for (let i = 0; i < sentences; i++) {
    if (i === figureAt) out.push(figureSentence(rng));
    else out.push(rng.chance(otherShare) ? otherNumberSentence(rng) : plainSentence(rng));
  }
  return out.join(' ');
}

export function clock(rng: Rng): string {
  return `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}`;
}
