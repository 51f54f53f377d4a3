/**
 * The content script's work on one page: read the text, have the background find its figures and compare
 * them, highlight them, keep up with new text, and answer the popup. No extension API here: the entrypoint
 * hands in `read` and wires storage and messaging, so this runs under vitest with happy-dom too.
 *
 * Flow (all of it cancelled through `signal`, the ContentScriptContext's):
 *   scan job per root (the body at start, changed blocks later)
 *     → read text in idle slices (PageTextReader); windows of paragraphs   [idle]
 *       on screen are sent as soon as they are read, the rest after the
 *       whole text is read, those on screen first
 *     → pieces (window + context) sent to the background, which reads      [async, off the page's
 *       the figures and compares them; a few messages in flight at most      main thread]
 *     → figures known (the popup lists them); highlights wait until their
 *       block is on or near the screen (IntersectionObserver)              [visibility]
 *     → highlights written in animation frames, a block at a time        [frame]
 * No slice of ours runs much past SLICE_MS, so the page never sees a long task from our script; the
 * browser's own layout after our writes is kept small by writing only near the viewport and writing each
 * block (paragraph) once.
 */
import type { Figure, IsoDate } from '../types.ts';
import type { PageFigures, Reply } from '../protocol/index.ts';
import { READ_LIMITS } from '../protocol/core.ts';
import { PageTextReader, isBlockElement, type PageText } from '../dom/page-text.ts';
import { extendWindows, pieceOf, type TextPiece, type TextWindow } from '../reading/text-windows.ts';
import { Highlighter, removeStrayMarks, type FigureToMark } from '../dom/highlight.ts';
import { isInsideExcluded } from '../dom/exclusions.ts';
import type { CardOptions } from '../ui/card.ts';
import { createScheduler, type Scheduler, type SchedulerHost, type ShouldYield } from './scheduler.ts';
import { MutationWatcher, QUIET_MS } from './watcher.ts';
import { wireHover, type Hover, type HoverCard, type MakeCard } from './hover.ts';
import { createVisibility, type Visibility } from './visibility.ts';
import { SharedValues } from './shared-values.ts';

export interface FigureCheckDeps {
  doc: Document;
  /** Timers, frames and idle callbacks (the page's window). */
  host: SchedulerHost;
  signal: AbortSignal;
  /**
   * Asks the background to read and compare pieces of the page text (the `figures:read` request): per
   * piece, its figures with offsets into the piece. The figure reader is most of the code there is, so it
   * runs in the background, not in a script loaded on every page, nor on the page's main thread
   * (docs/decisions.md, "Figures are read in the background").
   */
  read(pieces: TextPiece[], pageDate: IsoDate | null, lead: string): Promise<Reply<Figure[][]>>;
  /**
   * The page's publication date (lib/dom/page-date.ts), or null. May come later (the entrypoint asks the
   * background to read it): pieces are sent once it is known, since their figures are placed by it.
   */
  readPageDate(doc: Document): IsoDate | null | Promise<IsoDate | null>;
  /** What the page says it is about (lib/dom/page-lead.ts); '' when not given. */
  readPageLead?(doc: Document): string;
  /**
   * Loads the hover card's code when a highlight is first hovered or focused (the entrypoint imports
   * card.js): the card, its timeline and its positioning are most of the code, and most pages never
   * show a card. Without it there is no card.
   */
  loadCard?: () => Promise<MakeCard>;
  /** Opens a report's source document (the card's "Show in the document"); the entrypoint asks the background. */
  openDocument?: CardOptions['openDocument'];
  /** Saves the page to the reader's library (the card's link); the entrypoint asks the background. */
  savePage?: CardOptions['savePage'];
  /** Where highlights may be written (default: near the viewport, by IntersectionObserver). */
  visibility?: (doc: Document, onVisible: (el: Element) => void) => Visibility;
  /** Where problems are reported (default console.warn); never thrown into the page. */
  log?(message: string): void;
}

/**
 * Characters of page text per message after the first (which carries the windows on screen alone, so the
 * first highlight comes quickly). Each message costs the page's main thread about 1.4 ms whatever its size
 * (measured on the 5 MB bench page: 16,000 characters a message spent 455 ms in sendMessage, 64,000 spent
 * 105 ms), while one answer (some 100 figures) is still a short task to take in.
 */
