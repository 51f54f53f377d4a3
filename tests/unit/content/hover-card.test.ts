// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FigureCheck } from '../../../lib/content/figure-check.ts';
import { eagerVisibility } from '../../../lib/content/visibility.ts';
import type { Comparison, Reading, Report } from '../../../lib/types.ts';
import { localRead } from '../support/local-read.ts';
import { FigureCard } from '../../../lib/ui/card.ts';

function load(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...document.importNode(parsed.body, true).childNodes);
  return document.body;
}

function reading(text: string, start: number): Reading {
  return {
    text,
    start,
    end: start + text.length,
    value: 2500,
    low: 2250,
    high: 2750,
    qualifier: 'about',
    metric: 'killed',
    subject: 'civilians',
    place: 'Mariupol',
    period: 'cumulative',
    asOf: '2022-03-29',
    source: null,
    modality: 'reported',
    quote: '',
  };
}

function report(over: Partial<Report>): Report {
  return {
    ...reading('Nearly 5.000', 0),
    id: 'c1',
    value: 5000,
    low: 4500,
    high: 5000,
    qualifier: 'nearly',
    source: 'Mariupol mayor',
    asOf: '2022-03-28',
    quote: 'Nearly 5.000 people have died in Mariupol, the mayor said.',
    document: {
      id: 'd1',
      title: 'Siege of Mariupol',
      publisher: 'Ukrainska Pravda',
      date: '2022-03-28',
      url: null,
    },
    consistent: false,
    relation: 'earlier',
    daysApart: -1,
    supersededBy: null,
    note: 'reported 1 day earlier',
    ...over,
  };
}

const controllers: AbortController[] = [];
function start(html: string, reports: Report[]) {
  const root = load(html);
  const abort = new AbortController();
  controllers.push(abort);
  const check = new FigureCheck({
    doc: document,
    host: window,
    signal: abort.signal,
    read: localRead(
      (text) => {
        const i = text.indexOf('About 2,500');
        return i < 0 ? [] : [reading('About 2,500', i)];
      },
      async (readings) => ({
        ok: true,
        value: readings.map((): Comparison => ({
          verdict: 'differs',
          reports,
          summary: 'The mayor counts nearly twice as many.',
        })),
      }),
    ),
    readPageDate: () => null,
    // The card card.js builds, without its timeline (timeline.test.ts covers that), imported directly here.
    loadCard: async () => (doc, options) => new FigureCard(doc, options),
    visibility: (_doc, onVisible) => eagerVisibility(onVisible),
    log: () => {},
  });
  check.enable();
  return { root, abort, check };
}

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

const card = () => document.querySelector('figure-check-card');
const dialog = () => card()?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
const over = (target: Element) =>
  target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function highlighted(): Promise<HTMLElement> {
  await vi.waitFor(() => expect(document.querySelector('fc-mark')).not.toBeNull());
  return document.querySelector('fc-mark') as HTMLElement;
}

describe('the hover card', () => {
  test('opens on hover with the verdict in words and every other report: value, source, publisher, date, quote', async () => {
    start('<p>About 2,500 people have died in Mariupol.</p>', [
      report({}),
      report({
        id: 'c2',
        text: '2,187',
        source: null,
        consistent: true,
        quote: 'At least 2,187 residents were killed.',
      }),
    ]);
    over(await highlighted());
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    expect(card()!.shadowRoot!.mode).toBe('open');
    expect(dialog()!.getAttribute('aria-label')).toBe('Figure Check: About 2,500');
    expect(dialog()!.querySelector('[data-testid="verdict"]')!.textContent).toContain('Differs');
    const items = [...dialog()!.querySelectorAll('[data-testid="report"]')].map((r) => r.textContent);
    expect(items).toHaveLength(2);
    for (const part of [
      'Nearly 5.000',
      'Mariupol mayor',
      'Ukrainska Pravda',
      '2022-03-28',
      'Nearly 5.000 people have died',
    ])
      expect(items[0]).toContain(part);
    expect(items[1]).toContain('2,187');
    expect(dialog()!.textContent).toContain('The mayor counts nearly twice as many.');
  });

  test('closes after a grace period when the pointer leaves, but not if it moves into the card', async () => {
    const { root } = start('<p>About 2,500 people have died in Mariupol.</p><p id="away">Elsewhere</p>', [
      report({}),
    ]);
    const mark = await highlighted();
    over(mark);
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    over(root.querySelector('#away')!);
    await wait(100);
    over(card()!); // reached the card within the grace period
    await wait(500);
    expect(dialog()).not.toBeNull();
    over(root.querySelector('#away')!);
    await vi.waitFor(() => expect(card()).toBeNull());
  });

  test('opens on keyboard focus; Escape closes it and focus stays on the highlight', async () => {
    start('<p>About 2,500 people have died in Mariupol.</p>', [report({})]);
    const mark = await highlighted();
    expect(mark.tabIndex).toBe(0);
    mark.focus();
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(mark);
    await wait(150);
    expect(card()).toBeNull();
  });

  test('page and document text never become markup in the card', async () => {
    start('<p>About 2,500 people have died in Mariupol.</p>', [
      report({
        text: '<img src=x onerror="window.pwned=1">',
        source: '<script>window.pwned=2</script>',
        quote: 'Quote <b>bold</b> <img src=x onerror="window.pwned=3">',
        document: {
          id: 'd',
          title: '<svg onload=alert(1)>',
          publisher: '<i>Pub</i>',
          date: '2022-03-28',
          url: null,
        },
      }),
    ]);
    over(await highlighted());
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    const shadow = card()!.shadowRoot!;
    expect(shadow.querySelectorAll('img, script, b, i, svg')).toHaveLength(0);
    expect(dialog()!.textContent).toContain('<img src=x onerror="window.pwned=1">');
    expect(dialog()!.textContent).toContain('<i>Pub</i>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  test('the card goes away with the highlights when the script ends', async () => {
    const { abort } = start('<p>About 2,500 people have died in Mariupol.</p>', [report({})]);
    over(await highlighted());
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    abort.abort();
    expect(card()).toBeNull();
    expect(document.querySelector('fc-mark')).toBeNull();
  });
});
