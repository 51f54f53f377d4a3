/**
 * Wraps figures in `<fc-mark class="figure-check-mark" data-fc-verdict data-fc-index tabindex="0">` and
 * takes them off again leaving the page exactly as it was.
 *
 * Mapping: each figure arrives as text-node slices from the page-text map (lib/dom/page-text.ts), so
 * wrapping works on one text node at a time with offsets local to that node: O(text of the marked nodes),
 * never O(ranges × nodes), and independent of any other concatenation of the page's text.
 *
 * Why not mark.js, which the project started with: `markRanges` on a text node works, but every call
 * creates a NodeIterator, and Chromium keeps each live iterator and visits all of them on every node
 * removal until they are garbage-collected. `npm run bench -- --wrapping` measures it: mark.js wraps the
 * same 9,000 figures 7.6× slower than this code, and afterwards the page's own DOM work runs 53× slower
 * (running mark.js on an off-page copy spares the page but wraps 39× slower). It also re-slices its whole
 * context string per range (quadratic on a 1 MB text node). mark.js stays as the benchmark's baseline.
 *
 * A figure that spans several text nodes (`<b>3.8</b> million`) gets one <fc-mark> per node, all with the
 * same data-fc-index and data-fc-text (the whole figure). The first carries tabindex="0" so the keyboard
 * reaches each figure once; the others carry data-fc-continued.
 *
 * Restoring: wrapping splits a text node T into T (the text before the first mark), marks and the text
 * between and after them. We remember T's original text; unhighlighting puts it back into T and removes
 * what we added, so T keeps its identity (frameworks such as React hold references to their text nodes)
 * and no other node of the page is merged or touched (no blanket normalize()). When the page itself
 * rewrites or removes T, `pageChanged` drops our leftovers at once, so the page never shows stale copies
 * of its old text.
 */
import type { Verdict } from '../types.ts';
import { MARK_CLASS, MARK_TAG } from './exclusions.ts';
import type { TextSlice } from './page-text.ts';

export interface FigureToMark {
  /** Stable id of the figure in this page (data-fc-index). */
  index: number;
  verdict: Verdict;
  /** The figure as read (page text between its start and end), used to check the DOM still holds it. */
  text: string;
  /** Where it is in the DOM (PageText.locate). */
  slices: readonly TextSlice[];
}

interface Record {
  /** The original text node, which stays in the page holding the text before the first mark. */
  node: Text;
  /** Its text before we split it. */
  original: string;
  /** What we left in it (the text before the first mark); anything else means the page rewrote it. */
  prefix: string;
  /** The nodes we added after it, in order (marks and the text between/after them). */
  added: Node[];
}

interface LocalRange {
  start: number;
  end: number;
  index: number;
  verdict: Verdict;
  text: string;
  first: boolean;
}

const WHITESPACE = /[ \t\n\r\f]+/g;
const squash = (s: string): string => s.replace(WHITESPACE, ' ').trim();

export class Highlighter {
  /** Original text node → its record; weak so detached paragraphs are collected with their records. */
  private records = new WeakMap<Text, Record>();
  /** Every node we added → the original text node it belongs to. */
  private owners = new WeakMap<Node, Text>();
  private marks = new Map<number, Element[]>();

  /** Marks the given figures; returns the indexes actually highlighted (others no longer match the DOM). */
  highlight(figures: readonly FigureToMark[]): number[] {
    this.checked.clear();
    this.dataOf.clear();
    const byNode = new Map<Text, LocalRange[]>();
    const done: number[] = [];
    for (const f of figures) {
      if (this.marks.has(f.index) || !this.stillThere(f)) continue;
      let first = true;
      for (const s of f.slices) {
        // Whitespace-only pieces (the space between <b>3.8</b> and <i>million</i>) get no wrapper.
        if (this.currentOriginal(s.node)?.slice(s.start, s.end).trim() === '') continue;
        const ranges = byNode.get(s.node) ?? [];
        ranges.push({ start: s.start, end: s.end, index: f.index, verdict: f.verdict, text: f.text, first });
        byNode.set(s.node, ranges);
        first = false;
      }
      done.push(f.index);
    }
    for (const [node, ranges] of byNode) this.markNode(node, ranges);
    this.checked.clear();
    this.dataOf.clear();
    return done.filter((i) => this.marks.has(i));
  }

