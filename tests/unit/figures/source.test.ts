/**
 * lib/figures/source.ts on its own: who a sentence attributes its figures to, and the one name each source
 * gets wherever it is written.
 */
import { describe, expect, test } from 'vitest';
import {
  NO_PLACE,
  acronymsDefined,
  backwardAttribution,
  colonSource,
  findAttributions,
  isListed,
  lastNewspaperNamed,
  normaliseSource,
  parentheticalSource,
  type SourceContext,
} from '../../../lib/figures/source.ts';

const inPlace = (place: string): SourceContext => ({ place: () => place });

/** The sources a sentence's attribution verbs name, in order. */
function sources(sentence: string, context: SourceContext = NO_PLACE): string[] {
  return findAttributions(sentence, 0, sentence.length, context).map((a) => a.source.name);
}

describe('findAttributions: who says so', () => {
  test.each<[string[], string]>([
    [['UN human rights office'], 'The UN human rights office said 780 civilians had been killed.'],
    [['UN human rights office'], 'At least 780 civilians have been killed, according to OHCHR.'],
    [['UN human rights office'], 'HRMMU has recorded 780 civilian deaths.'],
    [['UN human rights office'], 'The United Nations human rights office in Geneva revealed the toll.'],
    [['UNHCR'], 'The UN refugee agency said 3.8 million people had fled.'],
    [['Zelenskyy'], 'Zelenskyi said 1,300 soldiers had died.'],
    [['Zelenskyy'], 'President Volodymyr Zelensky told reporters 1,300 soldiers had died.'],
    [['Vitali Klitschko'], 'Kyiv Mayor Vitali Klitschko said 60 people had been killed.'],
    [['Kremlin'], 'Russia said 498 of its soldiers had died.'],
    [['Kremlin'], 'Moscow says 1,351 servicemen have been killed.'],
    [['Russian defence ministry'], 'Russia’s defence ministry said 498 soldiers had died.'],
    [['UK defence ministry'], 'Britain’s Ministry of Defence estimated the losses.'],
    [['Ukrainian military'], 'The General Staff reported 15,000 Russian deaths.'],
    [['Pentagon'], 'The Pentagon estimated that 7,000 Russian troops had died.'],
    [['Polish border guards'], 'Polish border guards said 2 million had crossed.'],
    [['Viacheslav Chaus'], 'Viacheslav Chaus, governor of the region, said 40 people had died.'],
    [['he'], 'He said 50 of them had been executed.'],
    [[], 'About 2 million refugees have been recorded in Poland.'],
    [[], 'At least 780 civilians have been killed.'],
  ])('%j: %j', (expected, sentence) => {
    expect(sources(sentence)).toEqual(expected);
  });

  test.each<[string, string, string]>([
    ['Mariupol mayor', '"Thousands have died," the mayor said.', 'Mariupol'],
    ['Kharkiv officials', 'Officials said 12 people had been killed.', 'Kharkiv'],
    ['Kharkiv police', 'Police said 12 people had been killed.', 'Kharkiv'],
  ])('%s: %j in a text about %s', (expected, sentence, place) => {
    expect(sources(sentence, inPlace(place))).toEqual([expected]);
  });

  // A first-person pronoun names nobody; the speaker is the one named after the quote.
  test.each<[string[], string]>([
    [['Viacheslav Chaus'], '"We counted 40 bodies," said Viacheslav Chaus, governor of Chernihiv.'],
    [['UN human rights office'], '"We have recorded 780 deaths," the UN human rights office said.'],
  ])('%j: %j (a quote in the first person)', (expected, sentence) => {
    expect(sources(sentence)).toEqual(expected);
  });

  test('a forecast verb marks the figure as a forecast; "according to" attributes its whole clause', () => {
    const [forecast] = findAttributions('UNHCR predicted that 4 million would flee.', 0, 42, NO_PLACE);
    expect(forecast).toMatchObject({ source: { name: 'UNHCR' }, forecast: true, according: false });
    const text = '780 civilians were killed, according to the WHO.';
    const [according] = findAttributions(text, 0, text.length, NO_PLACE);
    expect(according).toMatchObject({ source: { name: 'WHO' }, forecast: false, according: true });
  });
});

