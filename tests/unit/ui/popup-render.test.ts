// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { PageFigures, Reply, Status } from '../../../lib/protocol/index.ts';
import { startPopup, type PopupDeps } from '../../../lib/ui/popup-controller.ts';
import { figure, report } from '../support/figures.ts';

const okStatus: Reply<Status> = {
  ok: true,
  value: { claims: 57, documents: 5, storage: 'indexeddb', problem: null },
};

function page(fields: Partial<PageFigures> = {}): Reply<PageFigures> {
  return {
    ok: true,
    value: {
      host: 'news.example',
      url: 'https://news.example/a',
      enabled: true,
      pageDate: '2022-03-02',
      figures: [figure()],
      ...fields,
    },
  };
}

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

async function open(deps: Partial<PopupDeps> = {}) {
  const popup = startPopup(root, {
    getStatus: async () => okStatus,
    getPage: async () => page(),
    setSiteEnabled: async () => undefined,
    sleep: async () => undefined,
    ...deps,
  });
  await popup.ready;
  return popup;
}

const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
const qa = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('popup', () => {
  test('lists the figures grouped by what they count, with verdict and other reports', async () => {
    await open({
      getPage: async () =>
        page({
          figures: [
            figure(),
            figure({
              text: 'more than 3.8 million',
              start: 300,
              metric: 'fled_abroad',
              subject: 'people',
              verdict: 'agrees',
              summary: 'Agrees with UNHCR',
              reports: [
                report({ text: '3,821,049', source: 'UNHCR', metric: 'fled_abroad', consistent: true }),
              ],
            }),
            figure({
              text: '14',
              start: 200,
              verdict: 'no-reports',
              reports: [],
              summary: 'No other reports.',
            }),
          ],
        }),
    });
    const groups = qa('[data-testid=group]');
    expect(groups.map((g) => text(g.querySelector('h2')))).toEqual([
      'Civilians killed — Ukraine',
      'People who fled abroad — Ukraine',
    ]);
    const figures = qa('[data-testid=figure]');
    expect(figures.map((f) => [f.dataset.verdict, text(f.querySelector('.figure-text'))])).toEqual([
      ['differs', 'over 2,000'],
      ['no-reports', '14'],
      ['agrees', 'more than 3.8 million'],
    ]);
    // Verdict in words and a symbol, not colour alone.
    expect(text(figures[0]!.querySelector('[data-testid=verdict]'))).toBe('≠ Differs');
    expect(text(figures[1]!.querySelector('[data-testid=verdict]'))).toBe('○ No other reports');
    const reportText = text(figures[0]!.querySelector('[data-testid=report]'));
    for (const part of [
      '953',
      'UN human rights office',
      'OHCHR',
      '2022-03-21',
      'The UN human rights office said 953 civilians had been killed.',
      'reported 3 days later',
    ]) {
      expect(reportText).toContain(part);
    }
    expect(text(figures[0]!.querySelector('.figure-summary'))).toBe(
      '1 report differs: 953 (UN human rights office, 2022-03-21)',
    );
    expect(figures[1]!.querySelector('[data-testid=report]')).toBeNull();
    expect(q('[data-testid=empty]')).toBeNull();
    expect(text(q('.summary-line'))).toBe('3 figures: ≠ 1 differs, ✓ 1 agrees, ○ 1 without other reports');
    // The legend names all five verdicts, each with its glyph and word.
    expect([...q('[data-testid=legend]')!.querySelectorAll('li')].map((li) => text(li).slice(0, 18))).toEqual(
      [
        '✓ Agrees A report ',
        '≠ Differs Reports ',
        '↻ Outdated This nu',
        '◷ Other dates only',
        '○ No other reports',
      ],
    );
  });

  test('shows the database state, with a visible warning on the bundled fallback', async () => {
    await open();
    expect(text(q('[data-testid=status]'))).toBe('Claim database: 57 claims from 5 documents.');
    expect(q('[data-testid=status]')!.classList.contains('warning')).toBe(false);

    root.replaceChildren();
    await open({
      getStatus: async () => ({
        ok: true,
        value: {
          claims: 57,
          documents: 5,
          storage: 'bundled-fallback',
          problem: 'IndexedDB unavailable: storage is full',
        },
      }),
    });
    const status = q('[data-testid=status]')!;
    expect(status.classList.contains('warning')).toBe(true);
    expect(text(status)).toBe(
      '⚠ Using the bundled claims only (57 claims from 5 documents). IndexedDB unavailable: storage is full',
    );
  });

  test.each([
    [
      'the tab has no content script',
      async () => ({ ok: false, error: 'no content script in this tab' }) as Reply<PageFigures>,
    ],
    ['the content script never answers', () => new Promise<Reply<PageFigures>>(() => undefined)],
  ])('says so clearly when %s, and the switch is off limits', async (_name, getPage) => {
    await open({ getPage, timeoutMs: 20 });
    expect(text(q('[data-testid=empty]'))).toMatch(/does not run on this page.*chrome:\/\//);
    expect(q<HTMLInputElement>('#site-enabled')!.disabled).toBe(true);
    expect(q('[data-testid=group]')).toBeNull();
  });

  test('a page without figures says so', async () => {
    await open({ getPage: async () => page({ figures: [] }) });
    expect(text(q('[data-testid=empty]'))).toMatch(/No figures found/);
    expect(q<HTMLInputElement>('#site-enabled')!.checked).toBe(true);
  });

  test('the switch, labelled "Figure Check on this site", turns the site off and on again', async () => {
    const setSiteEnabled = vi.fn(async () => undefined);
    let enabled = true;
    const getPage = vi.fn(async () => page({ enabled }));
    await open({ setSiteEnabled, getPage });
    const input = q<HTMLInputElement>('input#site-enabled[type=checkbox]')!;
    expect(text(input.closest('label'))).toBe('Figure Check on this site');
    expect(input.checked).toBe(true);
    expect(input.disabled).toBe(false);

    input.click();
    await vi.waitFor(() => expect(q('[data-testid=empty]')).not.toBeNull());
    expect(setSiteEnabled).toHaveBeenLastCalledWith('news.example', false);
    expect(text(q('[data-testid=empty]'))).toMatch(/off on news\.example/);
    expect(input.checked).toBe(false);

    // The content script takes a moment to notice: the popup asks again until it reports itself on.
    getPage.mockImplementationOnce(async () => page({ enabled: false }));
    enabled = true;
    input.click();
    await vi.waitFor(() => expect(qa('[data-testid=figure]')).toHaveLength(1));
    expect(setSiteEnabled).toHaveBeenLastCalledWith('news.example', true);
    expect(input.checked).toBe(true);
  });

  test('opens already off on a switched-off site', async () => {
    await open({ getPage: async () => page({ enabled: false }) });
    expect(q<HTMLInputElement>('#site-enabled')!.checked).toBe(false);
    expect(text(q('[data-testid=empty]'))).toMatch(/off on news\.example/);
  });

  test('page and document text never becomes markup', async () => {
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    await open({
      getPage: async () =>
        page({
          host: payload,
          figures: [
            figure({
              text: `12 ${payload}`,
              summary: payload,
              source: payload,
              reports: [
                report({
                  quote: payload,
                  source: payload,
                  document: { ...report().document, publisher: payload, url: 'javascript:alert(1)' },
                }),
              ],
            }),
          ],
        }),
    });
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(text(q('.figure-text'))).toBe(`12 ${payload}`);
    expect(text(q('.report-quote'))).toBe(payload);
  });

  test('is keyboard usable: the switch is a focusable native checkbox and links are real links', async () => {
    await open();
    const input = q<HTMLInputElement>('#site-enabled')!;
    input.focus();
    expect(document.activeElement).toBe(input);
    const link = q<HTMLAnchorElement>('.report-publisher')!;
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toMatch(/^https:\/\//);
  });
});

test('many reports: the first three show, the rest fold behind a disclosure, none is lost', async () => {
  const reports = Array.from({ length: 7 }, (_, i) => report({ id: `r${i}`, text: String(100 + i) }));
  await open({ getPage: async () => page({ figures: [figure({ reports })] }) });
  const all = qa('[data-testid=report]');
  expect(all.map((r) => text(r.querySelector('.report-value')))).toEqual([
    '100',
    '101',
    '102',
    '103',
    '104',
    '105',
    '106',
  ]);
  const folded = qa('details.more-reports [data-testid=report]');
  expect(folded).toHaveLength(4);
  expect(text(q('details.more-reports summary'))).toBe('4 more reports');
  expect(q<HTMLDetailsElement>('details.more-reports')!.open).toBe(false);
});

test('four reports show without folding', async () => {
  const reports = Array.from({ length: 4 }, (_, i) => report({ id: `r${i}` }));
  await open({ getPage: async () => page({ figures: [figure({ reports })] }) });
  expect(qa('[data-testid=report]')).toHaveLength(4);
  expect(q('.figure details')).toBeNull();
});

describe('the reader’s library in the popup', () => {
  test('a report from the reader’s own document is marked as theirs, in words; others are not', async () => {
    const own = report({
      id: 'reader-2022-03-30-abc#1',
      text: '1,200',
      document: { ...report().document, id: 'reader-2022-03-30-abc', publisher: '', origin: 'reader' },
    });
    await open({ getPage: async () => page({ figures: [figure({ reports: [report(), own] })] }) });
    const [bundled, mine] = qa('[data-testid=report]');
    expect(bundled!.querySelector('[data-testid=own]')).toBeNull();
    expect(text(mine!.querySelector('[data-testid=own]'))).toBe('your document');
    expect(text(mine!.querySelector('.report-meta'))).toContain('publisher not given');
  });

  test('every report links to its document with the claim highlighted, opened in a tab', async () => {
    await open();
    const link = q<HTMLAnchorElement>('[data-testid=report] [data-testid=show-in-document]')!;
    expect(link.getAttribute('href')).toBe('document.html?id=un-2022-03-22&claim=un-2022-03-22%231');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  test('“Browse all claims” opens the library', async () => {
    const openLibrary = vi.fn();
    await open({ openLibrary });
    const link = q<HTMLAnchorElement>('[data-testid=browse-all]')!;
    expect(text(link)).toBe('Browse all claims');
    expect(link.getAttribute('href')).toBe('options.html');
    link.click();
    expect(openLibrary).toHaveBeenCalledTimes(1);
  });
});

describe('the timeline in the popup', () => {
  test('a figure with reports shows the timeline the hover card shows: one mark per report, the page among them', async () => {
    const reports = [
      report({ id: 'a', text: '249', value: 249, low: 249, high: 249, asOf: '2022-03-02', consistent: true }),
      report({ id: 'b', text: '953', value: 953, low: 953, high: 953, asOf: '2022-03-21' }),
    ];
    await open({
      getPage: async () =>
        page({
          figures: [
            figure({ reports }),
            figure({ text: '14', start: 200, verdict: 'no-reports', reports: [] }),
          ],
        }),
    });
    const [withReports, without] = qa('[data-testid=figure]');
    const svg = withReports!.querySelector('[data-testid=timeline] svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Timeline of 2 reports and this page's figure/);
    expect([...svg.querySelectorAll('.fc-timeline-marks > g > title')].map((t) => t.textContent)).toEqual([
      '249 — UN human rights office, 2022-03-02: reported 3 days later',
      '953 — UN human rights office, 2022-03-21: reported 3 days later',
    ]);
    expect(svg.querySelector('.fc-timeline-page title')!.textContent).toBe(
      'This page: over 2,000 (Ukrainian officials), 2022-03-02 — ≠ Differs',
    );
    // Nothing to draw without reports: no empty chart.
    expect(without!.querySelector('[data-testid=timeline]')).toBeNull();
  });

  test('an undated figure is placed at the page’s date', async () => {
    await open({
      getPage: async () => page({ pageDate: '2022-03-10', figures: [figure({ asOf: null })] }),
    });
    const label = q('[data-testid=timeline] .fc-timeline-page title')!.textContent;
    expect(label).toBe('This page: over 2,000 (Ukrainian officials), 2022-03-10 — ≠ Differs');
  });
});