  /** The elements marking figure `index` (several when it spans text nodes), in document order. */
  marksOf(index: number): readonly Element[] {
    return this.marks.get(index) ?? [];
  }

  /** Indexes of figures with at least one mark still in the document. */
  indexes(): number[] {
    const out: number[] = [];
    for (const [index, els] of this.marks) if (els.some((e) => e.isConnected)) out.push(index);
    return out;
  }

  /**
   * Removes our marks under `scope` (default: everything we marked) and restores the text exactly.
   * Returns the indexes of the figures removed.
   */
  unhighlight(scope?: Node): number[] {
    const originals = new Set<Text>();
    const removed = new Set<number>();
    if (scope === undefined) {
      for (const [index, els] of this.marks) {
        removed.add(index);
        for (const el of els) {
          const o = this.owners.get(el);
          if (o) originals.add(o);
        }
      }
    } else {
      const found = scope.nodeType === 1 ? (scope as Element).querySelectorAll(MARK_TAG) : [];
      for (const el of found) {
        const o = this.owners.get(el);
        if (o) originals.add(o);
      }
      if (scope.nodeType === 3) {
        const o = this.owners.get(scope) ?? (this.records.has(scope as Text) ? (scope as Text) : undefined);
        if (o) originals.add(o);
      }
    }
    for (const node of originals) for (const i of this.restore(node)) removed.add(i);
    for (const i of removed) this.marks.delete(i);
    return [...removed];
  }

  /**
   * The page changed or removed text node `node` (a MutationObserver saw it). If it is one we split, the
   * pieces we added are now stale copies of the old text: remove them. Returns the affected figure indexes.
   */
  pageChanged(node: Node): number[] {
    if (node.nodeType !== 3) return [];
    const original = this.records.has(node as Text) ? (node as Text) : this.owners.get(node);
    if (!original) return [];
    const rec = this.records.get(original);
    if (!rec) return [];
    if (this.intact(rec)) return [];
    const indexes = this.repair(rec);
    for (const i of indexes) this.marks.delete(i);
    return indexes;
  }

  /** True for a node we added (a mark or a piece of split text). */
  isOurs(node: Node): boolean {
    return this.owners.has(node);
  }

  // ---- internals ---------------------------------------------------------------------------------------

  /**
   * The original text of `node` if it still stands as we left it (or as the page has it, if we never split
   * it); null if not. Cheap (structure and lengths, cached per highlight() call): page edits of the text
   * itself reach `pageChanged` through the watcher first.
   */
  private currentOriginal(node: Text): string | null {
    const rec = this.records.get(node);
    if (!rec) {
      // node.data builds a fresh string from the DOM on every read: read a 2 MB node once per call.
      let data = this.dataOf.get(node);
      if (data === undefined) {
        data = node.data;
        this.dataOf.set(node, data);
      }
      return data;
    }
    return this.linkedNow(rec) ? rec.original : null;
  }

  /** Per highlight() call: records already checked and text already read (re-reading per figure is quadratic). */
  private checked = new Map<Record, boolean>();
  private dataOf = new Map<Text, string>();

  private linkedNow(rec: Record): boolean {
    let ok = this.checked.get(rec);
    if (ok === undefined) {
      ok = this.linked(rec);
      this.checked.set(rec, ok);
    }
    return ok;
  }

  /** Does the DOM still hold the figure where the page text said? (The page may have changed since.) */
  private stillThere(f: FigureToMark): boolean {
    if (f.slices.length === 0) return false;
    let text = '';
    for (const s of f.slices) {
      if (!s.node.isConnected || this.owners.has(s.node)) return false;
      const data = this.currentOriginal(s.node);
      if (data === null || s.end > data.length) return false;
      text += ' ' + data.slice(s.start, s.end);
    }
    return squash(text) === squash(f.text);
  }

