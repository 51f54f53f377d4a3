/**
 * lib/figures/not-figures.ts on its own: each number a reader would never call a count (a year, a date, an
 * age, a phone number, page furniture...) with the reason it is left alone, and the counts beside them that
 * must stay figures. Tokens come from the number reader, as readFigures gets them.
 */
import { describe, expect, test } from 'vitest';
import { readNumberTokens, type NumberToken } from '../../../lib/figures/numbers.ts';
import {
  notFigureByContext,
  notFigureReason,
  type NotFigureReason,
} from '../../../lib/figures/not-figures.ts';

/** The number token written `written` in `text` (the first one when it is written twice). */
function token(text: string, written: string): NumberToken {
  const found = readNumberTokens(text).find((t) => t.text === written);
  if (!found) {
    const seen = readNumberTokens(text).map((t) => t.text);
    throw new Error(`no number ${JSON.stringify(written)} in ${JSON.stringify(text)}: ${seen.join(' | ')}`);
  }
  return found;
}

function reason(text: string, written: string): NotFigureReason | null {
  return notFigureReason(text, token(text, written));
}

describe('numbers that are never figures, and why', () => {
  test.each<[NotFigureReason, string, string]>([
    ['year', 'Ukraine has held the line since 2014, officials said.', '2014'],
    ['year', 'Between 2014 and 2016 the front barely moved.', '2016'],
    ['date', 'Russia invaded Ukraine on February 24, the ministry said.', '24'],
    ['date', 'On 24 February the invasion began.', '24'],
    ['date', 'Updated 2022-03-22 at noon.', '2022-03-22'],
    ['date', 'The report dated 24.02.2022 was published later.', '24.02.2022'],
    ['date', 'Filed 20220322 by the desk.', '20220322'],
    ['time', 'The sirens sounded at 10:30 local time.', '10:30'],
    ['time', 'The curfew begins at 5 am.', '5'],
    ['duration', '53 civilians had died there in the past 24 hours.', '24'],
    ['duration', 'A 24-hour curfew began on Sunday.', '24'],
    ['duration', 'The siege started 3 weeks ago.', '3'],
    ['age', 'A 12-year-old boy was among the dead.', '12'],
    ['age', 'The victims, aged 5 to 80, were buried on Monday.', '5'],
    ['age', 'The poet died at 69 in Kyiv.', '69'],
    ['age', 'Olena Kovalenko, 34, said she fled with her son.', '34'],
    ['ordinal', 'It was the 4th convoy to reach the city.', '4th'],
    ['percentage', 'Prices rose 15% in March.', '15'],
    ['percentage', 'Turnout fell by 12 per cent.', '12'],
    ['fraction', 'Three quarters of the homes have no power.', 'Three quarters'],
    ['phone', 'Call the hotline on +380 44 555 1234 for help.', '+380 44 555 1234'],
    ['phone', 'In an emergency dial 112.', '112'],
    ['id', 'Russia deployed S-300 systems near the border.', '300'],
    ['id', 'Flight MH17 was shot down over Donbas.', '17'],
    ['id', 'Security Council Resolution 2334 was adopted.', '2334'],
    ['id', 'Engineers rolled out 5G masts in the city.', '5G'],
    ['id', 'The law was cited in the report [12] and again later.', '12'],
    ['url', 'Read more at https://example.org/news/345 today.', '345'],
    ['furniture', 'Share this article 1,204 shares', '1,204'],
    ['furniture', 'Donate $10 to provide a blanket.', '$10'],
    ['furniture', 'Comments\n128\nMore stories', '128'],
    ['baseline', "Ukraine's 44 million people face a hard winter.", '44 million'],
    ['baseline', 'Mariupol, a city of 430,000, is under siege.', '430,000'],
    ['baseline', 'The town had 20,000 residents before the war.', '20,000'],
    ['one-of', 'It was one of the worst attacks of the war.', 'one'],
    ['measurement', 'A convoy stretched for 64 km north of Kyiv.', '64'],
    ['measurement', 'The blast left a crater 10 metres wide.', '10'],
    ['measurement', 'The ship carried 40,000 tonnes of grain.', '40,000'],
  ])('%s: %j (%s)', (expected, text, written) => {
    expect(reason(text, written)).toBe(expected);
  });
});

describe('a reading time', () => {
  test('"5 min read" is never a figure', () => {
    expect(reason('Ukraine war latest 5 min read', '5')).not.toBeNull();
  });
});

describe('counts that stay figures', () => {
  test.each<[string, string]>([
    ['At least 780 civilians have been killed, the UN said.', '780'],
    ['Almost 2000 troops were sent to the border.', '2000'],
    ['More than 3.8 million people have fled Ukraine.', '3.8 million'],
    ['Rescuers pulled 12 people from the rubble on March 3.', '12'],
    ['The EU pledged $350 million in humanitarian aid.', '$350 million'],
    ['They were 20 people hiding in the basement.', '20'],
    ['Of the city’s remaining 100,000 residents, many are trapped.', '100,000'],
    ['Some 1,200 people had been evacuated by 6 pm.', '1,200'],
    ['Twenty-one people were killed overnight.', 'Twenty-one'],
    ['Thousands have fled to Poland.', 'Thousands'],
    ['One person was killed and 12 were wounded.', 'One'],
    ['The shelling destroyed 300 homes in 24 hours.', '300'],
  ])('%j: %s is a count', (text, written) => {
    expect(reason(text, written)).toBeNull();
  });
});

describe('the same judgement from context alone (another reader’s spans)', () => {
  test.each<[NotFigureReason | null, string, string]>([
    ['year', 'The war began in 2014.', '2014'],
    ['age', 'Anna Petrenko, 34, fled.', '34'],
    ['measurement', 'It fell 29 km away.', '29'],
    [null, 'At least 780 civilians have been killed.', '780'],
  ])('%s: %j', (expected, text, written) => {
    const start = text.indexOf(written);
    const span = { text: written, start, end: start + written.length, value: Number(written) };
    expect(notFigureByContext(text, span)).toBe(expected);
  });
});
