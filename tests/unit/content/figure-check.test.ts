// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FigureCheck, type FigureCheckDeps } from '../../../lib/content/figure-check.ts';
import { claimPage } from '../../../lib/content/guard.ts';
import { eagerVisibility } from '../../../lib/content/visibility.ts';
import { VERDICTS, type Comparison, type Reading, type Verdict } from '../../../lib/types.ts';
import { localRead } from '../support/local-read.ts';

function load(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...document.importNode(parsed.body, true).childNodes);
  return document.body;
}

/** Stand-in figure reader: numbers of two digits or more, optionally with "million". */
function fakeRead(text: string): Reading[] {
  return [...text.matchAll(/\d[\d,.]*\d(?: million)?/g)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    value: 1,
    low: 1,
    high: 1,
    qualifier: 'exact',
    metric: 'killed',
    subject: 'people',
    place: 'Ukraine',
    period: 'cumulative',
    asOf: null,
    source: null,
    modality: 'reported',
    quote: text,
  }));
}

/** Stand-in background: "differs" for figures containing 9, "agrees" otherwise; records every request. */
function fakeBackground() {
  const calls: string[][] = [];
  const compare = vi.fn(async (readings: Reading[]) => {
    calls.push(readings.map((r) => r.text));
    return {
      ok: true as const,
      value: readings.map((r): Comparison => ({
        verdict: (r.text.includes('9') ? 'differs' : 'agrees') as Verdict,
        reports: [],
        summary: `summary of ${r.text}`,
      })),
    };
  });
  return { compare, calls };
}

const controllers: AbortController[] = [];
function start(html: string) {
  const root = load(html);
  const abort = new AbortController();
  controllers.push(abort);
  const bg = fakeBackground();
  const check = new FigureCheck({
    doc: document,
    host: window,
    signal: abort.signal,
    read: localRead(fakeRead, bg.compare),
    readPageDate: () => '2022-03-29',
    visibility: (_doc, onVisible) => eagerVisibility(onVisible),
    log: () => {},
  });
  check.enable();
  return { root, abort, bg, check };
}

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