  /** Our pieces still follow the original node in order, with the original's length: O(pieces). */
  private linked(rec: Record): boolean {
    if (rec.node.data.length !== rec.prefix.length) return false;
    let length = rec.prefix.length;
    let prev: Node = rec.node;
    for (const n of rec.added) {
      if (n.previousSibling !== prev) return false;
      length += n.textContent?.length ?? 0;
      prev = n;
    }
    return length === rec.original.length;
  }

  /** `linked`, and the text reads exactly as the original: O(text). */
  private intact(rec: Record): boolean {
    if (!this.linked(rec) || rec.node.data !== rec.prefix) return false;
    let text = rec.prefix;
    for (const n of rec.added) text += n.textContent ?? '';
    return text === rec.original;
  }

  private markNode(node: Text, ranges: LocalRange[]): void {
    let rec = this.records.get(node);
    if (!rec) {
      const data = this.currentOriginal(node) ?? node.data;
      rec = { node, original: data, prefix: data, added: [] };
      if (!node.parentNode) return;
    } else if (!this.linkedNow(rec)) {
      return;
    }
    // Current text pieces of the original, with their offsets in the original text. Each length is read
    // once: Firefox copies a text node's whole string on every read of `data`, so reading it per range
    // made 8,000 figures in a 1 MB node cost 40 s there.
    const pieces: { node: Text; at: number; length: number }[] = [];
    let at = 0;
    for (const n of [rec.node, ...rec.added]) {
      const length = n.textContent?.length ?? 0;
      if (n.nodeType === 3) pieces.push({ node: n as Text, at, length });
      at += length;
    }
    ranges.sort((a, b) => a.start - b.start);
    const perPiece = new Map<Text, LocalRange[]>();
    let p = 0;
    for (const r of ranges) {
      // The text piece that holds the whole range (ranges are sorted, so the search only moves forward);
      // a range overlapping an existing mark is skipped.
      while (p + 1 < pieces.length && pieces[p + 1]!.at <= r.start) p++;
      const piece = pieces[p];
      if (!piece || piece.at > r.start || r.end > piece.at + piece.length) continue;
      const list = perPiece.get(piece.node) ?? [];
      list.push({ ...r, start: r.start - piece.at, end: r.end - piece.at });
      perPiece.set(piece.node, list);
    }
    if (perPiece.size === 0) return;
    // The page's node after our group: everything inserted before it is ours (incl. empty pieces).
    const lastOurs = rec.added[rec.added.length - 1] ?? rec.node;
    const after = lastOurs.nextSibling;
    for (const [piece, local] of perPiece) this.wrapPiece(piece, local);
    const added: Node[] = [];
    for (let n = rec.node.nextSibling; n !== null && n !== after; n = n.nextSibling) added.push(n);
    rec.added = added;
    rec.prefix = rec.node.data;
    if (added.length > 0 || this.records.has(node)) {
      this.records.set(node, rec);
      for (const n of added) this.owners.set(n, node);
    }
  }

  /**
   * Wraps `ranges` (sorted, disjoint, offsets local to `piece`) in one pass: the piece keeps the text before
   * the first range, and a fragment of [mark, text between, mark, …, text after] goes in after it. O(length
   * of the piece), whatever the number of ranges.
   */
  private wrapPiece(piece: Text, ranges: readonly LocalRange[]): void {
    const doc = piece.ownerDocument;
    const parent = piece.parentNode;
    const first = ranges[0];
    if (!parent || !first) return;
    const data = piece.data;
    const fragment = doc.createDocumentFragment();
    const hiddenFromAT = piece.parentElement?.closest('[aria-hidden="true"]') != null;
    ranges.forEach((r, i) => {
      const mark = doc.createElement(MARK_TAG);
      mark.className = MARK_CLASS;
      mark.textContent = data.slice(r.start, r.end);
      this.decorate(mark, r, hiddenFromAT);
      fragment.append(mark);
      const gapEnd = ranges[i + 1]?.start ?? data.length;
      // The text after the last mark stays as a (possibly empty) node, so restoring finds every piece.
      if (gapEnd > r.end || i === ranges.length - 1)
        fragment.append(doc.createTextNode(data.slice(r.end, gapEnd)));
    });
    piece.data = data.slice(0, first.start);
    parent.insertBefore(fragment, piece.nextSibling);
  }

