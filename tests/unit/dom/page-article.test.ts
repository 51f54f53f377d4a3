// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  articleRoot,
  readArticleText,
  readPageArticle,
  readPageKind,
  readPublisher,
  readTitle,
} from '../../../lib/dom/page-article.ts';
import { ARTICLE_TEXT_LIMIT } from '../../../lib/page-data.ts';
import { MAX_DOCUMENT_TEXT } from '../../../lib/library/library-file.ts';

function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('readPublisher', () => {
  test.each([
    [
      'og:site_name first',
      '<meta property="og:site_name" content=" The  Courier ">' + ld({ publisher: { name: 'X' } }),
      'The Courier',
    ],
    [
      'a JSON-LD article’s publisher',
      ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Valley Post' } }),
      'Valley Post',
    ],
    [
      'the article’s publisher before another object’s',
      ld([
        { '@type': 'WebSite', publisher: { name: 'Site Owner' } },
        { '@type': 'ReportageNewsArticle', publisher: 'Wire Desk' },
      ]),
      'Wire Desk',
    ],
    [
      'a publisher inside @graph',
      ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Article', publisher: [{ name: 'Graph News' }] }] }),
      'Graph News',
    ],
    [
      'any object’s publisher when no article names one',
      ld({ '@type': 'WebPage', publisher: { name: 'Page Owner' } }),
      'Page Owner',
    ],
    [
      'JSON-LD with a trailing comma',
      '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Sloppy Times"},}</script>',
      'Sloppy Times',
    ],
    [
      'the host name, without www., when nothing says',
      '<script type="application/ld+json">{not json</script>',
      'news.example',
    ],
  ])('%s', (_name, head, expected) => {
    expect(readPublisher(page(head, '<p>x</p>'), 'www.news.example')).toBe(expected);
  });
});

describe('readTitle', () => {
  test.each([
    [
      'og:title',
      '<meta property="og:title" content="Quake kills 2,000"><title>Quake | Site</title>',
      '<h1>Headline</h1>',
      'Quake kills 2,000',
    ],
    ['the first heading', '<title>Quake | Site</title>', '<h1> Quake  kills </h1>', 'Quake kills'],
    ['the <title> when there is no heading', '<title>Quake | Site</title>', '<p>x</p>', 'Quake | Site'],
  ])('%s', (_name, head, body, expected) => {
    expect(readTitle(page(head, body))).toBe(expected);
  });
});

describe('readArticleText', () => {
  const article = '<p>At least 2,053 people were killed in Herat province, officials said.</p>';
  test.each([
    [
      'navigation, site header and footer',
      `<header>Masthead 24/7</header><nav>Top 10</nav><main>${article}</main><footer>© 12 offices</footer>`,
    ],
    [
      'an aside of related articles',
      `<article>${article}<aside><a>1,700 killed in Sindh</a></aside></article>`,
    ],
    [
      'related lists by class',
      `<article>${article}<div class="story-related-links">1,700 killed</div></article>`,
    ],
    [
      'comments by id and class',
      `<main><article>${article}</article><section id="comments">4,000 killed</section><div class="comments">9 killed</div></main>`,
    ],
    [
      'sharing and newsletter boxes',
      `<article>${article}<div class="share-tools">Share 120</div><div class="newsletter-signup">Join 5,000 readers</div></article>`,
    ],
    [
      'forms and dialogs',
      `<article>${article}<form>Subscribe</form><div role="dialog">Cookies</div></article>`,
    ],
  ])('leaves out %s', (_name, body) => {
    expect(readArticleText(page('', body))).toBe(
      'At least 2,053 people were killed in Herat province, officials said.',
    );
  });

  test('keeps the article’s own header (headline, byline) and reads highlighted figures', () => {
    const doc = page(
      '',
      '<article><header><h1>Quake</h1><p>By A. Writer</p></header><p>At least <fc-mark class="figure-check-mark">2,053</fc-mark> killed.</p></article>',
    );
    expect(readArticleText(doc)).toBe('Quake\n\nBy A. Writer\n\nAt least 2,053 killed.');
    // Read from a copy: the page keeps its highlight.
    expect(doc.querySelectorAll('fc-mark')).toHaveLength(1);
  });

  test.each([
    [
      'the marked article body',
      '<article><p>Teaser</p><div itemprop="articleBody"><p>Body</p></div></article>',
      'Body',
    ],
    [
      'the longest article',
      '<article><p>Short</p></article><article><p>The longer one here</p></article>',
      'The longer one here',
    ],
    ['main without an article', '<div>Menu</div><main><p>Main text</p></main>', 'Main text'],
    ['the body otherwise', '<div><p>Body text</p></div>', 'Body text'],
  ])('reads %s', (_name, body, expected) => {
    const doc = page('', body);
    expect(articleRoot(doc)).not.toBeNull();
    expect(readArticleText(doc)).toBe(expected);
  });
});

