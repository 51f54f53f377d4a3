// @vitest-environment happy-dom
/**
 * lib/content/watcher.ts on its own, on a real happy-dom page: what the page changes is queued as the blocks
 * to read again (never the whole page), what Figure Check writes itself is not, and a block rewritten over
 * and over (a ticker) waits until it is quiet.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MARK_CLASS, MARK_TAG } from '../../../lib/dom/exclusions.ts';
import { MutationWatcher, QUIET_MS, blockRoot } from '../../../lib/content/watcher.ts';

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...document.importNode(parsed.body, true).childNodes);
}

const byId = (id: string): HTMLElement => document.getElementById(id)!;

/** Mutation records arrive in a microtask. */
const records = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What a flush asks to read again, as ids (or the text of a lone text node). */
const described = (roots: (Element | Text)[]): string[] =>
  roots.map((r) => (r.nodeType === 3 ? `text:${r.textContent}` : (r as Element).id || r.nodeName)).sort();

let running: MutationWatcher[] = [];
afterEach(() => {
  for (const w of running) w.stop();
  running = [];
});

function watch(clock: { now: number } = { now: 0 }) {
  const hooks = {
    onQueued: vi.fn(),
    isOurs: vi.fn((node: Node) => node.nodeType === 1 && (node as Element).localName === MARK_TAG),
    onTextChanged: vi.fn(),
    onExcluded: vi.fn(),
  };
  const watcher = new MutationWatcher(document, hooks, () => clock.now);
  watcher.start();
  running.push(watcher);
  return { watcher, hooks, clock };
}

const ARTICLE = `
  <article id="story">
    <h1 id="title">Live: the war in Ukraine</h1>
    <p id="p1">At least 780 civilians have been killed, the UN said.</p>
    <p id="p2">More than <span id="n">3.8 million</span> people have fled.</p>
    <div id="feed"><section id="e1"><p id="e1p">Earlier entry.</p></section></div>
    <textarea id="box">draft</textarea>
    <p id="p3">A paragraph the page may make editable.</p>
  </article>`;

describe('what the page changes is queued for reading again', () => {
  test('a new entry on a live blog is read alone, not the whole feed', async () => {
    load(ARTICLE);
    const { watcher, hooks } = watch();
    const entry = document.createElement('section');
    entry.id = 'e2';
    entry.innerText = 'New: 12 people were killed in Kharkiv.';
    byId('feed').prepend(entry);
    await records();
    expect(hooks.onQueued).toHaveBeenCalled();
    expect(watcher.hasPending).toBe(true);
    expect(described(watcher.flush())).toEqual(['e2']);
    expect(watcher.hasPending).toBe(false);
  });

  test('rewritten text is read again with its paragraph, and the highlighter hears of the stale text node', async () => {
    load(ARTICLE);
    const { watcher, hooks } = watch();
    const text = byId('n').firstChild!;
    text.textContent = '4 million';
    await records();
    expect(described(watcher.flush())).toEqual(['p2']);
    expect(hooks.onTextChanged).toHaveBeenCalledWith(text);
  });

  test('several changes in one paragraph make one read of it', async () => {
    load(ARTICLE);
    const { watcher } = watch();
    byId('p1').append(' Another sentence.');
    byId('n').textContent = '4 million';
    byId('p2').append(document.createElement('b'));
    await records();
    expect(described(watcher.flush())).toEqual(['p1', 'p2']);
  });

  test('a paragraph added and then filled in is read once', async () => {
    load(ARTICLE);
    const { watcher } = watch();
    const p = document.createElement('p');
    p.id = 'e1q';
    byId('e1').append(p);
    p.append('Update: ');
    p.append(document.createElement('b'));
    p.lastElementChild!.textContent = '12 killed';
    await records();
    expect(described(watcher.flush())).toEqual(['e1q']);
  });

  test('text shown again (hidden removed) is read', async () => {
    load(`<p id="shown" hidden>12 people were killed.</p>`);
    const { watcher } = watch();
    byId('shown').removeAttribute('hidden');
    await records();
    expect(described(watcher.flush())).toEqual(['shown']);
  });

  test('nothing is queued from form fields or editors, and a paragraph made editable loses its highlights', async () => {
    load(ARTICLE);
    const { watcher, hooks } = watch();
    byId('box').append('typed 12 words');
    byId('p3').setAttribute('contenteditable', 'true');
    await records();
    expect(watcher.flush()).toEqual([]);
    expect(hooks.onExcluded).toHaveBeenCalledWith(byId('p3'));
  });

  test('after stop, nothing is queued', async () => {
    load(ARTICLE);
    const { watcher, hooks } = watch();
    watcher.stop();
    byId('p1').append(' Late change.');
    await records();
    expect(hooks.onQueued).not.toHaveBeenCalled();
    expect(watcher.flush()).toEqual([]);
  });
});