  private decorate(el: Element, r: LocalRange, hiddenFromAT: boolean): void {
    el.setAttribute('data-fc-index', String(r.index));
    el.setAttribute('data-fc-verdict', r.verdict);
    el.setAttribute('data-fc-text', r.text);
    if (r.first) {
      // Reachable by keyboard, except where the page hides the region from assistive technology.
      el.setAttribute('tabindex', hiddenFromAT ? '-1' : '0');
    } else {
      el.setAttribute('data-fc-continued', '');
    }
    const list = this.marks.get(r.index) ?? [];
    list.push(el);
    this.marks.set(r.index, list);
  }

  /** Puts the original text back into its node and removes what we added. Returns the figures affected. */
  private restore(node: Text): number[] {
    const rec = this.records.get(node);
    if (!rec) return [];
    if (this.intact(rec)) {
      const indexes = this.indexesIn(rec);
      for (const n of rec.added) n.parentNode?.removeChild(n);
      rec.node.data = rec.original;
      this.forget(rec);
      return indexes;
    }
    return this.repair(rec);
  }

  /**
   * The page moved, removed or rewrote the original node or our pieces. If it left the node's text as we
   * left it, the page still believes the node holds its whole text: put that back. Either way the pieces
   * we added are stale copies now and go.
   */
  private repair(rec: Record): number[] {
    const indexes = this.indexesIn(rec);
    if (this.stillReads(rec)) {
      // The page took our marks apart but kept their text (`mark.replaceWith(...mark.childNodes)`): its text
      // reads as the original, so writing the original back would show the figure twice. Only the marks
      // still standing come off, their text left where it is.
      for (const n of rec.added)
        if (n.nodeType === 1 && n.parentNode) (n as Element).replaceWith(...n.childNodes);
    } else {
      if (rec.node.data === rec.prefix) rec.node.data = rec.original;
      for (const n of rec.added) n.parentNode?.removeChild(n);
    }
    this.forget(rec);
    return indexes;
  }

  /** The original node and the siblings after it still read as its original text. O(original text). */
  private stillReads(rec: Record): boolean {
    if (!rec.node.isConnected) return false;
    let text = rec.node.data;
    for (let n = rec.node.nextSibling; n !== null && text.length < rec.original.length; n = n.nextSibling)
      text += n.textContent ?? '';
    return text.startsWith(rec.original);
  }

  private indexesIn(rec: Record): number[] {
    const out: number[] = [];
    for (const n of rec.added) {
      if (n.nodeType !== 1) continue;
      const i = Number((n as Element).getAttribute('data-fc-index'));
      if (Number.isInteger(i)) out.push(i);
    }
    return out;
  }

  private forget(rec: Record): void {
    this.records.delete(rec.node);
    for (const n of rec.added) this.owners.delete(n);
  }
}

/**
 * Removes marks left by an earlier instance we have no records for (an orphaned content script after an
 * extension update). Only for that case: it merges the text around each mark, which `Highlighter` avoids.
 */
export function removeStrayMarks(root: ParentNode): number {
  const stray = root.querySelectorAll(`${MARK_TAG}.${MARK_CLASS}`);
  for (const el of stray) {
    const parent = el.parentNode;
    if (!parent) continue;
    parent.replaceChild(el.ownerDocument.createTextNode(el.textContent ?? ''), el);
    parent.normalize();
  }
  return stray.length;
}