const marks = () =>
  [...document.querySelectorAll('fc-mark')].map(
    (m) => `${m.getAttribute('data-fc-verdict')}:${m.textContent}`,
  );
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('the content script on a page', () => {
  test('highlights the figures with their verdicts and lists them for the popup', async () => {
    const { check, bg } = start(
      '<p>At least 1,200 died.</p><p>Some <b>3.8</b> million fled; 19 missing.</p>',
    );
    await vi.waitFor(() =>
      expect(marks()).toEqual(['agrees:1,200', 'agrees:3.8', 'agrees: million', 'differs:19']),
    );
    expect(bg.calls).toEqual([['1,200', '3.8 million', '19']]);
    const listed = check.pageFigures('news.example');
    expect(listed.host).toBe('news.example');
    expect(listed.enabled).toBe(true);
    expect(listed.pageDate).toBe('2022-03-29');
    expect(listed.figures.map((f) => [f.text, f.verdict, f.summary])).toEqual([
      ['1,200', 'agrees', 'summary of 1,200'],
      ['3.8 million', 'agrees', 'summary of 3.8 million'],
      ['19', 'differs', 'summary of 19'],
    ]);
  });

  test('every one of the five verdicts reaches its highlight and the popup list', async () => {
    const root = load('<p>Tolls: 11 dead, 22 hurt, 33 missing, 44 fled, 55 held.</p>');
    const abort = new AbortController();
    controllers.push(abort);
    const compare = async (readings: Reading[]) => ({
      ok: true as const,
      value: readings.map((_, i): Comparison => ({ verdict: VERDICTS[i % 5]!, reports: [], summary: 's' })),
    });
    const check = new FigureCheck({
      doc: document,
      host: window,
      signal: abort.signal,
      read: localRead(fakeRead, compare),
      readPageDate: () => '2022-03-29',
      visibility: (_doc, onVisible) => eagerVisibility(onVisible),
      log: () => {},
    });
    check.enable();
    await vi.waitFor(() =>
      expect(marks()).toEqual(['agrees:11', 'differs:22', 'outdated:33', 'other-dates:44', 'no-reports:55']),
    );
    expect(root.textContent).toBe('Tolls: 11 dead, 22 hurt, 33 missing, 44 fled, 55 held.');
    expect(check.pageFigures('news.example').figures.map((f) => f.verdict)).toEqual([...VERDICTS]);
  });

  test('turning off restores the page exactly; turning on highlights again', async () => {
    const { root, check } = start('<p>At least 1,200 died, <i>34</i> hurt.</p>');
    const p = root.querySelector('p')!;
    const before = [...p.childNodes];
    await vi.waitFor(() => expect(marks()).toHaveLength(2));
    check.disable();
    expect(marks()).toEqual([]);
    expect([...p.childNodes]).toEqual(before);
    expect(p.textContent).toBe('At least 1,200 died, 34 hurt.');
    expect(check.pageFigures('h').figures).toEqual([]);
    expect(check.pageFigures('h').enabled).toBe(false);
    check.enable();
    await vi.waitFor(() => expect(marks()).toHaveLength(2));
  });

  test('new text is read as it appears, and only the new text', async () => {
    const { root, bg } = start('<main><article><p>Update: 1,200 died.</p></article></main>');
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    const entry = document.createElement('article');
    entry.append(document.createElement('p'));
    entry.firstChild!.textContent = 'Later: 35 more were found.';
    root.querySelector('main')!.prepend(entry);
    await vi.waitFor(() => expect(marks()).toEqual(['agrees:35', 'agrees:1,200']));
    expect(bg.calls).toEqual([['1,200'], ['35']]);
  });

  test('our own highlighting never triggers another read', async () => {
    const { bg } = start('<p>12 and 34 and 56.</p>'.repeat(20));
    await vi.waitFor(() => expect(marks()).toHaveLength(60));
    await settle();
    await settle();
    expect(bg.calls).toHaveLength(1);
  });

  test('text typed into an editable area is never read or touched', async () => {
    const { root, bg } = start(
      '<p>10 died.</p><div contenteditable="true"><p>Draft</p></div><textarea></textarea>',
    );
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    const draft = root.querySelector('[contenteditable] p')!;
    draft.firstChild!.textContent = 'Draft: 4,500 people';
    draft.append(document.createTextNode(' and 77 more'));
    root.querySelector('textarea')!.value = '99 99';
    await settle();
    await settle();
    expect(bg.calls).toHaveLength(1);
    expect(draft.querySelector('fc-mark')).toBeNull();
  });

  test('an element made editable loses its highlights', async () => {
    const { root } = start('<div id="e"><p>10 died.</p></div><p>20 hurt.</p>');
    await vi.waitFor(() => expect(marks()).toHaveLength(2));
    root.querySelector('#e')!.setAttribute('contenteditable', '');
    await vi.waitFor(() => expect(marks()).toEqual(['agrees:20']));
    expect(root.querySelector('#e')!.textContent).toBe('10 died.');
  });

  test('when the page rewrites highlighted text, no stale copy stays and the new figure is read', async () => {
    const { root } = start('<p>Toll: 12 killed</p>');
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    const p = root.querySelector('p')!;
    (p.firstChild as Text).data = 'Toll: 15 killed'; // a framework updating the node it owns
    await vi.waitFor(() => expect(marks()).toEqual(['agrees:15']));
    expect(p.textContent).toBe('Toll: 15 killed');
  });

  test('a number the page rewrites constantly is left alone until it settles', async () => {
    const { root, bg } = start('<p>Ticker: <span id="t">10</span> viewers</p>');
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    const t = root.querySelector('#t')!;
    for (let i = 0; i < 40; i++) {
      t.textContent = String(20 + i);
      await new Promise((r) => setTimeout(r, 15));
    }
    // Rescans are capped while it churns (HOT_SCANS in 2 s), then one more after it has been quiet.
    expect(bg.calls.length).toBeLessThanOrEqual(5);
    await vi.waitFor(() => expect(marks()).toEqual(['differs:59']), { timeout: 3000 });
  });

  test('after the context is invalidated, nothing is left and nothing reacts', async () => {
    const { root, abort, bg } = start('<p>At least 1,200 died.</p>');
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    abort.abort();
    expect(marks()).toEqual([]);
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
    const p = document.createElement('p');
    p.textContent = 'Another 5,000.';
    root.append(p);
    await settle();
    expect(bg.calls).toHaveLength(1);
    expect(marks()).toEqual([]);
  });

  test('without the background the page is left as it is, and the console says why, once', async () => {
    // Some 80,000 characters: three messages would go out (the first window alone, then 64,000 characters).
    const html = Array.from({ length: 2000 }, (_, i) => `<p>Entry ${i}: at least 1,200 died there.</p>`).join(
      '',
    );
    const root = load(html);
    const before = [...root.childNodes];
    const abort = new AbortController();
    controllers.push(abort);
    const log = vi.fn();
    const read = vi.fn(async () => ({ ok: false as const, error: 'background unreachable' }));
    const check = new FigureCheck({
      doc: document,
      host: window,
      signal: abort.signal,
      read,
      readPageDate: () => null,
      visibility: (_doc, onVisible) => eagerVisibility(onVisible),
      log,
    });
    check.enable();
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith('reading figures failed: background unreachable'),
    );
    await settle();
    expect(log).toHaveBeenCalledTimes(1);
    // It stopped sending: at most the messages already in flight.
    expect(read.mock.calls.length).toBeLessThanOrEqual(2);
    expect(marks()).toEqual([]);
    expect(check.pageFigures('h').figures).toEqual([]);
    expect([...root.childNodes]).toEqual(before);
    // New text tries again (once the page has been quiet for QUIET_MS, so wait longer than that).
    const sent = read.mock.calls.length;
    const p = document.createElement('p');
    p.textContent = 'Later: 3,400 fled.';
    root.append(p);
    await vi.waitFor(() => expect(read.mock.calls.length).toBeGreaterThan(sent), { timeout: 5_000 });
  });

  test('an answer that does not match the page text highlights nothing wrong', async () => {
    load('<p>At least 1,200 died and 34 hurt.</p>');
    const abort = new AbortController();
    controllers.push(abort);
    const log = vi.fn();
    const shifted = localRead(fakeRead, fakeBackground().compare);
    new FigureCheck({
      doc: document,
      host: window,
      signal: abort.signal,
      // The first figure's offsets are off by one: it must not be written over the wrong characters.
      read: async (pieces, date, lead) => {
        const r = await shifted(pieces, date, lead);
        if (r.ok) r.value[0]![0] = { ...r.value[0]![0]!, start: 10 };
        return r;
      },
      readPageDate: () => null,
      visibility: (_doc, onVisible) => eagerVisibility(onVisible),
      log,
    }).enable();
    await vi.waitFor(() => expect(marks()).toEqual(['agrees:34']));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/does not match the page text at 10/));
  });
});

