/**
 * When the content script works: in animation frames (DOM writes, right before paint), in idle time
 * (reading and finding figures), after a delay (cool-downs), always in short slices so no task of ours
 * comes near the 50 ms long-task line.
 *
 * Everything pending is cancelled when `signal` aborts (the ContentScriptContext's signal), through ONE
 * abort listener: WXT's ctx.setTimeout/requestIdleCallback add a listener per call that is never removed,
 * which on a live page that updates for hours would grow without bound.
 */

/** Work per slice before yielding back to the page. Well under 50 ms, leaving room for the page's own. */
export const SLICE_MS = 8;

/** Asks whether the current slice is used up; checked between units of work. */
export type ShouldYield = () => boolean;

export interface Scheduler {
  /**
   * Runs `task` in the next animation frame (once, however often asked before it runs). `budgetMs` bounds
   * the slice (default SLICE_MS): DOM writes also cost the browser style, layout and paint in that frame.
   */
  frame(key: string, task: (shouldYield: ShouldYield) => void, budgetMs?: number): void;
  /** Runs `task` in idle time, at the latest after `timeout` ms (once per key until it runs). */
  idle(key: string, task: (shouldYield: ShouldYield) => void, timeout?: number): void;
  /** Runs `task` after `ms` (once per key until it runs). */
  after(key: string, ms: number, task: () => void): void;
  /** Runs `task` now, in a slice of its own. */
  now(task: (shouldYield: ShouldYield) => void): void;
  readonly aborted: boolean;
}

export interface SchedulerHost {
  requestAnimationFrame(cb: () => void): number;
  cancelAnimationFrame(id: number): void;
  requestIdleCallback?(
    cb: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void,
    o?: { timeout: number },
  ): number;
  cancelIdleCallback?(id: number): void;
  setTimeout(cb: () => void, ms: number): number;
  clearTimeout(id: number): void;
  performance: { now(): number };
}

type Deadline = { timeRemaining(): number; didTimeout: boolean };

export function createScheduler(host: SchedulerHost, signal: AbortSignal, sliceMs = SLICE_MS): Scheduler {
  const pending = new Map<string, () => void>();
  /** The idle period the running idle slice belongs to, if any. */
  let current: Deadline | undefined;
  signal.addEventListener(
    'abort',
    () => {
      for (const cancel of pending.values()) cancel();
      pending.clear();
    },
    { once: true },
  );

  const slice = (deadline?: Deadline, budget = sliceMs): ShouldYield => {
    const started = host.performance.now();
    return () =>
      signal.aborted ||
      host.performance.now() - started >= budget ||
      (deadline !== undefined && !deadline.didTimeout && deadline.timeRemaining() < 1);
  };

  const run = (key: string, fn: () => void) => {
    pending.delete(key);
    if (signal.aborted) return;
    fn();
  };

  return {
    get aborted() {
      return signal.aborted;
    },
    frame(key, task, budgetMs) {
      if (signal.aborted || pending.has(key)) return;
      const id = host.requestAnimationFrame(() => run(key, () => task(slice(undefined, budgetMs))));
      pending.set(key, () => host.cancelAnimationFrame(id));
    },
    idle(key, task, timeout = 200) {
      if (signal.aborted || pending.has(key)) return;
      const inIdle = (d: Deadline) => () => {
        current = d;
        try {
          task(slice(d));
        } finally {
          current = undefined;
        }
      };
      // Asked from within an idle slice that leaves most of its idle period unused: go on in that period
      // after a yield (a task, so input and the page's own work still come first) rather than wait for the
      // next period. One slice per period left an idle page 84% unused and the first highlight of a 1 MB
      // live blog half a second late.
      const period = current;
      if (period !== undefined && period.timeRemaining() > sliceMs) {
        const id = host.setTimeout(() => run(key, inIdle(period)), 0);
        pending.set(key, () => host.clearTimeout(id));
        return;
      }
      if (host.requestIdleCallback && host.cancelIdleCallback) {
        const cancelIdle = host.cancelIdleCallback.bind(host);
        const id = host.requestIdleCallback((d) => run(key, inIdle(d)), { timeout });
        pending.set(key, () => cancelIdle(id));
      } else {
        // No requestIdleCallback (older engines): a short timeout stands in for idle time.
        const id = host.setTimeout(() => run(key, () => task(slice())), 1);
        pending.set(key, () => host.clearTimeout(id));
      }
    },
    after(key, ms, task) {
      if (signal.aborted || pending.has(key)) return;
      const id = host.setTimeout(() => run(key, task), ms);
      pending.set(key, () => host.clearTimeout(id));
    },
    now(task) {
      if (!signal.aborted) task(slice());
    },
  };
}
