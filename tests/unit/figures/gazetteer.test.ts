import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildGazetteer, loadSources, OUTPUT, serialise } from '../../../scripts/build-gazetteer.ts';
import type { GazetteerData } from '../../../lib/figures/gazetteer.ts';
import { gazetteer, topicPlace } from '../../../lib/figures/place.ts';
import { readFigures } from '../../../lib/figures/index.ts';

const committed = readFileSync(OUTPUT, 'utf8');
const data = JSON.parse(committed) as GazetteerData;

describe('the generated gazetteer', () => {
  test('is what npm run gazetteer makes from the datasets and place-facts.json', () => {
    expect(serialise(buildGazetteer(loadSources()))).toBe(committed);
  }, 30_000);

  test('stays small: countries, regions and towns of 15,000 people or more', () => {
    expect(data.countries.length).toBeGreaterThanOrEqual(240);
    const towns = Object.values(data.cities).flat().length;
    const regions = Object.values(data.regions).flat().length;
    expect(towns).toBeGreaterThan(15_000);
    expect(towns).toBeLessThan(30_000);
    expect(regions).toBeGreaterThan(2_000);
    expect(committed.length).toBeLessThan(800 * 1024);
  });

  test('names each place once: no canonical name twice in a country and kind', () => {
    const seen = new Set<string>();
    for (const [kind, byCountry] of [
      ['town', data.cities],
      ['region', data.regions],
    ] as const) {
      for (const [code, list] of Object.entries(byCountry)) {
        for (const e of list) {
          const key = `${kind}|${code}|${typeof e === 'string' ? e : e[0]}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }
    }
    const countries = data.countries.map((c) => c[0]);
    expect(new Set(countries).size).toBe(countries.length);
  });

  test.each([
    ['Kyiv', 'Kyiv', 'city', 'Ukraine'],
    ['Kiev', 'Kyiv', 'city', 'Ukraine'],
    ['Kharkov', 'Kharkiv', 'city', 'Ukraine'],
    ['Odessa', 'Odesa', 'city', 'Ukraine'],
    ['Zaporozhye', 'Zaporizhzhia', 'city', 'Ukraine'],
    ['Gaza Strip', 'Gaza', 'region', 'Palestine'],
    ['Khan Yunis', 'Khan Yunis', 'city', 'Palestine'],
    ['Darfur', 'Darfur', 'region', 'Sudan'],
    ['Hatay', 'Hatay', 'region', 'Turkey'],
    ['Tigray', 'Tigray', 'region', 'Ethiopia'],
    ['Sudan', 'Sudan', 'country', 'Sudan'],
    ['Burma', 'Myanmar', 'country', 'Myanmar'],
    ['Britain', 'United Kingdom', 'country', 'United Kingdom'],
  ])('%s is %s (%s in %s)', (written, name, kind, country) => {
    expect(gazetteer().place(written)).toEqual({ name, kind, country });
  });

  test.each([['Police'], ['March'], ['Reading'], ['Hamas'], ['Split']])(
    'a common word or a group is no place: %s',
    (word) => {
      expect(gazetteer().place(word)).toBeUndefined();
    },
  );

  test('a region named after its seat town is read before "region" or "oblast", under any of its names', () => {
    expect(gazetteer().region('Kiev')?.name).toBe('Kyiv region');
    expect(gazetteer().region('Kharkiv')?.name).toBe('Kharkiv region');
    expect(gazetteer().country('Polish')?.name).toBe('Poland');
    expect(gazetteer().capital('Ukraine')?.name).toBe('Kyiv');
  });
});

const placeOf = (text: string, figure: string) =>
  readFigures(text, { date: null }).find((r) => r.text === figure)?.place;

describe('where a figure is: its own place, else the place the text is about, else none', () => {
  test.each([
    ['In Kiev, 30 people were killed.', '30', 'Kyiv'],
    ['Shelling killed 12 people in the Kyiv region.', '12', 'Kyiv region'],
    ['Shelling killed 12 people in Kyiv Oblast.', '12', 'Kyiv region'],
    ['Shelling killed 12 people across Ukraine.', '12', 'Ukraine'],
    ['Shelling killed 12 people in Kharkov.', '12', 'Kharkiv'],
    [
      'Fighting in Sudan has displaced millions. Officials said 200 people were killed this week.',
      '200',
      'Sudan',
    ],
    [
      'Violence in Darfur has worsened. More than 800 people were killed in attacks, the UN said. Darfur is in western Sudan.',
      'More than 800',
      'Darfur',
    ],
    ['Officials said 200 people were killed this week.', '200', null],
    // The country's possessive is a place before where things happen, not before what it does.
    ['The death toll from Myanmar’s biggest earthquake rose to 1,700.', '1,700', 'Myanmar'],
    ['Russia’s forces killed 12 people.', '12', null],
    // "the country": the one named as a place before it.
    [
      'Floods killed 11,300 people in Derna, Libya. They also killed about 170 people elsewhere in the country.',
      'about 170',
      'Libya',
    ],
    // A sentence without figures that sets the scene just before names the town.
    [
      'War in Gaza goes on.\n\nThe strike hit a house in Gaza City. Rescuers recovered the bodies of 10 people, it said.',
      '10',
      'Gaza City',
    ],
    // A place in the attribution is the source's.
    [
      'Fighting in Tigray goes on. As many as 50,000 people died, according to researchers at Ghent University in Belgium.',
      'As many as 50,000',
      'Tigray',
    ],
    ['Russia said 500 of its soldiers had been killed.', '500', null],
    [
      'GENEVA, March 16 (Wire) - More than 3 million people have fled the war in Ukraine, the UN said.',
      'More than 3 million',
      'Ukraine',
    ],
  ])('%j: %s → %s', (text, figure, place) => {
    expect(placeOf(text, figure)).toBe(place);
  });

  test.each([
    ['GENEVA, March 16 (Wire) - The war in Ukraine goes on.', 'Ukraine'],
    ['Rescuers in Hatay searched the rubble. Hatay was hit hardest.', 'Hatay'],
    ['A storm hit the coast. Nobody knows how many.', null],
  ])('the text is about: %j → %s', (text, place) => {
    expect(topicPlace(text)?.name ?? null).toBe(place);
  });
});
