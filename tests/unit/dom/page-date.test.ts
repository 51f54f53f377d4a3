// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { pageDateOf, parseDate, readPageDate } from '../../../lib/dom/page-date.ts';
import { readPageDateSources } from '../../../lib/dom/page-date-sources.ts';
import { PAGE_DATE_LIMITS } from '../../../lib/page-data.ts';
import { backgroundProtocol } from '../../../lib/protocol/index.ts';

/** A news page with `head` and `body` markup, parsed as the browser would. */
function page(head: string, body = '<p>Text.</p>'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const ldJson = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('readPageDate', () => {
  test.each([
    ['no date anywhere', page('<title>Live</title>'), null],
    [
      'article:published_time (Open Graph, as most news sites)',
      page('<meta property="article:published_time" content="2022-03-03T14:12:00+00:00">'),
      '2022-03-03',
    ],
    [
      'the publisher’s own calendar date, not UTC’s',
      page('<meta property="article:published_time" content="2022-03-03T23:30:00-05:00">'),
      '2022-03-03',
    ],
    [
      'og:published_time',
      page('<meta property="og:published_time" content="2022-03-18T08:00:00Z">'),
      '2022-03-18',
    ],
    ['name="date"', page('<meta name="date" content="2022-06-07">'), '2022-06-07'],
    ['Dublin Core, any case', page('<meta name="DC.date.issued" content="2022/03/22">'), '2022-03-22'],
    ['meta itemprop', page('<meta itemprop="datePublished" content="2022-03-29">'), '2022-03-29'],
    [
      'an RFC 2822 date (some CMSs)',
      page('<meta name="pubdate" content="Thu, 03 Mar 2022 10:00:00 GMT">'),
      '2022-03-03',
    ],
    [
      'a compact date (seed 003 writes 20220322)',
      page('<meta name="date" content="20220322">'),
      '2022-03-22',
    ],
    [
      'JSON-LD NewsArticle',
      page(
        ldJson({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          datePublished: '2022-03-18T09:00:00Z',
        }),
      ),
      '2022-03-18',
    ],
    [
      'JSON-LD @graph: the article’s date, not the web page’s',
      page(
        ldJson({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', datePublished: '2020-01-01' },
            { '@type': ['LiveBlogPosting'], datePublished: '2022-06-07T06:00:00+02:00' },
          ],
        }),
      ),
      '2022-06-07',
    ],
    [
      'JSON-LD array of objects, date as {"@value"}',
      page(
        ldJson([
          { '@type': 'Organization' },
          { '@type': 'Article', datePublished: { '@value': '2022-03-29' } },
        ]),
      ),
      '2022-03-29',
    ],
    [
      'JSON-LD with only a WebPage date',
      page(ldJson({ '@type': 'WebPage', datePublished: '2022-03-03' })),
      '2022-03-03',
    ],
    [
      'broken JSON-LD (trailing comma, HTML comment): repaired',
      page(
        '<script type="application/ld+json"><!-- {"@type": "NewsArticle", "datePublished": "2022-03-03",} --></script>',
      ),
      '2022-03-03',
    ],
    [
      'hopeless JSON-LD: the datePublished written in it',
      page(
        '<script type="application/ld+json">{"@type": "NewsArticle" "datePublished": "2022-03-18" {{</script>',
      ),
      '2022-03-18',
    ],
    [
      'JSON-LD whose type attribute has a charset',
      page(
        `<script type="application/ld+json; charset=utf-8">${JSON.stringify({ '@type': 'NewsArticle', datePublished: '2022-03-22' })}</script>`,
      ),
      '2022-03-22',
    ],
    [
      'an element with itemprop=datePublished',
      page('', '<article><span itemprop="datePublished">March 29, 2022</span></article>'),
      '2022-03-29',
    ],
    [
      '<time datetime>',
      page('', '<article><time datetime="2022-03-03T10:00">Thursday</time></article>'),
      '2022-03-03',
    ],
    [
      '<time pubdate> before other times',
      page(
        '',
        '<aside><time datetime="2021-12-31">old</time></aside><article><time pubdate datetime="2022-03-18">x</time></article>',
      ),
      '2022-03-18',
    ],
    [
      'the article header’s time before a sidebar’s',
      page(
        '',
        '<aside><time datetime="2021-12-31">x</time></aside><article><header><time datetime="2022-03-29">y</time></header></article>',
      ),
      '2022-03-29',
    ],
  ])('%s', (_, doc, expected) => {
    expect(readPageDate(doc)).toBe(expected);
  });

  test.each([
    [
      'article:published_time over JSON-LD',
      `<meta property="article:published_time" content="2022-03-03">${ldJson({ '@type': 'NewsArticle', datePublished: '2022-03-04' })}`,
      '2022-03-03',
    ],
    [
      'JSON-LD over name="date"',
      `<meta name="date" content="2022-01-01">${ldJson({ '@type': 'NewsArticle', datePublished: '2022-03-04' })}`,
      '2022-03-04',
    ],
    [
      'the modified time is not the published time',
      '<meta property="article:modified_time" content="2022-06-07"><meta property="article:published_time" content="2022-03-03">',
      '2022-03-03',
    ],
    [
      'an unreadable first candidate falls through to the next',
      `<meta property="article:published_time" content="yesterday">${ldJson({ '@type': 'NewsArticle', datePublished: '2022-03-04' })}`,
      '2022-03-04',
    ],
  ])('priority: %s', (_, head, expected) => {
    expect(readPageDate(page(head))).toBe(expected);
  });

  test('does not change the page', () => {
    const doc = page(
      '<meta name="date" content="2022-03-03"><script type="application/ld+json">{bad</script>',
      '<time datetime="2022-03-03">x</time>',
    );
    const serialize = () => new XMLSerializer().serializeToString(doc);
    const before = serialize();
    readPageDate(doc);
    expect(serialize()).toBe(before);
  });

  test('a huge, deeply nested JSON-LD block is read within bounds and without error', () => {
    let deep: unknown = { '@type': 'NewsArticle', datePublished: '2022-03-03' };
    for (let i = 0; i < 50; i++) deep = { nested: deep };
    expect(readPageDate(page(ldJson(deep)))).toBeNull();
    const wide = Array.from({ length: 20_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` }));
    expect(readPageDate(page(ldJson(wide)))).toBeNull();
  });
});

describe('parseDate', () => {
  test.each([
    ['2022-03-03', '2022-03-03'],
    ['2022-03-03T23:59:59.000Z', '2022-03-03'],
    ['2022-03-03 10:00', '2022-03-03'],
    ['20220322', '2022-03-22'],
    ['2022/3/7', '2022-03-07'],
    ['Thu, 03 Mar 2022 10:00:00 +0000', '2022-03-03'],
    ['3rd March 2022', '2022-03-03'],
    ['March 3, 2022', '2022-03-03'],
    ['Sept. 30, 2022', '2022-09-30'],
    ['Mar. 3 2022', '2022-03-03'],
    ['2022-02-30', null],
    ['2022-13-01', null],
    ['0001-01-01', null],
    ['Marching 3, 2022', null],
    ['yesterday', null],
    ['', null],
    ['1646300000', null],
  ])('%s → %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });
});

describe('the page date in two steps (content script, then background)', () => {
  test('the sources keep only what may be a date, bounded, and give the same date', () => {
    const doc = page(
      '<meta name="description" content="2023-01-01 is not a date field">' +
        `<meta name="date" content="${' '.repeat(50)}2022-06-07${' '.repeat(50)}">` +
        `<meta name="pubdate" content="${'9'.repeat(200)}">` +
        '<script type="application/ld+json">{"@type":"WebSite","name":"x"}</script>' +
        ldJson({ '@type': 'NewsArticle', datePublished: '2022-03-18' }),
      '<article><header><time datetime="2022-01-02">x</time></header></article><time datetime="2021-05-05">y</time>',
    );
    const sources = readPageDateSources(doc);
    expect(sources.metas).toEqual([['date', '2022-06-07']]);
    expect(sources.jsonLd).toHaveLength(1);
    // In an article's header, in a header, in an article, then every <time>.
    expect(sources.times).toEqual(['2022-01-02', '2022-01-02', '2022-01-02', '2022-01-02', '2021-05-05']);
    expect(pageDateOf(sources)).toBe('2022-03-18');
    expect(pageDateOf(sources)).toBe(readPageDate(doc));
  });

  test('<time> elements keep the order of trust: pubdate, then in an article header, then any', () => {
    const doc = page(
      '',
      '<time datetime="garbage">a</time><article><time datetime="2022-04-04">b</time></article>' +
        '<time pubdate datetime="2022-05-05">c</time>',
    );
    expect(readPageDateSources(doc).times).toEqual([
      '2022-05-05',
      '2022-04-04',
      'garbage',
      '2022-04-04',
      '2022-05-05',
    ]);
    expect(readPageDate(doc)).toBe('2022-05-05');
  });

  test('what the content script sends passes the background’s schema, and a hostile page stays bounded', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `<meta name="date${i}" content="x">`).join('');
    const big = `<script type="application/ld+json">{"datePublished":"2022-03-03","x":"${'y'.repeat(1_500_000)}"}</script>`;
    const sources = readPageDateSources(page(many + big + big));
    expect(sources.metas.length).toBeLessThanOrEqual(PAGE_DATE_LIMITS.entries);
    expect(sources.jsonLd.join('').length).toBeLessThanOrEqual(PAGE_DATE_LIMITS.jsonChars);
    const check = v.safeParse(backgroundProtocol['page:date'].request, sources);
    expect(check.success).toBe(true);
  });
});
