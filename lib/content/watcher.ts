/**
 * Watches the page for new and changed text (live blogs, single-page news sites) and only queues work:
 * the callback records which nodes changed and asks for a flush; reading and highlighting happen later,
 * batched per frame / idle slice, on the smallest enclosing blocks (never the whole page again).
 *
 * Our own changes are never seen as the page's: every DOM write of ours goes through `ignoring()`, which
 * hands the page's pending records to the queue first and then drops the records our write produced
 * (JavaScript is single-threaded, so those are exactly ours). Nodes that are ours (marks, the card) are
 * filtered too, for records that reach us some other way.
 */
import { isExcludedElement, isInsideExcluded, isOwnNode } from '../dom/exclusions.ts';
import { isBlockElement } from '../dom/page-text.ts';

export interface WatcherHooks {
  /** Something was queued: schedule a flush. */
  onQueued(): void;
  /** True for nodes we added (split text, marks). */
  isOurs(node: Node): boolean;
  /** The page rewrote or removed a text node: let the highlighter drop stale pieces (runs inside ignoring). */
  onTextChanged(node: Node): void;
  /** An element became excluded (made editable, hidden, inert): our marks inside must go. */
  onExcluded(el: Element): void;
}

/** Attributes that change what is read: hiding/showing, editability, inertness. */
const WATCHED_ATTRIBUTES = ['hidden', 'contenteditable', 'inert'];

/** A root re-read this often within RECENT_MS is "hot" (a ticker, a counter): wait until it is quiet. */
const HOT_SCANS = 3;
const RECENT_MS = 2_000;
export const QUIET_MS = 1_000;

export class MutationWatcher {
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private deferred = new Set<Element | Text>();
  private scans = new WeakMap<Node, number[]>();
  private lastChange = new WeakMap<Node, number>();

  constructor(
    private readonly doc: Document,
    private readonly hooks: WatcherHooks,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(): void {
    if (this.observer) return;
    const MO = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new MO((records) => this.take(records));
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    this.deferred.clear();
  }

  /** Runs our own DOM writes without the watcher reacting to them. */
  ignoring<T>(write: () => T): T {
    if (!this.observer) return write();
    this.take(this.observer.takeRecords());
    try {
      return write();
    } finally {
      this.observer.takeRecords();
    }
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  get hasDeferred(): boolean {
    return this.deferred.size > 0;
  }

  /**
   * The queued changes as the smallest blocks to re-read, outermost only, in no particular order. Roots
   * that changed often and recently are held back (see `release`).
   */
  flush(): (Element | Text)[] {
    const now = this.now();
    const candidates = new Set<Node>();
    for (const node of this.pending) {
      const root = blockRoot(node);
      if (root && !isInsideExcluded(root)) candidates.add(root);
    }
    this.pending.clear();
    const roots: (Element | Text)[] = [];
    for (const root of candidates as Set<Element | Text>) {
      if (hasAncestorIn(root, candidates)) continue;
      this.lastChange.set(root, now);
      if (this.isHot(root, now)) {
        this.deferred.add(root);
        continue;
      }
      this.noteScan(root, now);
      roots.push(root);
    }
    return roots;
  }

  /** Moves deferred roots that have been quiet for QUIET_MS back into the queue; true if any remain. */
  release(): boolean {
    const now = this.now();
    for (const root of this.deferred) {
      if (now - (this.lastChange.get(root) ?? 0) >= QUIET_MS) {
        this.deferred.delete(root);
        this.scans.delete(root);
        if (root.isConnected) this.pending.add(root);
      }
    }
    if (this.pending.size > 0) this.hooks.onQueued();
    return this.deferred.size > 0;
  }

  private isHot(root: Node, now: number): boolean {
    const times = this.scans.get(root);
    if (!times) return false;
    return times.filter((t) => now - t < RECENT_MS).length >= HOT_SCANS;
  }

  private noteScan(root: Node, now: number): void {
    const times = (this.scans.get(root) ?? []).filter((t) => now - t < RECENT_MS);
    times.push(now);
    this.scans.set(root, times);
  }

  private take(records: MutationRecord[]): void {
    let queued = false;
    const changedText: Node[] = [];
    const excluded: Element[] = [];
    for (const r of records) {
      if (r.type === 'characterData') {
        const node = r.target;
        if (isOwnNode(node)) continue;
        changedText.push(node);
        this.pending.add(node);
        queued = true;
      } else if (r.type === 'childList') {
        if (isOwnNode(r.target)) continue;
        for (const node of r.removedNodes) if (node.nodeType === 3) changedText.push(node);
        for (const node of r.addedNodes) {
          if ((node.nodeType !== 1 && node.nodeType !== 3) || this.hooks.isOurs(node) || isOwnNode(node))
            continue;
          this.pending.add(node);
          queued = true;
        }
      } else if (r.type === 'attributes') {
        const el = r.target as Element;
        if (isOwnNode(el)) continue;
        if (isExcludedElement(el)) excluded.push(el);
        else {
          this.pending.add(el);
          queued = true;
        }
      }
    }
    if ((changedText.length > 0 || excluded.length > 0) && this.observer) {
      // Repairs are our writes: drop the records they make (the page's records were all taken above).
      for (const node of changedText) this.hooks.onTextChanged(node);
      for (const el of excluded) this.hooks.onExcluded(el);
      this.observer.takeRecords();
    }
    if (queued) this.hooks.onQueued();
  }
}

/**
 * What to re-read for a changed node: the nearest block holding it (itself if it is a block), so a
 * changed sentence is read with its paragraph. When that block is a container of other blocks (a live
 * blog's list, <body>), re-reading it would re-read the page: the new node alone is read instead.
 */
export function blockRoot(node: Node): Element | Text | null {
  if (!node.isConnected) return null;
  if (node.nodeType === 1 && isBlockElement(node as Element)) return node as Element;
  let el: Element | null = node.parentElement;
  while (el && !isBlockElement(el) && el.parentElement) el = el.parentElement;
  if (!el) return null;
  if (!holdsBlocks(el)) return el;
  if (node.nodeType === 3) return node as Text;
  return node.nodeType === 1 ? (node as Element) : null;
}

/** Does `el` hold block children (checked among its first 64 children; more counts as a container)? */
function holdsBlocks(el: Element): boolean {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (++n > 64 || isBlockElement(c)) return true;
  }
  return false;
}

function hasAncestorIn(el: Node, set: ReadonlySet<Node>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}
