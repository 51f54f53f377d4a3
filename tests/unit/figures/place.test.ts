/**
 * lib/figures/place.ts and the lookups of gazetteer.ts on their own: which names in a sentence are places a
 * figure can be about, what `there`, `the capital` and `the country` stand for, and what a text is about.
 * (The committed gazetteer itself is checked in gazetteer.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { findNames } from '../../../lib/figures/gazetteer.ts';
import {
  gazetteer,
  lastPlaceNamed,
  placeMentions,
  placeStarting,
  resolveMention,
  topicPlace,
} from '../../../lib/figures/place.ts';
import type { Metric } from '../../../lib/types.ts';

/** The places a sentence names, in order; `there`, `the city` and a bare `the capital` resolved against `topic`. */
function places(text: string, topic: string | null = null): (string | null)[] {
  const about = topic === null ? null : (gazetteer().place(topic) ?? null);
  return placeMentions(text, 0, text.length).map((m) => resolveMention(text, m, about));
}

describe('gazetteer lookups', () => {
  test.each<[string, string, string]>([
    ['Kiev', 'Kyiv', 'city'],
    ['Kharkov', 'Kharkiv', 'city'],
    ['Odessa', 'Odesa', 'city'],
    ['Ukraine', 'Ukraine', 'country'],
    ['Gaza Strip', 'Gaza', 'region'],
  ])('%s is %s (%s)', (written, name, kind) => {
    expect(gazetteer().place(written)).toMatchObject({ name, kind });
  });

  test('demonyms, capitals and regions named after their seat', () => {
    expect(gazetteer().country('Polish')?.name).toBe('Poland');
    expect(gazetteer().country('ukrainian')?.name).toBe('Ukraine');
    expect(gazetteer().capital('Ukraine')?.name).toBe('Kyiv');
    expect(gazetteer().region('Kiev')?.name).toBe('Kyiv region');
    expect(gazetteer().place('Police')).toBeUndefined();
  });

  test.each<[string, string[]]>([
    ['Shelling hit Bila Tserkva and Kharkov.', ['Bila Tserkva', 'Kharkiv']],
    ['Fighting in the Kyiv region went on.', ['Kyiv region']],
    ['In the region of Kharkiv, 12 died.', ['Kharkiv region']],
    ['Myanmar’s biggest earthquake struck.', ['Myanmar']],
    ['nothing capitalised here', []],
  ])('findNames: %j', (text, names) => {
    expect(findNames(gazetteer(), text, 0, text.length).map((m) => m.place.name)).toEqual(names);
  });
});

describe('placeMentions: the places a figure can be about', () => {
  test.each<[(string | null)[], string]>([
    [['Kharkiv'], '12 people were killed in Kharkov.'],
    [['Poland'], 'More than 2 million people have fled to Poland.'],
    [['Poland'], 'Poland alone has taken in 1.3 million.'],
    [['Ukraine'], 'Fighting in Ukraine’s east has killed 300.'],
    [['Myanmar'], 'Myanmar’s biggest earthquake killed 3,000 people.'],
    [['Kharkiv'], 'Kharkiv’s mayor said 12 people had died.'],
    [['Moscow'], 'A drone struck the Russian capital.'],
    [[], 'Russia said 498 soldiers had died.'],
    [[], 'Russia’s defence ministry said 498 soldiers had died.'],
    [[], 'Moscow’s forces have lost 7,000 soldiers.'],
    [[], 'At least 780 civilians have been killed.'],
  ])('%j: %j', (expected, text) => {
    expect(places(text)).toEqual(expected);
  });

  // "Ukraine’s capital" names the capital, as "the Ukrainian capital" does; "Ukraine’s east" stays Ukraine.
  test('"Ukraine’s capital" is Kyiv, not Ukraine', () => {
    expect(places('In Ukraine’s capital 12 people were killed overnight.')).toEqual(['Kyiv']);
  });

  test.each<[string | null, string, string | null]>([
    ['Mariupol', 'Shelling hit Mariupol on Monday. 12 people died there.', null],
    ['Sumy', 'Strikes hit Kharkiv and then Sumy. The city lost power.', null],
    ['Kyiv', 'Sirens sounded in the capital overnight.', 'Ukraine'],
    [null, 'Sirens sounded in the capital overnight.', null],
    ['Syria', 'Aid reached 2 million people in Syria. The war-torn country needs more.', null],
    ['Ukraine', 'Across the country 300 schools were hit.', 'Ukraine'],
  ])('%s: the place of %j (text about %s)', (expected, text, topic) => {
    expect(places(text, topic).at(-1)).toBe(expected);
  });
});

describe('lastPlaceNamed: what `there` looks back to', () => {
  test.each<[string | null, string]>([
    ['Sumy', 'Strikes hit Kharkiv and then Sumy.'],
    ['Moscow', 'Drones reached Kharkiv and the Russian capital.'],
    ['Kyiv', 'Fighting in Ukraine reached Kyiv.'],
    [null, 'Fighting in Ukraine went on.'],
  ])('%s: %j', (expected, text) => {
    expect(lastPlaceNamed(text, 0, text.length)).toBe(expected);
  });
});

describe('topicPlace: the place a text is about', () => {
  test.each<[string | null, string]>([
    [
      'Ukraine',
      'Russia said on Monday that its forces had advanced. Fighting in Ukraine went on in Kharkiv, Sumy and Mariupol.',
    ],
    [
      'Kharkiv',
      'Shelling in Kharkiv killed 12 people.\nKharkiv has been under fire for weeks; Kharkiv officials say the toll is rising in Ukraine’s second city.',
    ],
    [
      'Mariupol',
      'KYIV, March 18 (Reuters) - Thousands remain trapped in Mariupol.\nMariupol has had no water for days.',
    ],
    ['Myanmar', 'Myanmar’s biggest earthquake in a century killed thousands in Mandalay and across Myanmar.'],
    [null, 'The storm killed 12 people, officials said.'],
  ])('%s: %j', (expected, text) => {
    expect(topicPlace(text)?.name ?? null).toBe(expected);
  });
});

describe('placeStarting: the place a source speaks for', () => {
  test.each<[string | null, string, Metric]>([
    ['Mariupol', 'Mariupol city officials', 'killed'],
    ['Kharkiv region', 'Kharkiv region governor', 'killed'],
    ['Poland', 'Polish border guards', 'fled_abroad'],
    [null, 'Polish border guards', 'killed'],
    [null, 'UN human rights office', 'killed'],
  ])('%s: %j (%s)', (expected, source, metric) => {
    expect(placeStarting(source, metric)).toBe(expected);
  });
});
