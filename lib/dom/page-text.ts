/**
 * The visible text of a page (or of one subtree) as a single string, with a map from text offsets back to
 * DOM text nodes, so figures found in the string become DOM ranges to highlight.
 *
 * - Blocks (p, div, li, h1–h6, td, br, article, section, …) are separated by "\n\n", so sentences never run
 *   together across blocks and blank lines separate paragraphs (the number reader's rule).
 * - Whitespace collapses the way browsers render `white-space: normal`: runs of space, tab and newline
 *   become one space, dropped at the start and end of a block. No-break spaces are kept (they are
 *   thousands separators in "9 000").
 * - What is never read comes from the one list in ./exclusions.ts.
 * - Structure decides, not computed style: the `check` command reads .html files under happy-dom, which has
 *   no layout, and must find exactly what the content script finds.
 *
 * Pure DOM API with no globals, so it runs in the page and under happy-dom in Node. Reading can be done in
 * slices (`PageTextReader.read(shouldYield)`) so a 5 MB page never blocks the main thread for long.
 */
import { isExcludedElement, isInsideExcluded } from './exclusions.ts';

/** A slice of one text node: `node.data.slice(start, end)`. */
export interface TextSlice {
  node: Text;
  start: number;
  end: number;
}

export interface PageText {
  /** The text read, blocks separated by "\n\n". */
  readonly text: string;
  /** The root the text was read from (a text node when only new text was read). */
  readonly root: Element | Text;
  /**
   * The DOM pieces behind text[start, end): one slice per text node, in document order. Separators and
   * collapsed whitespace have no DOM counterpart of their own; a collapsed space maps to the first
   * whitespace character it replaced.
   */
  locate(start: number, end: number): TextSlice[];
  /** `locate` for many spans at once, in one sweep when they come sorted (figures do). */
  locateAll(spans: readonly { start: number; end: number }[]): TextSlice[][];
  /** The DOM position of a text offset, or null when it falls in a separator or outside the text. */
  position(offset: number): { node: Text; offset: number } | null;
  /** A DOM Range over text[start, end), or null when nothing there maps to the DOM. */
  range(start: number, end: number): Range | null;
  /** The text nodes read, in document order. */
  nodes(): Text[];
  /** Where `node`'s text lies in `text`, or null if it was not read. */
  extent(node: Text): { start: number; end: number } | null;
}

/**
 * Tags that start a new block. Structural, not computed style (see above). `br` is a line break that, in
 * news markup, separates items ("Kyiv: 12<br>Kharkiv: 7"): treated as a block boundary too.
 */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
/** The whitespace `white-space: normal` collapses (not U+00A0 and other Unicode spaces). */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const SEPARATOR = '\n\n';
/** Characters of one text node read per step, so a 1 MB text node does not block the page either. */
const TEXT_SLICE = 16_384;

/**
 * Reads the text under `root` in slices. `read(shouldYield)` walks until the walk is done (returns true) or
 * `shouldYield()` says to stop (returns false); call it again to continue. `result()` gives what was read.
 * If the page detaches the node the walk stands on between slices, the walk ends there: the mutation
 * watcher re-reads whatever changed.
 */
export class PageTextReader {
  readonly root: Element | Text;
  /**
   * The text read, as a few large strings: each text node's words and spaces are collected in `run` and
   * joined once per node (or per slice of a long node). A string per word and per space, kept for the
   * life of the page, cost several times the text itself in heap; once read, the parts become one string.
   */
  private parts: string[] = [];
  private run: string[] = [];
  private length = 0;
  // Pieces: text[tStart[i], tEnd[i]) ↔ nodes[i].data[nStart[i], nStart[i] + (tEnd[i] - tStart[i])).
  private pieceNode: Text[] = [];
  private pieceTextStart: number[] = [];
  private pieceTextEnd: number[] = [];
  private pieceNodeStart: number[] = [];
  private pendingBreak = false;
  private pendingSpaceNode: Text | null = null;
  private pendingSpaceOffset = 0;
  /** The next node to visit, or null when the walk is over. */
  private next: Node | null;
  /** Inside a long text node: its text and how far it was read (a 1 MB node is read in slices too). */
  private textData: string | null = null;
  private textOffset = 0;
  private finished = false;

