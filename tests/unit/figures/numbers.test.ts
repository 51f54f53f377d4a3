import { describe, expect, test } from 'vitest';
import { readNumberTokens, readNumbers, type NumberToken } from '../../../lib/figures/numbers.ts';

/** `[text, value]` pairs of what readNumbers finds, in order. */
function numbers(input: string): [string, number | null][] {
  return readNumbers(input).map((n) => [n.text, n.value]);
}
function token(input: string, text: string): NumberToken {
  const t = readNumberTokens(input).find((x) => x.text === text);
  if (!t) throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(input)}`);
  return t;
}

describe('digits and separators', () => {
  test.each([
    ['780 people killed', [['780', 780]]],
    ['1,252 injured', [['1,252', 1252]]],
    ['as high as 9,861, with', [['9,861', 9861]]],
    ['almost 10000 soldiers', [['10000', 10000]]],
    ['1,234,567', [['1,234,567', 1234567]]],
    ['1,674,200.5', [['1,674,200.5', 1674200.5]]],
    // Seed 000 writes `.` as the thousands separator when a word follows (docs/figures-and-claims.md).
    ['Nearly 5.000 people have died', [['5.000', 5000]]],
    ['about 160.000 people are said to be trapped', [['160.000', 160000]]],
    // Alone, or before a scale, the same shape is a decimal.
    ['4.800', [['4.800', 4.8]]],
    ['rose to 4.800.', [['4.800', 4.8]]],
    ['3.800 million', [['3.800 million', 3800000]]],
    ['1.234.567 people', [['1.234.567', 1234567]]],
    ['1.234.567,89', [['1.234.567,89', 1234567.89]]],
    ['3.8', [['3.8', 3.8]]],
    ['.08', [['.08', 0.08]]],
    // A comma followed by one or two digits is a decimal comma.
    ['The number is 1,3.', [['1,3', 1.3]]],
    [
      '5,00 or 5.00',
      [
        ['5,00', 5],
        ['5.00', 5],
      ],
    ],
    // Spaces and no-break spaces group thousands.
    ['1 369 civilians', [['1 369', 1369]]],
    ['9\u00a0000 troops', [['9\u00a0000', 9000]]],
    ['9\u202f000 troops', [['9\u202f000', 9000]]],
    ['1 234 567.89', [['1 234 567.89', 1234567.89]]],
    // ...but not after a month name, where the first number is a day.
    [
      'On March 2 300 people fled',
      [
        ['2', 2],
        ['300', 300],
      ],
    ],
    // Years do not group with the next number.
    [
      'In 2014 500 people',
      [
        ['2014', 2014],
        ['500', 500],
      ],
    ],
    [
      '1, 234, 567',
      [
        ['1', 1],
        ['234', 234],
        ['567', 567],
      ],
    ],
    [
      '22,24,26,31.',
      [
        ['22', 22],
        ['24', 24],
        ['26', 26],
        ['31', 31],
      ],
    ],
    [
      '192.168.1.2',
      [
        ['192', 192],
        ['168', 168],
        ['1', 1],
        ['2', 2],
      ],
    ],
    ['-3 degrees', [['-3', -3]]],
    ['minus 5 degrees', [['minus 5', -5]]],
    [
      '1e10 and 1.3e6',
      [
        ['1e10', 1e10],
        ['1.3e6', 1.3e6],
      ],
    ],
    ['3/4 of them', [['3/4', 0.75]]],
    ['2 1/4 hours', [['2 1/4', 2.25]]],
  ] as [string, [string, number | null][]][])('%j', (input, expected) => {
    expect(numbers(input)).toEqual(expected);
  });
});

describe('scales and currency', () => {
  test.each([
    ['more than 3.8 million people', [['3.8 million', 3800000]]],
    ['1.2bn', [['1.2bn', 1.2e9]]],
    ['10k', [['10k', 10000]]],
    ['I can give you 10M.', [['10M', 1e7]]],
    ['2mil SEK', [['2mil', 2e6]]],
    ['a $350 million package', [['$350 million', 350e6]]],
    ['€2.5 billion in aid', [['€2.5 billion', 2.5e9]]],
    ['£1.5m for', [['£1.5m', 1.5e6]]],
    ['US$ 1MM', [['US$ 1MM', 1e6]]],
    ['1,674.5 million', [['1,674.5 million', 1674.5e6]]],
    ['322 hundred', [['322 hundred', 32200]]],
    ['3 dozens', [['3 dozens', 36]]],
    ['13 lakh', [['13 lakh', 1.3e6]]],
    [
      '10 bln or 10 tln',
      [
        ['10 bln', 1e10],
        ['10 tln', 1e13],
      ],
    ],
    ['2.33 k', [['2.33 k', 2330]]],
    // The scale distributes over both ends of a range.
    [
      '5-6 million',
      [
        ['5', 5e6],
        ['6 million', 6e6],
      ],
    ],
    [
      '5–6 million',
      [
        ['5', 5e6],
        ['6 million', 6e6],
      ],
    ],
    [
      'between 500 and 600 million',
      [
        ['500', 500e6],
        ['600 million', 600e6],
      ],
    ],
    [
      '3 to 3.5 million',
      [
        ['3', 3e6],
        ['3.5 million', 3.5e6],
      ],
    ],
    // The scale of a compound phrase does not distribute; a chain of scales does.
    [
      'one to one thousand five hundred',
      [
        ['one', 1],
        ['one thousand five hundred', 1500],
      ],
    ],
    [
      'two to three lakh crore',
      [
        ['two', 2e12],
        ['three lakh crore', 3e12],
      ],
    ],
    [
      'one or two million',
      [
        ['one', 1e6],
        ['two million', 2e6],
      ],
    ],
    // Not a range: the first number is larger, or a year.
    [
      'killed 2014-2 million',
      [
        ['2014', 2014],
        ['2 million', 2e6],
      ],
    ],
    // Lowercase m is a million when money or a count noun follows, else a metre.
    ['3.8m refugees', [['3.8m', 3.8e6]]],
    ["Ukraine's 44m people", [['44m', 44e6]]],
    ['a convoy 100m away', []],
    ['a 100m wall', []],
    ["1m isn't a number.", []],
  ] as [string, [string, number | null][]][])('%j', (input, expected) => {
    expect(numbers(input)).toEqual(expected);
  });

  test.each([
    ['$350 million', 'USD'],
    ['€2.5 billion', 'EUR'],
    ['£1.5m', 'GBP'],
    ['US$ 1MM', 'USD'],
    ['UAH 1,000', 'UAH'],
    ['₴500', 'UAH'],
  ])('%j is money in %s', (input, currency) => {
    expect(token(input, input).currency).toBe(currency);
  });

  test('a currency word after the number is recorded without joining the span', () => {
    const t = token('5 million dollars', '5 million');
    expect(t.currency).toBe('USD');
    expect(t.scale).toEqual({ text: 'million', factor: 1e6 });
    expect(t.base).toBe(5);
  });

  test('a range shares the scale and the currency', () => {
    const [a, b] = readNumberTokens('$5-6 million');
    expect(a).toMatchObject({ text: '$5', value: 5e6, sharedScale: true, currency: 'USD' });
    expect(b).toMatchObject({ text: '6 million', value: 6e6, joinedBefore: '-', currency: 'USD' });
  });
});

describe('numbers in words', () => {
  test.each([
    ['including four children', [['four', 4]]],
    ['including 21 children', [['21', 21]]],
    ['twenty-one', [['twenty-one', 21]]],
    ['Twenty-six people die', [['Twenty-six', 26]]],
    ['one hundred and sixty-one', [['one hundred and sixty-one', 161]]],
    ['Three hundred  and  thirty one', [['Three hundred  and  thirty one', 331]]],
    ['two thousand and two hundred', [['two thousand and two hundred', 2200]]],
    ['twenty-one trillion and three hundred', [['twenty-one trillion and three hundred', 21000000000300]]],
    ['a dozen', [['a dozen', 12]]],
    ['half a million', [['half a million', 500000]]],
    ['half a dozen', [['half a dozen', 6]]],
    ['a half million', [['a half million', 500000]]],
    ['another million are considered', [['another million', 1e6]]],
    ['a million people', [['a million', 1e6]]],
    ['two million', [['two million', 2e6]]],
    ['one and a half million', [['one and a half million', 1.5e6]]],
    ['two point five billion', [['two point five billion', 2.5e9]]],
    ['three lakh crore', [['three lakh crore', 3e12]]],
    ['One of those killed', [['One', 1]]],
    [
      'zero is 0',
      [
        ['zero', 0],
        ['0', 0],
      ],
    ],
    [
      'three-nought-four',
      [
        ['three', 3],
        ['nought', 0],
        ['four', 4],
      ],
    ],
    ['minus one', [['minus one', -1]]],
    // Fractions: a news reader meets `a quarter of`, `three quarters`, `one and a half`.
    [
      "a quarter of Ukraine's 44 million people",
      [
        ['a quarter', 0.25],
        ['44 million', 44e6],
      ],
    ],
    ['three quarters', [['three quarters', 0.75]]],
    ['one and a half', [['one and a half', 1.5]]],
    ['one-third of', [['one-third', 1 / 3]]],
    ['one hundred and three quarters', [['one hundred and three quarters', 100.75]]],
    // `and` between two numbers after `between` ends the first one.
    [
      'between one hundred and two hundred',
      [
        ['one hundred', 100],
        ['two hundred', 200],
      ],
    ],
    [
      'between one hundred and fifty',
      [
        ['one hundred', 100],
        ['fifty', 50],
      ],
    ],
    [
      'five to six',
      [
        ['five', 5],
        ['six', 6],
      ],
    ],
  ] as [string, [string, number | null][]][])('%j', (input, expected) => {
    expect(numbers(input)).toEqual(expected);
  });

  test.each([
    // Pronoun `one`.
    ['no one was hurt'],
    ['they blamed one another'],
    // Determiners alone.
    ['a man and an hour'],
    // A bare `half` is a proportion, not a number.
    ['more than half of them'],
    ['the first half'],
    ['several people'],
    ['tens of people'],
  ])('%j has no number', (input) => {
    expect(readNumbers(input)).toEqual([]);
  });
});

describe('vague quantities are numbers with value null', () => {
  test.each([
    ['injured dozens, including', 'dozens'],
    ['hundreds more were being sent', 'hundreds'],
    ['with hundreds of thousands of civilians trapped', 'hundreds of thousands'],
    ['left thousands dead', 'thousands'],
    ['Thousands of NATO soldiers', 'Thousands'],
    ['tens of thousands of people', 'tens of thousands'],
    ['tens of millions', 'tens of millions'],
    ['several hundred people', 'several hundred'],
    ['a few thousand troops', 'a few thousand'],
    ['many thousands fled', 'many thousands'],
    ['several hundred thousand', 'several hundred thousand'],
    ['scores of people', 'scores'],
    ['millions of refugees', 'millions'],
  ])('%j → %j', (input, text) => {
    expect(numbers(input)).toEqual([[text, null]]);
    expect(token(input, text).kind).toBe('vague');
  });
});

describe('ordinals are not cardinal numbers', () => {
  test.each([
    ['the eighth day'],
    ['the May 4th '],
    ['the 21st century'],
    ['a second round of talks'],
    ['The fourth straight day'],
    ['the twenty-first century'],
    ['one hundred and first day'],
    ['a fifth day'],
    ['two millionth visitor'],
    ['Book a first class seat'],
  ])('%j has no number', (input) => {
    expect(readNumbers(input)).toEqual([]);
  });

  test('a grouped ordinal is an ordinal too', () => {
    expect(readNumbers('on the 1,000th day')).toEqual([]);
    expect(token('on the 1,000th day', '1,000th').role).toBe('ordinal');
  });

  test('a digit ordinal is a token with role ordinal', () => {
    expect(token('on the 4th', '4th')).toMatchObject({ role: 'ordinal', gluedAfter: 'th', value: 4 });
  });

  test.each([
    ['a fifth', 0.2],
    ['a fifth of the city', 0.2],
    ['three fifths', 0.6],
    ['one twenty-fifth', 0.04],
    ['a hundredth', 0.01],
  ])('%j is a fraction, not an ordinal', (input, value) => {
    const got = readNumbers(input);
    expect(got).toHaveLength(1);
    expect(got[0]!.value).toBeCloseTo(value, 12);
  });
});

describe('hard negatives: digits that are not numbers', () => {
  test.each([
    // Model numbers and names.
    ['S-300 missiles', 'glued', '300'],
    ['MiG-29 jets', 'glued', '29'],
    ['F-16s', 'glued', '16s'],
    ['COVID-19', 'glued', '19'],
    ['an A4 sheet', 'glued', '4'],
    ['SCP-173', 'glued', '173'],
    ['5G networks', 'glued', '5G'],
    ['the 180ml liquid', 'glued', '180ml'],
    ['29km Road', 'glued', '29km'],
    ['in the 1990s', 'glued', '1990s'],
    ['russia-admits-almost-10000-soldiers-26524579', 'glued', '26524579'],
    // Idioms and pairs.
    ['open 24/7', 'slashed', '24/7'],
    ['after 9/11', 'slashed', '9/11'],
    ['the 2022/23 season', 'slashed', '2022/23'],
    // Times.
    ['at 10:30 local time', 'time', '10:30'],
    ['at 10:30:15', 'time', '10:30:15'],
    ['at 5pm', 'time', '5pm'],
    ['at 5 p.m.', 'time', '5'],
    ["at 9 o'clock", 'time', '9'],
    // Dates written with separators.
    ['on 2022-03-22', 'date', '2022-03-22'],
    ['on 24.02.2022', 'date', '24.02.2022'],
    ['on 3/4/2022', 'date', '3/4/2022'],
    // Phone numbers: one token, role phone.
    ['call +380 44 123 4567 now', 'phone', '+380 44 123 4567'],
    ['call (044) 555-1234 now', 'phone', '(044) 555-1234'],
    ['call 044 123 4567 now', 'phone', '044 123 4567'],
    ['call 555-123-4567 now', 'phone', '555-123-4567'],
    ['call 0800 500 225', 'phone', '0800 500 225'],
  ])('%j: %s token %j, no number', (input, role, text) => {
    expect(readNumbers(input)).toEqual([]);
    expect(token(input, text).role).toBe(role);
  });

  test('hyphen prefixes do not make a name: mid-2014 is a number', () => {
    expect(numbers('since mid-2014')).toEqual([['2014', 2014]]);
  });
});

describe('token details for the figure layer', () => {
  test('years and compact dates are cardinal numbers with their digit count', () => {
    expect(token('since 2014 by', '2014').digits).toMatchObject({ integerDigits: 4, groupSeparator: null });
    expect(token('\n20220322\n', '20220322').digits).toMatchObject({ integerDigits: 8 });
  });

  test('separators are reported', () => {
    expect(token('5.000 people', '5.000').digits).toMatchObject({
      groupSeparator: '.',
      decimalSeparator: null,
      ambiguousDot: true,
    });
    expect(token('4.800', '4.800').digits).toMatchObject({
      groupSeparator: null,
      decimalSeparator: '.',
      ambiguousDot: true,
    });
    expect(token('1,252 injured', '1,252').digits).toMatchObject({ groupSeparator: ',', raw: '1,252' });
    expect(token('ref 007 was', '007').digits).toMatchObject({ leadingZero: true });
  });

  test('percent, compounds and neighbouring words', () => {
    expect(token('45% of', '45').percent).toBe(true);
    expect(readNumberTokens('10-15% of').map((t) => t.percent)).toEqual([true, true]);
    expect(token('45 percent of', '45').percent).toBe(true);
    expect(token('12 per cent of', '12').percent).toBe(true);
    expect(token('in the past 24 hours', '24')).toMatchObject({
      nextWord: 'hours',
      prevWord: 'past',
      percent: false,
    });
    expect(token('a 24-hour period', '24').compound).toBe('hour');
    expect(token('a 12-year-old boy', '12').compound).toBe('year-old');
    expect(token('two-year-old', 'two').compound).toBe('year-old');
    expect(token('another 500 people', '500').another).toBe(true);
    expect(token('another million are', 'another million').another).toBe(true);
  });

  test('ranges are two numbers joined', () => {
    const [a, b] = readNumberTokens('between 5,000 and 6,000 people');
    expect(a).toMatchObject({ text: '5,000', value: 5000, prevWord: 'between', joinedBefore: null });
    expect(b).toMatchObject({ text: '6,000', value: 6000, joinedBefore: 'and' });
    // `and` without `between` is not a range joiner.
    expect(readNumberTokens('killed 5 and injured 6')[1]!.joinedBefore).toBeNull();
  });

  test('every digit in the text belongs to exactly one token', () => {
    const text =
      'S-300 and 24/7 at 10:30 on 2022-03-22, call +380 44 123 4567; 4th, 5.000 people, 1990s, 192.168.1.2, 1e10';
    const covered = new Array<boolean>(text.length).fill(false);
    for (const t of readNumberTokens(text)) {
      for (let k = t.start; k < t.end; k++) {
        expect(covered[k]).toBe(false);
        covered[k] = true;
      }
    }
    for (let k = 0; k < text.length; k++)
      if (/\d/.test(text[k]!)) expect(covered[k], `digit at ${k}`).toBe(true);
  });
});

describe('paragraphs', () => {
  test.each([
    [
      '5\n\n000 people',
      [
        ['5', 5],
        ['000', 0],
      ],
    ],
    [
      'twenty\n\none',
      [
        ['twenty', 20],
        ['one', 1],
      ],
    ],
    ['3.8\n\nmillion', [['3.8', 3.8]]],
    [
      '5-\n\n6 million',
      [
        ['5', 5],
        ['6 million', 6e6],
      ],
    ],
    [
      'hundreds\n\nof thousands',
      [
        ['hundreds', null],
        ['thousands', null],
      ],
    ],
  ] as [string, [string, number | null][]][])('no number spans a blank line: %j', (input, expected) => {
    expect(numbers(input)).toEqual(expected);
    for (const n of readNumbers(input)) expect(n.text).not.toContain('\n');
  });
});

describe('the seed documents', () => {
  test('seed 000 reads its dot-thousands and its words', () => {
    const text =
      'has caused more than 3.8 million people to flee abroad, left thousands dead or injured. Nearly 5.000 people have died, including about 210 children, in the port city of Mariupol. In addition, about 160.000 people are said to be trapped there. He said 100 people had died in the capital, including four children, and 82 high-rise buildings had been demolished.';
    expect(numbers(text)).toEqual([
      ['3.8 million', 3.8e6],
      ['thousands', null],
      ['5.000', 5000],
      ['210', 210],
      ['160.000', 160000],
      ['100', 100],
      ['four', 4],
      ['82', 82],
    ]);
  });

  test('seed 004 reads money, another million and the Thursday figures', () => {
    const text =
      'all part of a $350 million package of military assistance. Already more than 1 million people have fled the country and another million are considered internally displaced. The UN human rights office said on Thursday that 249 civilians had been killed and 553 others injured by the previous evening. Ukrainian officials put the civilian death toll at over 2,000, including 21 children.';
    expect(numbers(text)).toEqual([
      ['$350 million', 350e6],
      ['1 million', 1e6],
      ['another million', 1e6],
      ['249', 249],
      ['553', 553],
      ['2,000', 2000],
      ['21', 21],
    ]);
  });
});