describe('readPageKind', () => {
  const long = `<p>${'Rescuers dug through the rubble. '.repeat(60)}</p>`;
  test.each([
    ['an article', 'https://news.example/world/quake-herat', '', '<p>Text</p>', 'article'],
    ['a sign-in address', 'https://news.example/account/login', '', '<p>Text</p>', 'sign-in'],
    ['a sign-up address', 'https://news.example/sign-up?next=/a', '', '<p>Text</p>', 'sign-in'],
    [
      'a password field with little text',
      'https://news.example/members',
      '',
      '<form><input type="password"></form>',
      'sign-in',
    ],
    [
      'a password field in a long article (a hidden sign-in box)',
      'https://news.example/a',
      '',
      `${long}<input type="password" hidden>`,
      'article',
    ],
    ['a search path', 'https://news.example/search?q=quake', '', '<p>Results</p>', 'search-results'],
    ['a search page file', 'http://127.0.0.1:8080/search.html', '', '<p>Results</p>', 'search-results'],
    [
      'schema.org SearchResultsPage',
      'https://news.example/find',
      ld({ '@type': 'SearchResultsPage' }),
      '<p>Results</p>',
      'search-results',
    ],
    [
      'a search term in the address of a page that is no article',
      'https://news.example/?s=quake',
      '',
      '<p>Results</p>',
      'search-results',
    ],
    [
      'a search term in the address of an article',
      'https://news.example/a?q=quake',
      '<meta property="og:type" content="article">',
      '<p>Text</p>',
      'article',
    ],
    ['an address that is not one', 'not an address', '', '<p>Text</p>', 'article'],
  ])('%s', (_name, url, head, body, expected) => {
    const doc = page(head, body);
    expect(readPageKind(doc, url, readArticleText(doc).length)).toBe(expected);
  });
});

describe('readPageArticle', () => {
  const doc = () =>
    page(
      '<title>Quake | Courier</title><meta property="og:site_name" content="Courier"><meta property="article:published_time" content="2023-10-08T09:30:00+04:30">',
      '<article><h1>Quake</h1><p>At least 2,053 people were killed.</p></article>',
    );

  test('the page as it would be saved: address without fragment, title, publisher, date, text', () => {
    expect(readPageArticle(doc(), 'https://news.example/quake#comments', true)).toEqual({
      url: 'https://news.example/quake',
      host: 'news.example',
      enabled: true,
      kind: 'article',
      title: 'Quake',
      publisher: 'Courier',
      date: '2023-10-08',
      text: 'Quake\n\nAt least 2,053 people were killed.',
      length: 41,
    });
  });

  test('nothing is read on a site the reader switched off', () => {
    expect(readPageArticle(doc(), 'https://news.example/quake', false)).toMatchObject({
      enabled: false,
      text: '',
      length: 0,
      title: '',
    });
  });

  test('a text over the limit is cut one character past it, its length kept', () => {
    const big = page('', `<p>${'a'.repeat(ARTICLE_TEXT_LIMIT + 10)}</p>`);
    const read = readPageArticle(big, 'https://news.example/big', true);
    expect(read.length).toBe(ARTICLE_TEXT_LIMIT + 10);
    expect(read.text.length).toBe(ARTICLE_TEXT_LIMIT + 1);
  });

  test('the content script’s limit is the library’s', () => {
    expect(ARTICLE_TEXT_LIMIT).toBe(MAX_DOCUMENT_TEXT);
  });
});