describe('normaliseSource: one name per source', () => {
  test.each<[string, string, string]>([
    ['UN human rights office', 'org', 'the Office of the UN High Commissioner for Human Rights'],
    ['UNHCR', 'org', 'the United Nations refugee agency'],
    ['IOM', 'org', 'the International Organization for Migration'],
    ['WHO', 'org', 'the World Health Organisation'],
    ['UN human rights office', 'org', 'figures from the UN human rights monitoring mission'],
    ['Zelenskyy', 'person', 'Volodymyr Zelenskyy'],
    ['Vladimir Putin', 'person', 'Vladimir Putin'],
    ['Kremlin', 'org', 'Russia'],
    ['Ukrainian officials', 'org', 'Ukrainian officials'],
    ['US officials', 'org', 'senior US defense officials'],
    ['Western officials', 'org', 'Western intelligence officials'],
    ['aid agencies', 'title', 'aid agencies'],
    ['Oleksandr Starukh', 'person', 'Zaporizhzhia regional governor Oleksandr Starukh'],
    ['he', 'he', 'he'],
    ['it', 'it', 'it'],
  ])('%s (%s): %j', (name, kind, phrase) => {
    expect(normaliseSource(phrase, NO_PLACE)).toEqual({ name, kind });
  });

  test.each([['1,300 soldiers'], ['two thousand people'], ['']])('%j names nobody', (phrase) => {
    expect(normaliseSource(phrase, NO_PLACE)).toBeNull();
  });

  test('listed sources are known names, not guesses from capitals', () => {
    expect(isListed({ name: 'UNHCR', kind: 'org' })).toBe(true);
    expect(isListed({ name: 'Hope Relief International', kind: 'org' })).toBe(false);
  });
});

describe('sources named elsewhere in the sentence', () => {
  test.each<[string | null, string]>([
    ['UN human rights office', 'The figures were published by the UN human rights office last Sunday.'],
    ['UNHCR', 'These numbers came from UNHCR on Monday.'],
    [null, 'The weather was cold on Monday.'],
  ])('backwardAttribution → %s: %j', (expected, sentence) => {
    expect(backwardAttribution(sentence, NO_PLACE)?.name ?? null).toBe(expected);
  });

  test.each<[string | null, string]>([
    ['UN', 'UN: 516 civilians killed'],
    ['Zelenskyy', 'Zelenskyy: 1,300 soldiers lost'],
    ['Kremlin', 'Russia: 498 soldiers dead'],
    [null, 'Related: 5 things to know about the war'],
    [null, 'Watch: 20 seconds of the strike'],
  ])('colonSource → %s: %j', (expected, sentence) => {
    expect(colonSource(sentence)?.name ?? null).toBe(expected);
  });

  test.each<[string | null, string]>([
    ['IOM', 'Displaced inside Ukraine: about 7.1 million (IOM)'],
    ['UNHCR', 'Refugees: 3.8 million (UNHCR).'],
    [null, 'Some 200 were injured (see below)'],
    [null, 'Some 200 were injured (officials)'],
  ])('parentheticalSource → %s: %j', (expected, clause) => {
    expect(parentheticalSource(clause)?.name ?? null).toBe(expected);
  });

  test('an acronym defined in the text stands for its full name', () => {
    const text = 'Hope Relief International (HRI) runs clinics. Later: 40 attacks (HRI monitoring data).';
    expect(acronymsDefined(text)).toEqual(new Map([['HRI', 'Hope Relief International']]));
    expect(acronymsDefined('The UN (OCHA) said so.').size).toBe(0);
  });

  test('"a pro-Kremlin newspaper" is the newspaper named before it', () => {
    const text =
      'The tabloid Komsomolskaya Pravda printed a toll. The pro-Kremlin newspaper later deleted it.';
    expect(lastNewspaperNamed(text, 0, text.length)).toBe('Komsomolskaya Pravda');
    expect(lastNewspaperNamed('No paper here.', 0, 14)).toBeNull();
  });
});
