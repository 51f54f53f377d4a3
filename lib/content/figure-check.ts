/**
 * The content script's work on one page: read the text, find figures, ask the background to compare them,
 * highlight them, keep up with new text, and answer the popup. No extension API here: the entrypoint hands
 * in `compare` and wires storage and messaging, so this runs under vitest with happy-dom too.
 *
 * Flow (all of it cancelled through `signal`, the ContentScriptContext's):
 *   scan job per root (the body at start, changed blocks later)
 *     → read text in idle slices (PageTextReader)        [idle]
 *     → windows of paragraphs, the ones on screen first  [idle]
 *     → readFigures per window, batched to the background [async]
 *     → highlight in animation frames, a slice at a time [frame]
 * No slice runs longer than SLICE_MS (plus one unit of work), so the page never sees a long task from us.
 */
import type { Comparison, Figure, IsoDate, Reading } from '../types.ts';
import type { Reply } from '../protocol.ts';
import type { PageFigures } from '../protocol.ts';
import { PageTextReader, type PageText } from '../dom/page-text.ts';
import { planWindows, readWindowFigures, type FigureReader, type TextWindow } from '../dom/page-figures.ts';
import { Highlighter, removeStrayMarks, type FigureToMark } from '../dom/highlight.ts';
import { isInsideExcluded } from '../dom/exclusions.ts';
import { FigureCard, type CardOptions } from '../ui/card.ts';
import { createScheduler, type Scheduler, type SchedulerHost, type ShouldYield } from './scheduler.ts';
import { MutationWatcher, QUIET_MS } from './watcher.ts';
import { wireHover, type Hover } from './hover.ts';

export interface FigureCheckDeps {
  doc: Document;
  /** Timers, frames and idle callbacks (the page's window). */
  host: SchedulerHost;
  signal: AbortSignal;
  /** Asks the background to compare readings (lib/browser/messaging.ts `sendToBackground('compare')`). */
  compare(readings: Reading[], pageDate: IsoDate | null): Promise<Reply<Comparison[]>>;
  /** The page's publication date (lib/dom/page-date.ts), or null. */
  readPageDate(doc: Document): IsoDate | null;
  renderTimeline?: CardOptions['renderTimeline'];
  /** The figure reader (default lib/figures `readFigures`); tests pass a simple one. */
  readFigures?: FigureReader;
  /** Where problems are reported (default console.warn); never thrown into the page. */
  log?(message: string): void;
}

/** Readings sent to the background in one message; a window rarely has more. */
const BATCH = 200;
/** Highlights written per step inside a frame slice. */
const MARK_STEP = 50;

interface Job {
  root: Element | Text;
  reader: PageTextReader;
  text: PageText | null;
  windows: TextWindow[];
  next: number;
}

interface Pending {
  job: Job;
  reading: Reading;
}

