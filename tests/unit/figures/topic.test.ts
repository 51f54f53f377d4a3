import { describe, expect, test } from 'vitest';
import TOPIC from '../../../lib/figures/data/topic-words.json';
import { readFigures } from '../../../lib/figures/index.ts';
import { isAboutHarm } from '../../../lib/figures/topic.ts';

describe('whether a page is about harm, displacement or aid', () => {
  test.each([
    ['a war story', 'Russian strikes kill 7 in Kharkiv', true],
    ['refugees', 'UNHCR: over 6 million refugees have left Ukraine', true],
    ['an earthquake', 'Myanmar quake: rescuers search the rubble', true],
    ['hostages', 'Hostages released after 50 days in Gaza', true],
    ['two weak words together', 'Aid convoy reaches city after storm', true],
    ['a phone review', 'Pixel 8 review: the best camera on a phone for $700', false],
    [
      'a budget story',
      'As debt rises, the government will soon spend more on interest than on the military',
      false,
    ],
    ['a bug tracker', 'Bug 1681331 - Crash in nsDocShell when opening a new tab', false],
    ['one weak word alone', 'Hearing aid prices fall to $99', false],
    ['nothing', '', false],
  ])('%s', (_what, lead, about) => {
    expect(isAboutHarm(lead)).toBe(about);
  });

  test('a page about something else has no figures, whatever its numbers say', () => {
    const review =
      'The phone costs $700 and 2 million people bought one. Overcast 2 is free; Pocket Casts is $4.99.';
    expect(readFigures(review, { date: null, lead: 'Pixel 8 review' })).toEqual([]);
    // The same sentences on a page about the war are read as usual.
    const war = 'Officials said 2 million people had fled abroad since the invasion began.';
    expect(readFigures(war, { date: null, lead: 'Pixel 8 review' }).map((f) => f.text)).toEqual([
      '2 million',
    ]);
  });

  test('the vocabulary is whole words of letters and hyphens, each listed once', () => {
    const all = [...TOPIC.strong, ...TOPIC.weak];
    for (const w of all) expect(w).toMatch(/^[a-z][a-z-]*\*?$/);
    expect(new Set(all).size).toBe(all.length);
  });
});