  /** `root`: an element (its content is read) or a single text node (new text added to a container). */
  constructor(root: Element | Text) {
    this.root = root;
    this.next = isInsideExcluded(root) ? null : root.nodeType === ELEMENT_NODE ? root.firstChild : root;
    if (this.next === null) this.finished = true;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Stopped inside a text node: the text read so far ends with part of a node. */
  get midNode(): boolean {
    return this.textData !== null;
  }

  /** Walks until done (true) or until `shouldYield()` returns true between nodes (false). */
  read(shouldYield: () => boolean = () => false): boolean {
    let steps = 0;
    while (this.next !== null) {
      this.visit(this.next);
      // Checking the clock on every node would cost more than the nodes; every 64 is fine-grained enough,
      // and after every slice of a long text node. Checked after a step, so every call makes progress.
      if (this.next !== null && (this.textData !== null || (++steps & 63) === 0) && shouldYield())
        return false;
    }
    this.finished = true;
    return true;
  }

  /** What was read so far (all of it once `done`); earlier results stay valid, a prefix of later ones. */
  result(): PageText {
    this.endRun();
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    // Held once: later results join this and what follows, not every part again.
    this.parts = text === '' ? [] : [text];
    return new MappedText(
      this.root,
      text,
      this.pieceNode,
      this.pieceTextStart,
      this.pieceTextEnd,
      this.pieceNodeStart,
    );
  }

  /** Visits `node` and sets `next` (depth first, with block boundaries on entering and leaving blocks). */
  private visit(node: Node): void {
    let descend = false;
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const block = BLOCK_TAGS.has(el.localName);
      if (isExcludedElement(el)) {
        // An excluded block (a <pre>, a hidden <div>) still ends the paragraph before it.
        if (block) this.blockBoundary();
      } else {
        if (block) this.blockBoundary();
        descend = el.firstChild !== null;
      }
    } else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const data = this.textData ?? (node as Text).data;
      const reached = this.readText(node as Text, data, this.textOffset);
      this.endRun();
      if (reached >= 0) {
        // Not done with this node: stay on it (the caller may yield in between).
        this.textData = data;
        this.textOffset = reached;
        return;
      }
      this.textData = null;
      this.textOffset = 0;
    }
    if (descend) {
      this.next = node.firstChild;
      return;
    }
    // Leave: next sibling, or climb (leaving blocks) until one has a next sibling.
    let cur: Node | null = node;
    while (cur !== null && cur !== this.root) {
      if (cur !== node && cur.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((cur as Element).localName)) {
        this.blockBoundary();
      }
      if (cur.nextSibling !== null) {
        this.next = cur.nextSibling;
        return;
      }
      cur = cur.parentNode;
    }
    // Reached the root, or the node was detached mid-walk (cur === null): the walk is over.
    this.next = null;
  }

  /** Joins the current node's words and spaces into one part. */
  private endRun(): void {
    if (this.run.length === 0) return;
    this.parts.push(this.run.length === 1 ? this.run[0]! : this.run.join(''));
    this.run = [];
  }

  private blockBoundary(): void {
    this.pendingBreak = true;
    this.pendingSpaceNode = null;
  }

  /**
   * Reads `data` from `from`, for at most about TEXT_SLICE characters; returns where it stopped, or -1 at
   * the end. It stops only just after a whitespace run, whose space is then pending like any other.
   */
  private readText(node: Text, data: string, from: number): number {
    const limit = from + TEXT_SLICE;
    let i = from;
    COLLAPSIBLE.lastIndex = from;
    for (let m = COLLAPSIBLE.exec(data); m !== null; m = COLLAPSIBLE.exec(data)) {
      if (m.index > i) this.emit(node, i, data.slice(i, m.index));
      // The first whitespace of a run stands for the whole run; kept only if text follows in this block.
      if (this.pendingSpaceNode === null) {
        this.pendingSpaceNode = node;
        this.pendingSpaceOffset = m.index;
      }
      i = m.index + m[0].length;
      if (i >= limit && i < data.length) return i;
    }
    if (i < data.length) this.emit(node, i, data.slice(i));
    return -1;
  }

  private emit(node: Text, nodeStart: number, str: string): void {
    if (this.length > 0) {
      if (this.pendingBreak) {
        this.run.push(SEPARATOR);
        this.length += SEPARATOR.length;
      } else if (this.pendingSpaceNode !== null) {
        this.addPiece(this.pendingSpaceNode, this.pendingSpaceOffset, ' ');
      }
    }
    this.pendingBreak = false;
    this.pendingSpaceNode = null;
    this.addPiece(node, nodeStart, str);
  }

  private addPiece(node: Text, nodeStart: number, str: string): void {
    const last = this.pieceNode.length - 1;
    if (
      last >= 0 &&
      this.pieceNode[last] === node &&
      this.pieceTextEnd[last] === this.length &&
      this.pieceNodeStart[last]! + (this.length - this.pieceTextStart[last]!) === nodeStart
    ) {
      // Contiguous in both the text and the node (a single collapsed space maps one to one): extend.
      this.pieceTextEnd[last] = this.length + str.length;
    } else {
      this.pieceNode.push(node);
      this.pieceTextStart.push(this.length);
      this.pieceTextEnd.push(this.length + str.length);
      this.pieceNodeStart.push(nodeStart);
    }
    this.run.push(str);
    this.length += str.length;
  }
}

