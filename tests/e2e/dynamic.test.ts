/**
 * Live pages, in real Chromium and Firefox: tests/fixtures/pages/live.html adds timestamped entries after
 * load (every 300 ms, newest first), ticks its "Updated" time and then re-renders one entry with new text,
 * as live blogs and single-page news sites do. New figures are highlighted soon after they appear; what
 * was highlighted before stays the same elements (no rescan of the page); and once the page is still, the
 * extension is still too (it does not react to its own changes).
 * Needs `npm run build` first; `npm test` does that.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, poll, sleep } from './support/browser.ts';
import { useSession } from './support/session.ts';
import {
  describeFigures,
  readHighlights,
  wronglyHighlighted,
  type FigureExpectation,
} from './support/reading.ts';

const ON_LOAD: readonly FigureExpectation[] = [
  {
    figure: 'more than 3.8 million',
    in: 'said more than 3.8 million people have fled abroad',
    verdict: 'agrees',
  },
];
/** Entry id on live.html → its figures; the Mariupol entry as re-rendered at the end. */
const ENTRIES: Record<string, readonly FigureExpectation[]> = {
  irpin: [{ figure: '47', in: 'say 47 people were evacuated from Irpin', verdict: 'no-reports' }],
  kharkiv: [{ figure: '1,143', in: '1,143 residential buildings', verdict: 'no-reports' }],
  trapped: [{ figure: 'about 160,000', in: 'said about 160,000 people remain trapped', verdict: 'agrees' }],
  // The UN's 780 of March 18 is another date's count: context, not agreement.
  un: [{ figure: '1,179', in: 'confirmed 1,179 civilian deaths', verdict: 'other-dates' }],
  mariupol: [{ figure: 'about 2,500', in: 'said about 2,500 people have died', verdict: 'differs' }],
};
const REPLACED = 'nearly 5,000';
/** How soon after an entry appears its figure must be highlighted (generous: two busy cores, CI). */
const SOON_MS = 2_500;

interface Watch {
  /** Entries as the page logged them: when each was added or re-rendered (performance.now()). */
  log: { id: string; kind: string; at: number }[];
  done: boolean;
  /** Each highlight element that appeared: its text, entry, when, and whether it is still in the page. */
  marks: { text: string; entry: string | null; at: number; connected: boolean }[];
  /** Highlights tagged before the updates began (an expando set from the page) still in the page. */
  seenStill: number;
  seenBefore: number;
  /** Mutations of any kind the page's own observer has seen, and when the last one came. */
  mutations: number;
  lastMutation: number;
  now: number;
}

/** In the page: marks every highlight there is now, and watches every change from here on. */
function startWatching(): number {
  type Probe = { seen: Element[]; marks: { el: Element; at: number }[]; mutations: number; last: number };
  const w = window as unknown as { __probe?: Probe };
  const seen = [...document.querySelectorAll('fc-mark')];
  for (const m of seen) (m as unknown as { __seen: boolean }).__seen = true;
  const probe: Probe = { seen, marks: [], mutations: 0, last: performance.now() };
  w.__probe = probe;
  new MutationObserver((records) => {
    const at = performance.now();
    probe.mutations += records.length;
    probe.last = at;
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node instanceof Element && node.matches('fc-mark')) probe.marks.push({ el: node, at });
        if (node instanceof Element)
          for (const m of node.querySelectorAll('fc-mark')) probe.marks.push({ el: m, at });
      }
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  return seen.length;
}

/** In the page: what the probe has seen. */
function readWatch(): Watch {
  type Probe = { seen: Element[]; marks: { el: Element; at: number }[]; mutations: number; last: number };
  const probe = (window as unknown as { __probe: Probe }).__probe;
  const live = (window as unknown as { liveBlog: { log: Watch['log']; done: boolean } }).liveBlog;
  const current = new Set(document.querySelectorAll('fc-mark'));
  return {
    log: live.log,
    done: live.done,
    marks: probe.marks.map(({ el, at }) => ({
      text: el.textContent ?? '',
      entry: el.closest('.entry')?.id.replace(/^entry-/, '') ?? null,
      at,
      connected: current.has(el),
    })),
    seenStill: probe.seen.filter((m) => current.has(m) && (m as unknown as { __seen?: boolean }).__seen)
      .length,
    seenBefore: probe.seen.length,
    mutations: probe.mutations,
    lastMutation: probe.last,
    now: performance.now(),
  };
}

