// @vitest-environment happy-dom
/**
 * lib/content/hover.ts on its own, on a real happy-dom page with fake timers: when the card opens and
 * closes as the reader moves the pointer, tabs through highlights and presses Escape. The card here is a
 * stand-in element (the real one is tested in hover-card.test.ts and ui/); what is asserted is what the
 * reader would notice: which figure's card is open, and where the focus is.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS, wireHover, type HoverCard } from '../../../lib/content/hover.ts';
import { MARK_CLASS, MARK_TAG } from '../../../lib/dom/exclusions.ts';
import type { Figure } from '../../../lib/types.ts';
import { figure } from '../support/figures.ts';

const PAGE = `
  <p id="text">At least <${MARK_TAG} id="m0" class="${MARK_CLASS}" data-fc-index="0" tabindex="0">780</${MARK_TAG}>
  civilians have been killed and <${MARK_TAG} id="m1" class="${MARK_CLASS}" data-fc-index="1" tabindex="0">3.8 million</${MARK_TAG}>
  people have fled, and <${MARK_TAG} id="gone" class="${MARK_CLASS}" data-fc-index="9" tabindex="0">12</${MARK_TAG}> more.</p>
  <input id="search" type="search">
  <a id="link" href="#">Next story</a>`;

/** A card that shows which figure it is open for, with a button inside it to take focus. */
class StandInCard implements HoverCard {
  readonly host = document.createElement('div');
  shown: Figure | null = null;
  anchor: Element | null = null;
  prepare = vi.fn();
  constructor() {
    this.host.id = 'card';
    this.host.hidden = true;
    this.host.append(document.createElement('button'));
    document.body.append(this.host);
  }
  get isOpen() {
    return this.shown !== null;
  }
  contains(node: Node | null) {
    return node !== null && this.host.contains(node);
  }
  show(anchor: Element, f: Figure) {
    this.anchor = anchor;
    this.shown = f;
    this.host.hidden = false;
  }
  hide() {
    this.anchor = this.shown = null;
    this.host.hidden = true;
  }
}

const figures: Figure[] = [
  figure({ text: '780', value: 780 }),
  figure({ text: '3.8 million', value: 3.8e6 }),
];
const el = (id: string): HTMLElement => document.getElementById(id)!;

let abort: AbortController;
let card: StandInCard;
/** How many DOM writes went through `write` (those the page watcher ignores). */
let writes = 0;

beforeEach(() => {
  vi.useFakeTimers();
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${PAGE}</body>`, 'text/html');
  document.body.replaceChildren(...document.importNode(parsed.body, true).childNodes);
  abort = new AbortController();
  card = new StandInCard();
  writes = 0;
  wireHover({
    doc: document,
    card,
    signal: abort.signal,
    figureOf: (mark) => figures[Number(mark.getAttribute('data-fc-index'))] ?? null,
    focusTarget: (mark) => mark as HTMLElement,
    write: (fn) => {
      writes++;
      return fn();
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
  });
});

afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

/** The pointer moves onto `target` (from `from`). */
function pointTo(target: Element, from: Element | null = null) {
  from?.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: target }));
  target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: from }));
}

/** Which highlight's card is open ('m0', 'm1'), or null. */
const openFor = (): string | null => (card.isOpen ? (card.anchor as Element).id : null);

describe('pointer', () => {
  test('resting on a highlight opens its card after a short delay, and marks the highlight open', () => {
    pointTo(el('m0'), el('text'));
    expect(card.prepare).toHaveBeenCalled();
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(openFor()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(openFor()).toBe('m0');
    expect(card.shown).toBe(figures[0]);
    expect(el('m0').hasAttribute('data-fc-open')).toBe(true);
    expect(el('card').hidden).toBe(false);
    expect(writes).toBeGreaterThan(0);
  });

  test('crossing a highlight on the way elsewhere opens nothing', () => {
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS / 2);
    pointTo(el('text'), el('m0'));
    vi.advanceTimersByTime(1_000);
    expect(openFor()).toBeNull();
  });

  test('leaving the highlight closes the card after a grace period', () => {
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    pointTo(el('text'), el('m0'));
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(openFor()).toBe('m0');
    vi.advanceTimersByTime(1);
    expect(openFor()).toBeNull();
    expect(el('m0').hasAttribute('data-fc-open')).toBe(false);
    expect(el('card').hidden).toBe(true);
  });

  test('reaching the card, or coming back to the highlight, within the grace period keeps it open', () => {
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    pointTo(el('text'), el('m0'));
    vi.advanceTimersByTime(CLOSE_GRACE_MS / 2);
    pointTo(el('card').firstElementChild!, el('text'));
    vi.advanceTimersByTime(1_000);
    expect(openFor()).toBe('m0');

    pointTo(el('text'), el('card'));
    vi.advanceTimersByTime(CLOSE_GRACE_MS / 2);
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(1_000);
    expect(openFor()).toBe('m0');
  });

  test('moving to another highlight shows that figure', () => {
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    pointTo(el('m1'), el('m0'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(openFor()).toBe('m1');
    expect(card.shown).toBe(figures[1]);
    expect(el('m0').hasAttribute('data-fc-open')).toBe(false);
    expect(el('m1').hasAttribute('data-fc-open')).toBe(true);
  });

  test('leaving the window closes the card', () => {
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    el('m0').dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: null }));
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(openFor()).toBeNull();
  });

  test('a highlight whose figure is gone, or an element that only looks like one, opens nothing', () => {
    pointTo(el('gone'), el('text'));
    vi.advanceTimersByTime(1_000);
    expect(openFor()).toBeNull();
    el('m1').removeAttribute('data-fc-index');
    pointTo(el('m1'), el('text'));
    vi.advanceTimersByTime(1_000);
    expect(openFor()).toBeNull();
  });

  test('a page that stops events from bubbling does not blind it', () => {
    el('text').addEventListener('mouseover', (e) => e.stopPropagation());
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(openFor()).toBe('m0');
  });
});

describe('keyboard', () => {
  test('tabbing to a highlight opens its card at once; tabbing to another control of the page closes it', () => {
    el('m1').focus();
    expect(openFor()).toBe('m1');
    el('link').focus();
    expect(openFor()).toBeNull();
  });

  test('focus moving into the card keeps it open', () => {
    el('m0').focus();
    (el('card').firstElementChild as HTMLElement).focus();
    expect(openFor()).toBe('m0');
  });

  test('Escape closes the card and returns focus to its highlight, without opening it again', () => {
    el('m0').focus();
    (el('card').firstElementChild as HTMLElement).focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(openFor()).toBeNull();
    expect(document.activeElement).toBe(el('m0'));
    vi.advanceTimersByTime(1_000);
    expect(openFor()).toBeNull();
  });

  test('Escape while typing in the page’s search box closes the card and leaves the focus there', () => {
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    el('search').focus();
    expect(openFor()).toBeNull();
    pointTo(el('m0'), el('text'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(openFor()).toBe('m0');
    el('search').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(openFor()).toBeNull();
    expect(document.activeElement).toBe(el('search'));
  });

  test('other keys do nothing', () => {
    el('m0').focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(openFor()).toBe('m0');
  });
});

test('switching Figure Check off (the signal) closes the card and stops listening', () => {
  el('m0').focus();
  expect(openFor()).toBe('m0');
  abort.abort();
  expect(openFor()).toBeNull();
  el('m1').focus();
  pointTo(el('m1'), el('text'));
  vi.advanceTimersByTime(1_000);
  expect(openFor()).toBeNull();
});