/** Reads the whole text under `root` at once (the `check` command, tests, small subtrees). */
export function readPageText(root: Element): PageText {
  const reader = new PageTextReader(root);
  reader.read();
  return reader.result();
}

class MappedText implements PageText {
  constructor(
    readonly root: Element | Text,
    readonly text: string,
    private readonly pieceNode: Text[],
    private readonly pieceTextStart: number[],
    private readonly pieceTextEnd: number[],
    private readonly pieceNodeStart: number[],
  ) {}

  /** Index of the first piece whose end is after `offset` (pieces are sorted and disjoint). */
  private firstPieceEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.pieceNode.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pieceTextEnd[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  locate(start: number, end: number): TextSlice[] {
    return this.collect(this.firstPieceEndingAfter(start), start, end).slices;
  }

  locateAll(spans: readonly { start: number; end: number }[]): TextSlice[][] {
    const out: TextSlice[][] = [];
    let i = 0;
    let lastStart = -1;
    for (const span of spans) {
      // Sorted spans sweep forward from where the last one began (O(text + spans)); unsorted ones search.
      if (span.start < lastStart) i = this.firstPieceEndingAfter(span.start);
      else while (i < this.pieceNode.length && this.pieceTextEnd[i]! <= span.start) i++;
      lastStart = span.start;
      out.push(this.collect(i, span.start, span.end).slices);
    }
    return out;
  }

  private collect(first: number, start: number, end: number): { slices: TextSlice[] } {
    const slices: TextSlice[] = [];
    for (let i = first; i < this.pieceNode.length && this.pieceTextStart[i]! < end; i++) {
      const tStart = this.pieceTextStart[i]!;
      const from = Math.max(start, tStart);
      const to = Math.min(end, this.pieceTextEnd[i]!);
      if (to <= from) continue;
      const node = this.pieceNode[i]!;
      const nStart = this.pieceNodeStart[i]! + (from - tStart);
      const nEnd = this.pieceNodeStart[i]! + (to - tStart);
      const prev = slices[slices.length - 1];
      // Pieces of one node that a collapsed run split apart join again: "3.8  million" is one slice.
      if (prev && prev.node === node && prev.end <= nStart) prev.end = nEnd;
      else slices.push({ node, start: nStart, end: nEnd });
    }
    return { slices };
  }

  position(offset: number): { node: Text; offset: number } | null {
    const i = this.firstPieceEndingAfter(offset);
    if (i >= this.pieceNode.length || this.pieceTextStart[i]! > offset) return null;
    return { node: this.pieceNode[i]!, offset: this.pieceNodeStart[i]! + (offset - this.pieceTextStart[i]!) };
  }

  range(start: number, end: number): Range | null {
    const slices = this.locate(start, end);
    const first = slices[0];
    const last = slices[slices.length - 1];
    if (!first || !last) return null;
    const range = first.node.ownerDocument.createRange();
    range.setStart(first.node, first.start);
    range.setEnd(last.node, last.end);
    return range;
  }

  private extents: Map<Text, { start: number; end: number }> | null = null;

  extent(node: Text): { start: number; end: number } | null {
    if (!this.extents) {
      // Built on first use: one entry per node, from its first piece's start to its last piece's end.
      this.extents = new Map();
      for (let i = 0; i < this.pieceNode.length; i++) {
        const n = this.pieceNode[i]!;
        const e = this.extents.get(n);
        if (e) e.end = this.pieceTextEnd[i]!;
        else this.extents.set(n, { start: this.pieceTextStart[i]!, end: this.pieceTextEnd[i]! });
      }
    }
    return this.extents.get(node) ?? null;
  }

  nodes(): Text[] {
    const out: Text[] = [];
    for (const node of this.pieceNode) if (out[out.length - 1] !== node) out.push(node);
    return out;
  }
}