describe('writing highlights only where the reader looks', () => {
  function startWith(
    html: string,
    { compare, ...deps }: Partial<FigureCheckDeps> & { compare?: Parameters<typeof localRead>[1] },
  ) {
    load(html);
    const abort = new AbortController();
    controllers.push(abort);
    const bg = fakeBackground();
    const check = new FigureCheck({
      doc: document,
      host: window,
      signal: abort.signal,
      read: localRead(fakeRead, compare ?? bg.compare),
      readPageDate: () => null,
      log: () => {},
      ...deps,
    });
    check.enable();
    return { check, bg };
  }

  test('figures off screen are listed at once and highlighted when their block comes near', async () => {
    let show: (el: Element) => void = () => {};
    const { check } = startWith('<p id="a">Seen: 1,200 died.</p><p id="b">Far below: 3,400 fled.</p>', {
      visibility: (_doc, onVisible) => {
        show = onVisible;
        return { watch: () => {}, forget: () => {}, disconnect: () => {} };
      },
    });
    await vi.waitFor(() =>
      expect(check.pageFigures('h').figures.map((f) => f.text)).toEqual(['1,200', '3,400']),
    );
    await settle();
    expect(marks()).toEqual([]);
    show(document.querySelector('#a')!);
    await vi.waitFor(() => expect(marks()).toEqual(['agrees:1,200']));
    show(document.querySelector('#b')!);
    await vi.waitFor(() => expect(marks()).toEqual(['agrees:1,200', 'agrees:3,400']));
  });

  test('the blocks of the text sent are watched while the background reads it', async () => {
    const watched: string[] = [];
    let answer: () => void = () => {};
    load('<p id="a">Seen: 1,200 died.</p><p id="b">Then 3,400 fled.</p>');
    const abort = new AbortController();
    controllers.push(abort);
    const read = localRead(fakeRead, fakeBackground().compare);
    new FigureCheck({
      doc: document,
      host: window,
      signal: abort.signal,
      read: (pieces, date, lead) =>
        new Promise((resolve) => (answer = () => resolve(read(pieces, date, lead)))),
      readPageDate: () => null,
      visibility: () => ({ watch: (el) => watched.push(el.id), forget: () => {}, disconnect: () => {} }),
      log: () => {},
    }).enable();
    await vi.waitFor(() => expect(watched).toEqual(['a', 'b']));
    answer();
  });

  test('a text node longer than a window is written once, after all its windows are compared', async () => {
    // More than one window of text: the first window goes alone, the rest after it: several answers.
    const sentence = 'Filler words about the day and nothing counted at all here. ';
    const part = (k: number) =>
      `${sentence.repeat(100)}${Array.from({ length: 120 }, (_, i) => `${k}${i + 10} fled.`).join(' ')} `;
    const giant = part(1) + part(2) + part(3);
    const answers: (() => void)[] = [];
    const writes: number[] = [];
    const { check } = startWith(`<p id="g">${giant}</p><p>Apart: 33 hurt.</p>`, {
      visibility: (_doc, onVisible) => eagerVisibility(onVisible),
      compare: (readings) =>
        new Promise((resolve) =>
          answers.push(() =>
            resolve({
              ok: true,
              value: readings.map(() => ({ verdict: 'agrees' as const, reports: [], summary: '' })),
            }),
          ),
        ),
    });
    const p = document.querySelector('#g')!;
    new MutationObserver((records) => writes.push(records.length)).observe(p, { childList: true });
    await vi.waitFor(() => expect(answers.length).toBeGreaterThanOrEqual(2));
    answers.shift()!();
    await settle();
    expect(p.querySelector('fc-mark')).toBeNull();
    while (answers.length) {
      answers.shift()!();
      await settle();
    }
    await vi.waitFor(() => expect(marks()).toHaveLength(361));
    expect(writes).toHaveLength(1);
    expect(check.pageFigures('h').figures).toHaveLength(361);
  });
});