const BATCH_CHARS = 64_000;
/** How much text is sent while still being read, at most (windows on screen, see `stream`). */
const STREAM_CHARS = 200_000;
/** Messages waiting for an answer at most: the next is collected while the background reads. */
const MAX_IN_FLIGHT = 2;
/**
 * Script time per frame for writing highlights. The browser then spends style, layout and paint on what
 * was written, mostly a fixed cost per block touched, so a frame with highlights stays under 50 ms.
 */
const MARK_BUDGET_MS = 6;

interface Job {
  root: Element | Text;
  reader: PageTextReader;
  /** The text read so far (all of it once the reader is done). */
  text: PageText | null;
  /** Windows in text order, planned as the text is read. */
  windows: TextWindow[];
  /** Windows on screen are still sent as soon as they are read (until one starts below the screen). */
  streaming: boolean;
  /** Windows sent, or waiting in the batch. */
  queued: boolean[];
  /** Once the text is read: the other windows' indexes in the order they are sent (screen first). */
  order: number[];
  next: number;
  /** Windows whose figures have come back from the background. */
  compared: boolean[];
  /**
   * Figures waiting for other windows over the same text node (a giant node is written once), grouped by
   * the windows they wait for, so each answer checks each group once, not each figure.
   */
  held: Map<string, { needs: { from: number; to: number }; entries: Entry[] }>;
}

interface Entry {
  index: number;
  figure: Figure;
  mark: FigureToMark;
  /** Windows [from, to) that must be compared before this figure's text nodes are written. */
  needs: { from: number; to: number };
  /** The block the figure stands in: the unit of visibility and of writing. */
  block: Element;
  state: 'waiting' | 'ready' | 'marked';
}

export class FigureCheck {
  private readonly scheduler: Scheduler;
  private readonly highlighter = new Highlighter();
  private readonly watcher: MutationWatcher;
  private readonly card: HoverCard;
  private readonly hover: Hover;
  private visibility: Visibility | null = null;
  /** Every figure found and still on the page, by index. */
  private readonly entries = new Map<number, Entry>();
  /** Figures released for writing, by block, waiting for the block to be near the screen. */
  private readonly byBlock = new Map<Element, Entry[]>();
  /** Blocks that have come near the screen (later figures there are written at once). */
  private readonly ready = new WeakSet<Element>();
  /** Blocks near the screen with figures to write. */
  private readonly toWrite = new Set<Element>();
  private jobs: Job[] = [];
  private batch: { job: Job; window: number; piece: TextPiece; offset: number }[] = [];
  private batchChars = 0;
  private inFlight = 0;
  /** The last answer was a failure (see `stopReading`). */
  private failing = false;
  private nextIndex = 0;
  private readonly shared = new SharedValues();
  /** Bumped on every enable/disable: answers to older requests are dropped. */
  private generation = 0;
  private enabled = false;
  /** The page date as soon as it is known (what the popup is told), and the wait for it. */
  private pageDate: IsoDate | null = null;
  private pageDateKnown: Promise<IsoDate | null> = Promise.resolve(null);
  private pageLead = '';
  private readonly log: (message: string) => void;

