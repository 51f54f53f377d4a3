/**
 * A Chromium trace of one page load (CDP Tracing over the page's session) and what it says about the
 * page's main thread: every top-level task, which of them ran extension code (events whose script URL is
 * chrome-extension://…: the content script's evaluation and each of its callbacks), and what the longest
 * ones were made of.
 */
import type { CDPSession } from 'playwright-core';

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: the wall time less the time other processes had the core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

export class Tracer {
  private complete: Promise<string> | null = null;
  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    this.complete = new Promise((resolve) =>
      this.cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')),
    );
    await this.cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    });
  }

  async stop(): Promise<TraceEvent[]> {
    if (!this.complete) throw new Error('trace: stop() before start()');
    await this.cdp.send('Tracing.end');
    const stream = await this.complete;
    const chunks: Buffer[] = [];
    for (;;) {
      const r = await this.cdp.send('IO.read', { handle: stream, size: 4 << 20 });
      chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
      if (r.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
      TraceEvent[] | { traceEvents: TraceEvent[] };
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  }
}

export interface TaskSummary {
  /** Start, ms from DOMContentLoaded (negative: before it), and duration: wall and thread (CPU) time, ms. */
  start: number;
  ms: number;
  cpuMs: number;
  /** Ran extension script. */
  extension: boolean;
  /** Extension script time in the task (outermost extension events), ms. */
  extensionScriptMs: number;
  /** What the task was made of: its direct children by name (ms), largest first. */
  parts: [string, number][];
}

export interface MainThread {
  /** Sum of top-level task durations on the page's main thread, ms: wall and thread (CPU) time. */
  totalMs: number;
  totalCpuMs: number;
  extensionTasksCpuMs: number;
  /** Sum of the tasks that ran extension code (whole tasks, including the layout their writes caused). */
  extensionTasksMs: number;
  /** Time in extension script itself (evaluation, callbacks), ms. */
  extensionScriptMs: number;
  tasks: number;
  longest: TaskSummary | null;
  longestExtension: TaskSummary | null;
  /** Tasks over 50 ms that ran extension code (the 20 longest), how many there were, and how many took
   * over 50 ms of thread time. */
  extensionLongTasks: TaskSummary[];
  extensionLongTaskCount: number;
  extensionLongTaskCpuCount: number;
  /** All tasks over 50 ms. */
  longTasks: TaskSummary[];
  /** The longest extension task by thread time (what it would take on a core of its own). */
  longestExtensionCpu: TaskSummary | null;
  /** The extension's first tasks, in order: how it got to its first highlight. */
  firstExtensionTasks: TaskSummary[];
  /**
   * Evaluating the content script: the wall time of its EvaluateScript, and that task's thread time in the
   * same proportion; null when the trace shows none.
   */
  evaluate: { ms: number; cpuMs: number } | null;
}

const isExtensionUrl = (u: string | undefined): boolean => !!u && u.startsWith('chrome-extension://');

function eventUrl(e: TraceEvent): string | undefined {
  return e.args?.data?.url ?? (e.args as { fileName?: string } | undefined)?.fileName;
}

/** Finds the page's renderer main thread (the one that parsed `pageUrl`) and summarises its tasks. */
export function analyseMainThread(events: readonly TraceEvent[], pageUrl: string): MainThread {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) throw new Error(`trace: no ParseHTML event for ${pageUrl}; was the page loaded while tracing?`);
  const { pid, tid } = parse;
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const top = own.filter((e) => e.name === 'RunTask' && e.cat.includes('devtools.timeline'));
  // Times are given from DOMContentLoaded (the page's own event on this thread), else from the first task.
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && e.pid === pid);
  const origin = dcl?.ts ?? top[0]?.ts ?? 0;
  const out: MainThread = {
    totalMs: 0,
    totalCpuMs: 0,
    extensionTasksCpuMs: 0,
    longestExtensionCpu: null,
    firstExtensionTasks: [],
    extensionTasksMs: 0,
    extensionScriptMs: 0,
    tasks: 0,
    longest: null,
    longestExtension: null,
    extensionLongTasks: [],
    extensionLongTaskCount: 0,
    extensionLongTaskCpuCount: 0,
    longTasks: [],
    evaluate: null,
  };
  let i = 0;
  let lastTaskEnd = -Infinity;
  for (const task of top) {
    const end = task.ts + task.dur!;
    if (task.ts < lastTaskEnd) continue; // nested run loop: counted in its parent
    lastTaskEnd = end;
    while (i < own.length && own[i]!.ts < task.ts) i++;
    let extMs = 0;
    let extEnd = -Infinity;
    let childEnd = -Infinity;
    const parts = new Map<string, number>();
    for (let j = i; j < own.length && own[j]!.ts < end; j++) {
      const e = own[j]!;
      if (e === task || e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
      const ext = isExtensionUrl(eventUrl(e));
      if (ext && e.ts >= extEnd) {
        extMs += e.dur!;
        extEnd = e.ts + e.dur!;
      }
      if (e.ts >= childEnd && e.dur! > 0) {
        const key = ext ? `${e.name} (extension)` : e.name;
        parts.set(key, (parts.get(key) ?? 0) + e.dur! / 1000);
        childEnd = e.ts + e.dur!;
      }
    }
    const summary: TaskSummary = {
      start: (task.ts - origin) / 1000,
      ms: task.dur! / 1000,
      cpuMs: (task.tdur ?? task.dur!) / 1000,
      extension: extMs > 0,
      extensionScriptMs: extMs / 1000,
      parts: [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6),
    };
    const evaluated = parts.get('EvaluateScript (extension)');
    if (evaluated !== undefined && out.evaluate === null) {
      const share = summary.ms > 0 ? Math.min(1, evaluated / summary.ms) : 1;
      out.evaluate = { ms: r1(evaluated), cpuMs: r1(summary.cpuMs * share) };
    }
    out.tasks++;
    out.totalMs += summary.ms;
    out.totalCpuMs += summary.cpuMs;
    out.extensionScriptMs += summary.extensionScriptMs;
    if (summary.extension) {
      out.extensionTasksMs += summary.ms;
      out.extensionTasksCpuMs += summary.cpuMs;
      if (out.firstExtensionTasks.length < 12) out.firstExtensionTasks.push(summary);
      if (!out.longestExtensionCpu || summary.cpuMs > out.longestExtensionCpu.cpuMs)
        out.longestExtensionCpu = summary;
    }
    if (!out.longest || summary.ms > out.longest.ms) out.longest = summary;
    if (summary.extension && (!out.longestExtension || summary.ms > out.longestExtension.ms)) {
      out.longestExtension = summary;
    }
    if (summary.ms > 50) {
      out.longTasks.push(summary);
      if (summary.extension) {
        out.extensionLongTasks.push(summary);
        out.extensionLongTaskCount++;
      }
    }
    if (summary.extension && summary.cpuMs > 50) out.extensionLongTaskCpuCount++;
  }
  const round = (t: TaskSummary) => ({
    ...t,
    start: r1(t.start),
    ms: r1(t.ms),
    cpuMs: r1(t.cpuMs),
    extensionScriptMs: r1(t.extensionScriptMs),
    parts: t.parts.map(([n, ms]) => [n, r1(ms)] as [string, number]),
  });
  out.longTasks = out.longTasks
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10)
    .map(round);
  out.extensionLongTasks = out.extensionLongTasks
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 20)
    .map(round);
  if (out.longest) out.longest = round(out.longest);
  if (out.longestExtension) out.longestExtension = round(out.longestExtension);
  if (out.longestExtensionCpu) out.longestExtensionCpu = round(out.longestExtensionCpu);
  out.firstExtensionTasks = out.firstExtensionTasks.map(round);
  out.totalMs = r1(out.totalMs);
  out.totalCpuMs = r1(out.totalCpuMs);
  out.extensionTasksMs = r1(out.extensionTasksMs);
  out.extensionTasksCpuMs = r1(out.extensionTasksCpuMs);
  out.extensionScriptMs = r1(out.extensionScriptMs);
  return out;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The task of the first animation frame callback in the trace, with what it was made of: a page script's write in requestAnimationFrame and the layout and paint it cost.
 */
export function frameTask(events: readonly TraceEvent[]): TaskSummary | null {
  const fire = events.find((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
  if (!fire) return null;
  const task = events.find(
    (e) =>
      e.name === 'RunTask' &&
      e.pid === fire.pid &&
      e.tid === fire.tid &&
      e.ph === 'X' &&
      e.ts <= fire.ts &&
      e.ts + (e.dur ?? 0) >= fire.ts + (fire.dur ?? 0),
  );
  if (!task) return null;
  const end = task.ts + task.dur!;
  const parts = new Map<string, number>();
  let childEnd = -Infinity;
  const inside = events
    .filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e.ts >= task.ts && e.ts < end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of inside) {
    if (e === task || e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
    if (e.ts >= childEnd && (e.dur ?? 0) > 0) {
      parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur! / 1000);
      childEnd = e.ts + e.dur!;
    }
  }
  return {
    start: 0,
    ms: r1(task.dur! / 1000),
    cpuMs: r1((task.tdur ?? task.dur!) / 1000),
    extension: false,
    extensionScriptMs: 0,
    parts: [...parts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, ms]) => [n, r1(ms)] as [string, number]),
  };
}