describe('its own writes are ignored', () => {
  test('highlights written through ignoring() queue nothing', async () => {
    load(ARTICLE);
    const { watcher, hooks } = watch();
    watcher.ignoring(() => {
      const p = byId('p1');
      const text = p.firstChild as Text;
      const rest = text.splitText(9);
      rest.splitText(3);
      const mark = document.createElement(MARK_TAG);
      mark.className = MARK_CLASS;
      rest.replaceWith(mark);
      mark.append(rest);
    });
    await records();
    expect(hooks.onQueued).not.toHaveBeenCalled();
    expect(watcher.flush()).toEqual([]);
  });

  test('the page’s own change just before our write is still read', async () => {
    load(ARTICLE);
    const { watcher } = watch();
    byId('p1').append(' The page added this.');
    watcher.ignoring(() => byId('p2').setAttribute('data-fc-open', ''));
    watcher.ignoring(() => byId('p2').append(document.createElement(MARK_TAG)));
    await records();
    expect(described(watcher.flush())).toEqual(['p1']);
  });

  test('our marks and card added some other way are not the page’s', async () => {
    load(ARTICLE);
    const { watcher, hooks } = watch();
    const mark = document.createElement(MARK_TAG);
    mark.className = MARK_CLASS;
    mark.textContent = '780';
    byId('p1').append(mark);
    const card = document.createElement('figure-check-card');
    document.body.append(card);
    await records();
    mark.textContent = '781';
    await records();
    expect(hooks.onQueued).not.toHaveBeenCalled();
    expect(watcher.flush()).toEqual([]);
  });
});

describe('a block rewritten over and over waits until it is quiet', () => {
  test('a ticker is read three times, then held back until a second passes without change', async () => {
    load(`<p id="ticker">Counter: 1</p><p id="other">Still.</p>`);
    const clock = { now: 0 };
    const { watcher, hooks } = watch(clock);
    const tick = async (n: number) => {
      clock.now += 100;
      byId('ticker').textContent = `Counter: ${n}`;
      await records();
      return described(watcher.flush());
    };
    expect(await tick(2)).toEqual(['ticker']);
    expect(await tick(3)).toEqual(['ticker']);
    expect(await tick(4)).toEqual(['ticker']);
    expect(await tick(5)).toEqual([]);
    expect(watcher.hasDeferred).toBe(true);

    // Another block changing meanwhile is read at once.
    byId('other').textContent = 'Changed.';
    await records();
    expect(described(watcher.flush())).toEqual(['other']);

    clock.now += QUIET_MS / 2;
    expect(watcher.release()).toBe(true);
    expect(watcher.flush()).toEqual([]);

    hooks.onQueued.mockClear();
    clock.now += QUIET_MS;
    expect(watcher.release()).toBe(false);
    expect(hooks.onQueued).toHaveBeenCalled();
    expect(described(watcher.flush())).toEqual(['ticker']);
  });
});

describe('blockRoot: what is read again for a changed node', () => {
  test.each<[string, string]>([
    ['n', 'p2'],
    ['p1', 'p1'],
    ['e1p', 'e1p'],
    ['title', 'title'],
  ])('a change in #%s reads #%s', (changed, root) => {
    load(ARTICLE);
    expect((blockRoot(byId(changed)) as Element).id).toBe(root);
  });

  test('a text node put straight into a container of blocks is read alone; a detached node not at all', () => {
    load(ARTICLE);
    const loose = document.createTextNode('Loose text: 12 killed.');
    byId('story').append(loose);
    expect(blockRoot(loose)).toBe(loose);
    expect(blockRoot(document.createElement('p'))).toBeNull();
  });
});