  constructor(private readonly deps: FigureCheckDeps) {
    this.log = deps.log ?? ((m) => console.warn(`Figure Check: ${m}`));
    this.scheduler = createScheduler(deps.host, deps.signal);
    this.watcher = new MutationWatcher(deps.doc, {
      onQueued: () => this.scheduler.frame('flush', () => this.flush()),
      isOurs: (node) => this.highlighter.isOurs(node),
      onTextChanged: (node) => this.forget(this.highlighter.pageChanged(node)),
      onExcluded: (el) => this.dropWithin(el),
    });
    this.card = lazyCard(
      async () =>
        (await deps.loadCard?.())?.(deps.doc, {
          openDocument: deps.openDocument,
          savePage: deps.savePage,
        }) ?? null,
      (show) => this.watcher.ignoring(show),
      (e) => this.log(`the card did not load: ${e instanceof Error ? e.message : String(e)}`),
    );
    this.hover = wireHover({
      doc: deps.doc,
      card: this.card,
      signal: deps.signal,
      figureOf: (mark) => this.entries.get(Number(mark.getAttribute('data-fc-index')))?.figure ?? null,
      focusTarget: (mark) => {
        const first = this.highlighter.marksOf(Number(mark.getAttribute('data-fc-index')))[0];
        return (first ?? mark) as HTMLElement;
      },
      write: (fn) => this.watcher.ignoring(fn),
      setTimeout: (fn, ms) => deps.host.setTimeout(fn, ms),
      clearTimeout: (id) => deps.host.clearTimeout(id),
    });
    deps.signal.addEventListener('abort', () => this.disable(), { once: true });
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Starts (or restarts) highlighting the page. */
  enable(): void {
    if (this.enabled || this.deps.signal.aborted) return;
    const { doc } = this.deps;
    const body = doc.body;
    if (!body || doc.designMode === 'on' || isInsideExcluded(body)) return;
    this.enabled = true;
    this.generation++;
    this.inFlight = 0;
    this.failing = false;
    this.pageDate = null;
    const generation = this.generation;
    this.pageDateKnown = Promise.resolve(
      this.safely('reading the page date', () => this.deps.readPageDate(doc)) ?? null,
    ).then(
      (date) => {
        if (generation === this.generation) this.pageDate = date;
        return date;
      },
      (e: unknown) => {
        this.log(`reading the page date failed: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      },
    );
    this.pageLead = this.safely('reading the page lead', () => this.deps.readPageLead?.(doc)) ?? '';
    const visibility = this.deps.visibility ?? createVisibility;
    this.visibility = visibility(doc, (block) => this.onVisible(block));
    this.watcher.start();
    // Highlights left by an instance we cannot reach (an orphaned script after an update) would double up.
    this.watcher.ignoring(() => removeStrayMarks(body));
    this.jobs.push(newJob(body));
    this.scheduler.now((y) => this.work(y, true));
  }

  /** Stops, and takes every highlight off (the page is as it was). */
  disable(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.generation++;
    this.hover.close();
    this.watcher.stop();
    this.visibility?.disconnect();
    this.visibility = null;
    this.jobs = [];
    this.batch = [];
    this.batchChars = 0;
    this.byBlock.clear();
    this.toWrite.clear();
    this.highlighter.unhighlight();
    this.entries.clear();
    this.shared.clear();
  }

  /** What the popup lists: the figures found on the page now (highlighted or about to be), in order. */
  pageFigures(host: string): Omit<PageFigures, 'url'> {
    const live: { figure: Figure; node: Node }[] = [];
    for (const [index, e] of this.entries) {
      const node =
        e.state === 'marked'
          ? this.highlighter.marksOf(index).find((m) => m.isConnected)
          : e.mark.slices.find((s) => s.node.isConnected)?.node;
      if (node) live.push({ figure: e.figure, node });
      else this.entries.delete(index);
    }
    live.sort((a, b) => (a.node === b.node ? 0 : a.node.compareDocumentPosition(b.node) & 4 ? -1 : 1));
    return { host, enabled: this.enabled, pageDate: this.pageDate, figures: live.map((e) => e.figure) };
  }

  // ---- finding figures --------------------------------------------------------------------------------

  /** One slice of reading the page and sending its pieces. `first`: the start of the page, run at once. */
  private work(shouldYield: ShouldYield, first = false): void {
    const generation = this.generation;
    while (this.enabled && this.inFlight < MAX_IN_FLIGHT && !shouldYield()) {
      const job = this.jobs[0];
      if (!job) break;
      if (!job.reader.done) {
        if (!job.reader.read(shouldYield)) {
          if (job.streaming && !job.reader.midNode) this.stream(job);
          // Each look joins the text read so far: past the first screens (a page reloaded scrolled far
          // down), the rest waits for the whole text, so a 5 MB page is not joined once per slice.
          if (job.streaming && (job.text?.text.length ?? 0) > STREAM_CHARS) job.streaming = false;
          break;
        }
        this.plan(job, true);
        job.order = this.order(job).filter((w) => !job.queued[w]);
        continue;
      }
      const w = job.order[job.next++];
      if (w === undefined) {
        this.jobs.shift();
        continue;
      }
      this.queue(job, w);
      if (first || this.batchChars >= BATCH_CHARS || this.batch.length >= READ_LIMITS.pieces) {
        this.send(generation);
        first = false;
      }
    }
    this.send(generation);
    this.resume();
  }

  /** Plans the windows of the text read so far (`complete`: all of it). */
  private plan(job: Job, complete: boolean): void {
    job.text = job.reader.result();
    extendWindows(job.text.text, job.windows, complete);
  }

  /**
   * While a long page is still being read: the windows read so far that are on screen go to the
   * background at once, so the first highlights do not wait for a megabyte of text below the fold.
   */
  private stream(job: Job): void {
    const from = job.windows.length;
    this.plan(job, false);
    const height = this.deps.doc.defaultView?.innerHeight ?? 0;
    for (let w = from; w < job.windows.length && height > 0; w++) {
      const { top, bottom } = this.extentOnScreen(job, w);
      if (top >= height) {
        job.streaming = false;
        break;
      }
      if (bottom > 0) {
        this.queue(job, w);
        this.watchBlocks(job, w);
      }
    }
  }

  /** The top of a window's first line and the bottom of its last, in viewport pixels (a layout read). */
  private extentOnScreen(job: Job, w: number): { top: number; bottom: number } {
    const { start, end } = job.windows[w]!;
    return {
      top: rectAt(job.text!, start, Math.min(end, start + 64), 'first')?.top ?? Number.NaN,
      bottom: rectAt(job.text!, Math.max(start, end - 64), end, 'last')?.bottom ?? Number.NaN,
    };
  }

  private queue(job: Job, w: number): void {
    const { piece, offset } = pieceOf(job.text!.text, job.windows[w]!);
    job.queued[w] = true;
    this.batch.push({ job, window: w, piece, offset });
    this.batchChars += piece.text.length;
  }

  /** More to read, and room for another message: the next idle slice goes on. */
  private resume(): void {
    if (this.enabled && this.jobs.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      this.scheduler.idle('work', (y) => this.work(y), 150);
    }
  }

  /** Window indexes, those on screen first, then the rest in document order. */
  private order(job: Job): number[] {
    const all = job.windows.map((_, i) => i);
    const view = this.deps.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    if (all.length < 2 || !job.text || !height) {
      if (all.length === 1) this.watchBlocks(job, 0);
      return all;
    }
    // One layout read per window, all before any write of ours in this slice.
    const tops = job.windows.map(
      (w) => rectAt(job.text!, w.start, Math.min(w.end, w.start + 64), 'first')?.top ?? Number.NaN,
    );
    const onScreen = (i: number) => {
      const nextTop = i + 1 < tops.length ? tops[i + 1]! : Number.POSITIVE_INFINITY;
      return tops[i]! < height && nextTop > 0;
    };
    const first = all.filter(onScreen);
    for (const w of first) this.watchBlocks(job, w);
    return [...first, ...all.filter((i) => !onScreen(i))];
  }

  /**
   * Asks already where the blocks of a window on screen are, while the background reads it: its figures
   * come back to blocks known to be in view and are written in the next frame, not a frame later.
   */
  private watchBlocks(job: Job, w: number): void {
    const { start, end } = job.windows[w]!;
    let last: Element | null = null;
    for (const slice of job.text!.locate(start, end)) {
      const block = blockOf(slice.node);
      if (block && block !== last) this.visibility?.watch(block);
      last = block;
    }
  }

  /** Sends the collected pieces to be read and compared; the figures that come back become entries. */
  private send(generation: number): void {
    if (this.batch.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return;
    const batch = this.batch.splice(0, READ_LIMITS.pieces);
    this.batchChars = this.batch.reduce((n, b) => n + b.piece.text.length, 0);
    this.inFlight++;
    const pieces = batch.map((b) => b.piece);
    const lead = this.pageLead;
    const reply: Promise<Reply<Figure[][]>> = this.pageDateKnown
      .then((date) => this.deps.read(pieces, date, lead))
      .catch((e: unknown) => ({ ok: false, error: String(e) }));
    void reply.then((r) => {
      if (generation !== this.generation || !this.enabled) return;
      this.inFlight--;
      if (!r.ok) {
        this.stopReading(r.error);
        return;
      }
      this.failing = false;
      const jobs = new Set<Job>();
      batch.forEach((b, i) => {
        b.job.compared[b.window] = true;
        jobs.add(b.job);
        for (const figure of r.value[i] ?? []) this.addEntry(b.job, figure, b.offset);
      });
      for (const job of jobs) this.releaseHeld(job);
      this.send(generation);
      this.resume();
    });
  }

  /**
   * The background did not answer (gone, or failing): nothing more of this page's text is sent, and the
   * console says why once, not once per message. Figures already found are written; text the page adds
   * later tries again.
   */
  private stopReading(error: string): void {
    if (!this.failing) this.log(`reading figures failed: ${error}`);
    this.failing = true;
    for (const job of this.jobs) {
      job.compared = job.windows.map(() => true);
      this.releaseHeld(job);
    }
    this.jobs = [];
    this.batch = [];
    this.batchChars = 0;
  }

  /** A figure of a piece at `offset` in the job's text. */
  private addEntry(job: Job, found: Figure, offset: number): void {
    const text = job.text!;
    const start = found.start + offset;
    const end = found.end + offset;
    // The answer must match the text we sent: anything else would highlight the wrong words.
    if (text.text.slice(start, end) !== found.text) {
      this.log(`an answer does not match the page text at ${start}: "${found.text}"`);
      return;
    }
    const slices = text.locate(start, end);
    const firstNode = slices[0]?.node;
    const block = firstNode ? blockOf(firstNode) : null;
    if (!block) return;
    const index = this.nextIndex++;
    const figure = this.shared.figure(found, start, end);
    const entry: Entry = {
      index,
      figure,
      mark: { index, verdict: figure.verdict, text: figure.text, slices },
      needs: windowsOver(job, slices),
      block,
      state: 'waiting',
    };
    this.entries.set(index, entry);
    if (allCompared(job, entry.needs)) {
      this.release(entry);
      return;
    }
    const key = `${entry.needs.from}-${entry.needs.to}`;
    const group = job.held.get(key);
    if (group) group.entries.push(entry);
    else job.held.set(key, { needs: entry.needs, entries: [entry] });
  }

  private releaseHeld(job: Job): void {
    for (const [key, group] of job.held) {
      if (!allCompared(job, group.needs)) continue;
      job.held.delete(key);
      for (const e of group.entries) if (this.entries.has(e.index)) this.release(e);
    }
  }

  // ---- writing highlights -----------------------------------------------------------------------------

  /** The figure may be written: as soon as its block is near the screen. */
  private release(entry: Entry): void {
    const list = this.byBlock.get(entry.block);
    if (list) list.push(entry);
    else this.byBlock.set(entry.block, [entry]);
    if (this.ready.has(entry.block)) this.write(entry.block);
    else this.visibility?.watch(entry.block);
  }

  private write(block: Element): void {
    this.toWrite.add(block);
    this.scheduler.frame('mark', (y) => this.markSome(y), MARK_BUDGET_MS);
  }

  private onVisible(block: Element): void {
    if (!this.enabled) return;
    this.ready.add(block);
    if (this.byBlock.has(block)) this.write(block);
  }

  /** Writes highlights, a whole block at a time (one relayout per paragraph), for one frame's slice. */
  private markSome(shouldYield: ShouldYield): void {
    if (!this.enabled) return;
    this.watcher.ignoring(() => {
      for (const block of this.toWrite) {
        if (shouldYield()) break;
        this.toWrite.delete(block);
        const list = this.byBlock.get(block);
        this.byBlock.delete(block);
        if (!list || list.length === 0) continue;
        const done = new Set(
          this.safely('highlighting', () => this.highlighter.highlight(list.map((e) => e.mark))) ?? [],
        );
        for (const e of list) {
          if (done.has(e.index)) e.state = 'marked';
          else this.entries.delete(e.index);
        }
      }
    });
    if (this.toWrite.size > 0) this.scheduler.frame('mark', (y) => this.markSome(y), MARK_BUDGET_MS);
  }

  // ---- dynamic pages ----------------------------------------------------------------------------------

  /** Turns queued changes into scan jobs for the changed blocks (what they held before is dropped first). */
  private flush(): void {
    if (!this.enabled) return;
    const roots = this.watcher.flush();
    if (roots.length > 0) {
      for (const root of roots) {
        this.dropWithin(root);
        this.jobs.push(newJob(root));
      }
      this.scheduler.idle('work', (y) => this.work(y), 100);
    }
    if (this.watcher.hasDeferred) this.scheduler.after('release', QUIET_MS, () => this.releaseQuiet());
  }

  private releaseQuiet(): void {
    if (!this.enabled) return;
    if (this.watcher.release()) this.scheduler.after('release', QUIET_MS, () => this.releaseQuiet());
  }

  /** Takes off highlights under `root` and forgets figures found there (it is read again, or excluded). */
  private dropWithin(root: Node): void {
    this.watcher.ignoring(() => this.forget(this.highlighter.unhighlight(root)));
    for (const [block, list] of this.byBlock) {
      if (!root.contains(block) && !block.contains(root)) continue;
      const keep = list.filter((e) => !e.mark.slices.some((s) => root.contains(s.node)));
      for (const e of list) if (!keep.includes(e)) this.entries.delete(e.index);
      if (keep.length > 0) this.byBlock.set(block, keep);
      else {
        this.byBlock.delete(block);
        this.toWrite.delete(block);
        this.visibility?.forget(block);
      }
    }
    for (const job of this.jobs) {
      for (const group of job.held.values())
        group.entries = group.entries.filter((e) => this.entries.has(e.index));
    }
  }

  private forget(indexes: readonly number[]): void {
    for (const i of indexes) this.entries.delete(i);
    if (this.card.isOpen && this.card.anchor && !this.card.anchor.isConnected) this.hover.close();
  }

  /** Runs `fn`; a failure is logged, never thrown into the page. */
  private safely<T>(what: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}

/**
 * The hover card, loaded and built when a highlight is first hovered or focused: its code (card.js) is
 * most of the content script's, and most pages are read without showing a card. Until it is there, a card
 * asked for is pending: it counts as open (so leaving the highlight closes it as usual) and is shown once
 * loaded, unless closed meanwhile.
 */
function lazyCard(
  load: () => Promise<HoverCard | null>,
  write: (fn: () => void) => void,
  fail: (e: unknown) => void,
): HoverCard {
  let card: HoverCard | null = null;
  let loading: Promise<void> | null = null;
  let pending: { anchor: Element; figure: Figure } | null = null;
  const prepare = () => {
    if (card || loading) return;
    loading = load().then(
      (made) => {
        card = made;
        const want = pending;
        pending = null;
        if (card && want && want.anchor.isConnected) write(() => card!.show(want.anchor, want.figure));
      },
      (e: unknown) => {
        loading = null;
        pending = null;
        fail(e);
      },
    );
  };
  return {
    get isOpen() {
      return pending !== null || (card?.isOpen ?? false);
    },
    get anchor() {
      return pending?.anchor ?? card?.anchor ?? null;
    },
    contains: (node) => card?.contains(node) ?? false,
    prepare,
    show: (anchor, figure) => {
      if (card) card.show(anchor, figure);
      else {
        pending = { anchor, figure };
        prepare();
      }
    },
    hide: () => {
      pending = null;
      card?.hide();
    },
  };
}

function newJob(root: Element | Text): Job {
  return {
    root,
    reader: new PageTextReader(root),
    text: null,
    windows: [],
    streaming: true,
    queued: [],
    order: [],
    next: 0,
    compared: [],
    held: new Map(),
  };
}

/** The box of the element holding the first (or last) text of text[start, end): a layout read. */
function rectAt(text: PageText, start: number, end: number, which: 'first' | 'last'): DOMRect | null {
  const slices = text.locate(start, end);
  const el = (which === 'first' ? slices[0] : slices.at(-1))?.node.parentElement;
  return el ? el.getBoundingClientRect() : null;
}

/** The nearest block element holding `node` (up to <body>). */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && !isBlockElement(el) && el.parentElement) el = el.parentElement;
  return el;
}

/**
 * The windows over the text nodes a figure touches, as a range [from, to). Usually just its own window; a
 * text node longer than a window (a 1 MB single node) spans many, and is written once, after all of them:
 * every write to a giant node costs a relayout of all of it.
 */
function windowsOver(job: Job, slices: readonly { node: Text }[]): { from: number; to: number } {
  let from = Number.POSITIVE_INFINITY;
  let to = 0;
  for (const s of slices) {
    const extent = job.text?.extent(s.node);
    if (!extent) continue;
    from = Math.min(from, firstWindowEndingAfter(job.windows, extent.start));
    to = Math.max(to, firstWindowEndingAfter(job.windows, Math.max(extent.start, extent.end - 1)) + 1);
  }
  return from < to ? { from, to } : { from: 0, to: 0 };
}

function allCompared(job: Job, needs: { from: number; to: number }): boolean {
  for (let w = needs.from; w < needs.to; w++) if (!job.compared[w]) return false;
  return true;
}

function firstWindowEndingAfter(windows: readonly TextWindow[], offset: number): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (windows[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