export class FigureCheck {
  private readonly scheduler: Scheduler;
  private readonly highlighter = new Highlighter();
  private readonly watcher: MutationWatcher;
  private readonly card: FigureCard;
  private readonly hover: Hover;
  private readonly figures = new Map<number, Figure>();
  private jobs: Job[] = [];
  private batch: Pending[] = [];
  private toMark: { figure: Figure; mark: FigureToMark }[] = [];
  private nextIndex = 0;
  /** Bumped on every enable/disable: answers to older requests are dropped. */
  private generation = 0;
  private enabled = false;
  private pageDate: IsoDate | null = null;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: FigureCheckDeps) {
    this.log = deps.log ?? ((m) => console.warn(`Figure Check: ${m}`));
    this.scheduler = createScheduler(deps.host, deps.signal);
    this.watcher = new MutationWatcher(deps.doc, {
      onQueued: () => this.scheduler.frame('flush', () => this.flush()),
      isOurs: (node) => this.highlighter.isOurs(node),
      onTextChanged: (node) => this.forget(this.highlighter.pageChanged(node)),
      onExcluded: (el) => this.forget(this.highlighter.unhighlight(el)),
    });
    this.card = new FigureCard(deps.doc, { renderTimeline: deps.renderTimeline });
    this.hover = wireHover({
      doc: deps.doc,
      card: this.card,
      signal: deps.signal,
      figureOf: (mark) => this.figures.get(Number(mark.getAttribute('data-fc-index'))) ?? null,
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
    this.pageDate = this.safely('reading the page date', () => this.deps.readPageDate(doc)) ?? null;
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
    this.jobs = [];
    this.batch = [];
    this.toMark = [];
    this.highlighter.unhighlight();
    this.figures.clear();
  }

  /** What the popup lists: the figures highlighted now, in document order. */
  pageFigures(host: string): PageFigures {
    const entries: { figure: Figure; first: Element }[] = [];
    for (const index of this.highlighter.indexes()) {
      const figure = this.figures.get(index);
      const first = this.highlighter.marksOf(index).find((m) => m.isConnected);
      if (figure && first) entries.push({ figure, first });
    }
    entries.sort((a, b) => (a.first.compareDocumentPosition(b.first) & 4 ? -1 : 1));
    return { host, enabled: this.enabled, pageDate: this.pageDate, figures: entries.map((e) => e.figure) };
  }

  // ---- scanning ---------------------------------------------------------------------------------------

  /** One slice of reading and finding figures. `first`: the start of the page, run at once. */
  private work(shouldYield: ShouldYield, first = false): void {
    const generation = this.generation;
    while (this.enabled && !shouldYield()) {
      const job = this.jobs[0];
      if (!job) break;
      if (!job.reader.done) {
        if (!job.reader.read(shouldYield)) break;
      }
      if (!job.text) {
        job.text = job.reader.result();
        job.windows = this.order(job, planWindows(job.text.text));
        continue;
      }
      const w = job.windows[job.next++];
      if (!w) {
        this.jobs.shift();
        continue;
      }
      const readings = this.safely('reading figures', () =>
        readWindowFigures(job.text!.text, w, { date: this.pageDate }, this.deps.readFigures),
      );
      for (const reading of readings ?? []) this.batch.push({ job, reading });
      // The first window on screen goes to the background at once: the first highlight comes quickly.
      if (this.batch.length >= BATCH || first) this.send(generation);
    }
    this.send(generation);
    if (this.enabled && this.jobs.length > 0) this.scheduler.idle('work', (y) => this.work(y), 150);
  }

  /** Windows on screen first, then the rest in document order (for a body read in several windows). */
  private order(job: Job, windows: TextWindow[]): TextWindow[] {
    if (windows.length < 2 || !job.text) return windows;
    const view = this.deps.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    if (!height) return windows;
    const tops = windows.map((w) => {
      const slice = job.text!.locate(w.start, Math.min(w.end, w.start + 64))[0];
      const el = slice?.node.parentElement;
      return el ? el.getBoundingClientRect().top : Number.NaN;
    });
    const onScreen = (i: number) => {
      const top = tops[i]!;
      const nextTop = i + 1 < tops.length ? tops[i + 1]! : Number.POSITIVE_INFINITY;
      return top < height && nextTop > 0;
    };
    const first = windows.filter((_, i) => onScreen(i));
    return [...first, ...windows.filter((_, i) => !onScreen(i))];
  }

  /** Sends the collected readings for comparison; their highlights follow when the answer comes. */
  private send(generation: number): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const readings = batch.map((p) => p.reading);
    this.deps
      .compare(readings, this.pageDate)
      .catch((e: unknown): Reply<Comparison[]> => ({ ok: false, error: String(e) }))
      .then((reply) => {
        if (generation !== this.generation || !this.enabled) return;
        if (!reply.ok) this.log(`comparison failed: ${reply.error}`);
        batch.forEach((p, i) => {
          const comparison: Comparison =
            reply.ok && reply.value[i]
              ? reply.value[i]
              : {
                  verdict: 'no-reports',
                  reports: [],
                  summary: `Not compared: ${reply.ok ? 'no answer for this figure' : reply.error}`,
                };
          this.queueMark(p, comparison);
        });
        this.scheduler.frame('mark', (y) => this.markSome(y));
      });
  }

  private queueMark(p: Pending, c: Comparison): void {
    const text = p.job.text!;
    const { start, end } = p.reading;
    const figure: Figure = { ...p.reading, verdict: c.verdict, reports: c.reports, summary: c.summary };
    const index = this.nextIndex++;
    this.toMark.push({
      figure,
      mark: { index, verdict: c.verdict, text: text.text.slice(start, end), slices: text.locate(start, end) },
    });
  }

  /** Writes highlights for one frame's slice. */
  private markSome(shouldYield: ShouldYield): void {
    if (!this.enabled) return;
    this.watcher.ignoring(() => {
      while (this.toMark.length > 0 && !shouldYield()) {
        const step = this.toMark.splice(0, MARK_STEP);
        const done = new Set(
          this.safely('highlighting', () => this.highlighter.highlight(step.map((s) => s.mark))) ?? [],
        );
        for (const s of step) if (done.has(s.mark.index)) this.figures.set(s.mark.index, s.figure);
      }
    });
    if (this.toMark.length > 0) this.scheduler.frame('mark', (y) => this.markSome(y));
  }

  // ---- dynamic pages ----------------------------------------------------------------------------------

  /** Turns queued changes into scan jobs for the changed blocks (their old highlights come off first). */
  private flush(): void {
    if (!this.enabled) return;
    const roots = this.watcher.flush();
    if (roots.length > 0) {
      this.watcher.ignoring(() => {
        for (const root of roots) this.forget(this.highlighter.unhighlight(root));
      });
      for (const root of roots) this.jobs.push(newJob(root));
      this.scheduler.idle('work', (y) => this.work(y), 100);
    }
    if (this.watcher.hasDeferred) this.scheduler.after('release', QUIET_MS, () => this.release());
  }

  private release(): void {
    if (!this.enabled) return;
    if (this.watcher.release()) this.scheduler.after('release', QUIET_MS, () => this.release());
  }

  private forget(indexes: readonly number[]): void {
    for (const i of indexes) this.figures.delete(i);
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

function newJob(root: Element | Text): Job {
  return { root, reader: new PageTextReader(root), text: null, windows: [], next: 0 };
}
