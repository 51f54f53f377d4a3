import { describe, expect, test } from 'vitest';
import { MONTH_NAMES, MONTH_PATTERN, MONTH_WORDS, monthNumber } from '../../../lib/calendar/months.ts';

describe('month names', () => {
  test.each([
    ['March', 3],
    ['Mar', 3],
    ['mar.', 3],
    ['Sept', 9],
    ['Sep', 9],
    ['september', 9],
    ['May', 5],
    ['Dec.', 12],
    ['Marching', undefined],
    ['Ju', undefined],
    ['Septembe', undefined],
  ])('%s → %s', (word, number) => {
    expect(monthNumber(word)).toBe(number);
  });

  test('the pattern matches every written form and nothing longer', () => {
    const whole = new RegExp(`^(?:${MONTH_PATTERN})$`);
    for (const w of MONTH_WORDS) expect(whole.test(w), w).toBe(true);
    for (const w of ['Marc', 'Junee', 'Septem', 'Octo']) expect(whole.test(w), w).toBe(false);
  });

  test('twelve months, each with its full name and its abbreviation among the capitalised words', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    for (const name of MONTH_NAMES) {
      expect(MONTH_WORDS.has(name)).toBe(true);
      expect(MONTH_WORDS.has(name.slice(0, 3))).toBe(true);
    }
    expect(MONTH_WORDS.has('may')).toBe(false);
  });
});
