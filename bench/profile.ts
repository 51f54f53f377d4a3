/**
 * Where the content script spends its time on one page: a V8 CPU profile (CDP Profiler on the page's
 * session; it samples the whole isolate, so the content script's isolated world too) summarised by
 * function, self and total time. Used by `npm run bench -- --profile <page>` with the unminified build
 * (bench/wxt.profile.config.ts) so the names are the source's.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  name: string;
  selfMs: number;
  totalMs: number;
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession): Promise<Profile> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return profile;
}

/** Self and total time per function of scripts whose URL matches `urlPart`, largest total first. */
export function summariseProfile(profile: Profile, urlPart: string, top = 30): FunctionCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + dt);
  }
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} :${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const costs = new Map<string, FunctionCost>();
  for (const [id, ms] of self) {
    const leaf = byId.get(id);
    if (!leaf) continue;
    if (leaf.callFrame.url.includes(urlPart)) {
      const c = costs.get(key(leaf)) ?? { name: key(leaf), selfMs: 0, totalMs: 0 };
      c.selfMs += ms;
      costs.set(key(leaf), c);
    }
    // Total: each function on the stack once (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!n.callFrame.url.includes(urlPart)) continue;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      const c = costs.get(k) ?? { name: k, selfMs: 0, totalMs: 0 };
      c.totalMs += ms;
      costs.set(k, c);
    }
  }
  return [...costs.values()]
    .map((c) => ({ ...c, selfMs: Math.round(c.selfMs * 10) / 10, totalMs: Math.round(c.totalMs * 10) / 10 }))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, top);
}

/** The same, by self time. */
export function topSelf(profile: Profile, urlPart: string, top = 30): FunctionCost[] {
  return summariseProfile(profile, urlPart, 10_000)
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

export interface Burst {
  /** ms from the profile's start, and how long the extension's code ran without a break. */
  start: number;
  ms: number;
  /** The functions on the stack during the burst, by time (inclusive), largest first. */
  top: FunctionCost[];
}

/**
 * Stretches of uninterrupted extension code (samples whose stack holds a frame of `urlPart`, no gap over
 * `gapMs`): each is (part of) one main-thread task, so the longest show what makes a long task.
 */
export function bursts(profile: Profile, urlPart: string, count = 5, gapMs = 1): Burst[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stackOf = (id: number): ProfileNode[] => {
    const out: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
    return out;
  };
  const found: { start: number; end: number; stacks: { ms: number; stack: ProfileNode[] }[] }[] = [];
  let t = 0;
  let current: (typeof found)[number] | null = null;
  for (let i = 0; i < samples.length; i++) {
    t += (deltas[i] ?? 0) / 1000;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const stack = stackOf(samples[i]!);
    const ours = stack.some((n) => n.callFrame.url.includes(urlPart));
    if (!ours) {
      if (current && t - current.end > gapMs) current = null;
      continue;
    }
    if (!current) {
      current = { start: t, end: t, stacks: [] };
      found.push(current);
    }
    current.end = t + dt;
    current.stacks.push({ ms: dt, stack });
  }
  return found
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, count)
    .map((b) => {
      const costs = new Map<string, number>();
      for (const { ms, stack } of b.stacks) {
        const seen = new Set<string>();
        for (const n of stack) {
          if (!n.callFrame.url.includes(urlPart)) continue;
          const k = `${n.callFrame.functionName || '(anonymous)'} :${n.callFrame.lineNumber + 1}`;
          if (seen.has(k)) continue;
          seen.add(k);
          costs.set(k, (costs.get(k) ?? 0) + ms);
        }
      }
      const top = [...costs]
        .map(([name, ms]) => ({ name, selfMs: 0, totalMs: Math.round(ms * 10) / 10 }))
        .sort((x, y) => y.totalMs - x.totalMs)
        .slice(0, 14);
      return { start: Math.round(b.start), ms: Math.round((b.end - b.start) * 10) / 10, top };
    });
}