describe('a long page', () => {
  test('what is on screen is sent while the rest is still being read; every figure once, in the end', async () => {
    // 400 paragraphs of 20 px under a 200 px viewport: the screen shows the first ten.
    const html = Array.from(
      { length: 400 },
      (_, i) => `<p data-i="${i}">Entry ${i}: ${i + 10} people were counted there by the officials.</p>`,
    ).join('');
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const i = Number(this.getAttribute('data-i') ?? 0);
      return { top: i * 20, bottom: i * 20 + 20, left: 0, right: 100, width: 100, height: 20 } as DOMRect;
    });
    const height = vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(200);
    // A clock that runs 4 ms per look: each slice of reading ends after a hundred-odd nodes.
    let clock = 0;
    let slices = 0;
    const host = {
      requestAnimationFrame: (cb: () => void) => window.requestAnimationFrame(cb),
      cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
      setTimeout: (cb: () => void, ms: number) => {
        slices++;
        return window.setTimeout(cb, ms);
      },
      clearTimeout: (id: number) => window.clearTimeout(id),
      performance: { now: () => (clock += 4) },
    };
    const requests: { pieces: string[]; slicesBefore: number }[] = [];
    const bg = fakeBackground();
    const read = localRead(fakeRead, bg.compare);
    try {
      load(html);
      const abort = new AbortController();
      controllers.push(abort);
      const check = new FigureCheck({
        doc: document,
        host,
        signal: abort.signal,
        read: (pieces, date, lead) => {
          requests.push({ pieces: pieces.map((p) => p.text.slice(p.from)), slicesBefore: slices });
          return read(pieces, date, lead);
        },
        readPageDate: () => null,
        visibility: (_doc, onVisible) => eagerVisibility(onVisible),
        log: () => {},
      });
      check.enable();
      // fakeRead takes numbers of two digits: the entry's number from 10 on, and its count.
      const expected = Array.from({ length: 400 }, (_, i) => [
        ...(i >= 10 ? [String(i)] : []),
        String(i + 10),
      ]).flat();
      await vi.waitFor(() => expect(check.pageFigures('h').figures).toHaveLength(expected.length), {
        timeout: 8_000,
      });
      // The first request went out as soon as the first window (4,000 characters, 2 slices of this clock)
      // was read, long before the whole text was (13 slices), and holds the top of the page only.
      expect(requests[0]!.slicesBefore).toBeLessThanOrEqual(3);
      expect(slices).toBeGreaterThan(12);
      const first = requests[0]!.pieces.join('');
      expect(first).toMatch(/^Entry 0: 10 people/);
      expect(first).not.toContain('Entry 399');
      expect(requests.length).toBeGreaterThan(1);
      // Each figure read once, in page order.
      const texts = check.pageFigures('h').figures.map((f) => f.text);
      expect(texts).toEqual(expected);
    } finally {
      rect.mockRestore();
      height.mockRestore();
    }
  }, 15_000);
});

describe('claimPage: one instance per page', () => {
  test('a second start is refused while the first lives, and allowed after it ends', () => {
    const scope = {};
    const first = new AbortController();
    expect(claimPage(scope, first.signal)).toBe(true);
    expect(claimPage(scope, new AbortController().signal)).toBe(false);
    first.abort();
    expect(claimPage(scope, new AbortController().signal)).toBe(true);
  });
});