/** describeFigures, as a string to compare, or null while some expected text is not on the page yet. */
function described(snapshot: Parameters<typeof describeFigures>[0], expected: readonly FigureExpectation[]) {
  try {
    return JSON.stringify(describeFigures(snapshot, expected));
  } catch {
    return null;
  }
}

describe.each(BROWSERS)('live pages in %s', (browserName) => {
  const session = useSession(browserName);

  test('figures added after load are highlighted as they appear, without touching the earlier ones', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}live.html?manual`);
    await page.bringToFront();
    const want = ON_LOAD.map((e) => `${e.figure} → ${e.verdict}`);
    const first = await poll(
      () => page.evaluate(readHighlights, null),
      (s) => JSON.stringify(describeFigures(s, ON_LOAD)) === JSON.stringify(want),
    );
    expect(describeFigures(first, ON_LOAD)).toEqual(want);
    expect(await page.evaluate(startWatching, null)).toBe(first.marks.length);

    await page.evaluate(() => (window as unknown as { liveBlog: { start(): void } }).liveBlog.start(), null);
    const all = Object.values(ENTRIES).flat();
    const wantAll = [...ON_LOAD, ...all].map((e) => `${e.figure} → ${e.verdict}`);
    const settled = await poll(
      () => page.evaluate(readHighlights, null),
      (s) => described(s, [...ON_LOAD, ...all]) === JSON.stringify(wantAll),
      15_000,
    );
    expect(
      describeFigures(settled, [...ON_LOAD, ...all]),
      'every figure highlighted with its verdict',
    ).toEqual(wantAll);
    // Times are not figures, nor is the ticking "Updated 14:25".
    expect(
      wronglyHighlighted(settled, [
        { number: '14:05', in: '14:05' },
        { number: '14:25', in: 'Updated 14:25' },
      ]),
    ).toEqual([]);
    expect(settled.marks.map((m) => m.text)).not.toContain(REPLACED);

    const watch = await page.evaluate(readWatch, null);
    expect(watch.done, 'the page finished its updates').toBe(true);
    // Each figure was wrapped once, when its entry came (or was re-rendered), and soon after.
    const added = watch.log.filter((l) => l.kind === 'added');
    expect(added.map((l) => l.id)).toEqual(Object.keys(ENTRIES));
    const delays = watch.log.map((l) => {
      const expected = l.kind === 'added' && l.id === 'mariupol' ? REPLACED : ENTRIES[l.id]![0]!.figure;
      const mark = watch.marks.find((m) => m.text === expected && m.at >= l.at);
      return { entry: `${l.id} (${l.kind})`, ms: mark ? Math.round(mark.at - l.at) : null };
    });
    for (const d of delays) {
      expect(d.ms, `${d.entry} highlighted within ${SOON_MS} ms (${JSON.stringify(delays)})`).not.toBeNull();
      expect(d.ms!, `${d.entry} highlighted within ${SOON_MS} ms`).toBeLessThan(SOON_MS);
    }
    expect(
      watch.marks.map((m) => m.text).sort(),
      'one highlight written per figure, none written twice',
    ).toEqual([...all.map((e) => e.figure), REPLACED].sort());
    // The highlights from before the updates are the very same elements (nothing rescanned the page)...
    expect(watch.seenStill, 'highlights from before the updates, still the same elements').toBe(
      watch.seenBefore,
    );
    // ...and so are the ones in the entries that did not change; only the re-rendered text lost its highlight.
    expect(watch.marks.filter((m) => !m.connected).map((m) => m.text)).toEqual([REPLACED]);
  });

  test('once the page is still, the extension is still: no more changes, the same highlights', async () => {
    const { page } = session;
    const before = await page.evaluate(readWatch, null);
    expect(before.done).toBe(true);
    const count = (await page.evaluate(readHighlights, null)).marks.length;
    // The extension holds a busy block's re-read for a quiet second (lib/content/watcher.ts): wait beyond it.
    const quiet = await poll(
      () => page.evaluate(readWatch, null),
      (w) => w.now - w.lastMutation > 1_500,
      6_000,
    );
    expect(quiet.now - quiet.lastMutation, 'ms since the last change to the page').toBeGreaterThan(1_500);
    const start = quiet.mutations;
    await sleep(1_500);
    const after = await page.evaluate(readWatch, null);
    expect(after.mutations - start, 'changes to the page while nothing happened').toBe(0);
    expect((await page.evaluate(readHighlights, null)).marks.length).toBe(count);
    expect(after.marks.length, 'no highlight rewritten').toBe(before.marks.length);
  });

  test('no page reported an error', () => {
    expect(session.browser.problems).toEqual([]);
  });
});
