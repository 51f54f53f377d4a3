// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { searchTerms } from '../../../lib/library/query.ts';
import { markRanges, markSearchTerms } from '../../../lib/ui/marking.ts';

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

const hits = () => [...root.querySelectorAll('mark.search-hit')].map((m) => m.textContent);

describe('searchTerms', () => {
  test.each([
    ['  Kyïv   MAYOR ', ['kyiv', 'mayor']],
    ['5,000 killed', ['5000', 'killed']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(searchTerms(text)).toEqual(expected);
  });
});

describe('markSearchTerms (mark.js)', () => {
  test.each([
    ['a word in any case', 'The mayor of Kyiv said', 'MAYOR', ['mayor']],
    ['a word with accents as searched without', 'The mayor of Kyïv said', 'kyiv', ['Kyïv']],
    ['a number as written', 'nearly 5,000 people', '5000', ['5,000']],
    ['every word searched for', 'Herat: at least 2,053 killed', 'herat 2,053', ['Herat', '2,053']],
  ])('%s', (_name, content, query, expected) => {
    root.append(document.createElement('p'));
    root.firstElementChild!.textContent = content;
    markSearchTerms(root, searchTerms(query));
    expect(hits()).toEqual(expected);
    expect(root.textContent).toBe(content);
  });

  test('a new search takes the old highlights away; links can be left out', () => {
    const link = document.createElement('a');
    link.className = 'claim-links';
    link.textContent = 'Kyiv';
    // Text straight under the root: happy-dom's NodeIterator skips a rejected element's children, which
    // browsers do not, and mark.js's unmark relies on that.
    root.append('Kharkiv and Kyiv', link);
    markSearchTerms(root, ['kharkiv']);
    expect(hits()).toEqual(['Kharkiv']);
    markSearchTerms(root, ['kyiv'], ['.claim-links']);
    expect(hits()).toEqual(['Kyiv']);
    markSearchTerms(root, []);
    expect(hits()).toEqual([]);
    expect(root.textContent).toBe('Kharkiv and KyivKyiv');
  });
});

describe('markRanges (mark.js)', () => {
  test('wraps each range in the element asked for, and hands it over', () => {
    const p = document.createElement('p');
    p.textContent = 'At least 2,053 killed, 9,000 hurt';
    root.append(p);
    const seen: string[] = [];
    markRanges(
      p,
      [
        { start: 0, length: 14, each: (el) => seen.push(`a:${el.textContent}`) },
        { start: 23, length: 5, each: (el) => seen.push(`b:${el.textContent}`) },
      ],
      'mark',
    );
    expect(seen).toEqual(['a:At least 2,053', 'b:9,000']);
    expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['At least 2,053', '9,000']);
    expect(p.textContent).toBe('At least 2,053 killed, 9,000 hurt');
  });
});
