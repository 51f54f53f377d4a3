import { describe, expect, test } from 'vitest';
import { createScheduler, SLICE_MS, type SchedulerHost } from '../../../lib/content/scheduler.ts';

/** A host whose clock, timers and idle periods the test drives by hand. */
function fakeHost() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, () => void>();
  const idles = new Map<number, (d: { timeRemaining(): number; didTimeout: boolean }) => void>();
  const host: SchedulerHost = {
    requestAnimationFrame: () => nextId++,
    cancelAnimationFrame: () => undefined,
    requestIdleCallback: (cb) => {
      idles.set(nextId, cb);
      return nextId++;
    },
    cancelIdleCallback: (id) => void idles.delete(id),
    setTimeout: (cb) => {
      timers.set(nextId, cb);
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id),
    performance: { now: () => now },
  };
  return {
    host,
    advance: (ms: number) => void (now += ms),
    /** Starts an idle period of `ms`, running the idle callbacks waiting for one. */
    idlePeriod(ms: number) {
      const end = now + ms;
      const waiting = [...idles.values()];
      idles.clear();
      for (const cb of waiting) cb({ timeRemaining: () => Math.max(0, end - now), didTimeout: false });
    },
    runTimers() {
      const due = [...timers.values()];
      timers.clear();
      for (const cb of due) cb();
    },
    pendingIdle: () => idles.size,
    pendingTimers: () => timers.size,
  };
}

/** A job of `slices` slices that asks for the next one from inside each, as the content script's jobs do. */
function job(
  scheduler: ReturnType<typeof createScheduler>,
  fake: ReturnType<typeof fakeHost>,
  slices: number,
) {
  const ran: number[] = [];
  const step = () => {
    ran.push(ran.length);
    fake.advance(SLICE_MS);
    if (ran.length < slices) scheduler.idle('job', step);
  };
  scheduler.idle('job', step);
  return ran;
}

describe('idle work', () => {
  test('goes on within the same idle period, after a yield, while the period has room for a slice', () => {
    const fake = fakeHost();
    const ran = job(createScheduler(fake.host, new AbortController().signal), fake, 10);
    fake.idlePeriod(50);
    expect(ran).toHaveLength(1);
    // The next slices run as tasks (the page's own tasks and input can come between), not in later periods.
    expect(fake.pendingTimers()).toBe(1);
    expect(fake.pendingIdle()).toBe(0);
    for (let i = 0; i < 10 && fake.pendingTimers() > 0; i++) fake.runTimers();
    // 50 ms fit six slices of 8 ms: the first, then five more while more than a slice was left.
    expect(ran).toHaveLength(6);
    expect(fake.pendingIdle()).toBe(1);
    fake.idlePeriod(50);
    for (let i = 0; i < 10 && fake.pendingTimers() > 0; i++) fake.runTimers();
    expect(ran).toHaveLength(10);
  });

  test('waits for the next idle period when the current one is nearly used up', () => {
    const fake = fakeHost();
    const ran = job(createScheduler(fake.host, new AbortController().signal), fake, 3);
    fake.idlePeriod(SLICE_MS + 2);
    expect(ran).toHaveLength(1);
    expect(fake.pendingTimers()).toBe(0);
    expect(fake.pendingIdle()).toBe(1);
  });

  test('stops when the content script is invalidated, also between slices of one period', () => {
    const fake = fakeHost();
    const stop = new AbortController();
    const ran = job(createScheduler(fake.host, stop.signal), fake, 10);
    fake.idlePeriod(50);
    stop.abort();
    expect(fake.pendingTimers()).toBe(0);
    fake.runTimers();
    expect(ran).toHaveLength(1);
  });
});
