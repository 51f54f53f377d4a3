/**
 * `npm start` as the README promises it: Chromium opens on the demo news page with the extension loaded and
 * highlighting. Runs the real command (wxt dev mode); Chromium runs headless here, with a debugging port the
 * test connects to, because CI has no display.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { EXECUTABLES, ROOT, poll } from './support/browser.ts';
import { readHighlights } from './support/reading.ts';

let start: ChildProcess | undefined;
let output = '';

afterAll(async () => {
  await stop();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Ends `npm start` and everything it started (its own process group; wxt closes the browser it opened). */
async function stop(): Promise<void> {
  const child = start;
  start = undefined;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGINT');
  const done = await Promise.race([
    exited.then(() => true),
    new Promise((r) => setTimeout(() => r(false), 10_000)),
  ]);
  if (!done) process.kill(-child.pid, 'SIGKILL');
}

interface DevToolsTarget {
  type: string;
  url: string;
}

test.skipIf(!existsSync(EXECUTABLES.chromium))(
  'npm start opens Chromium on the demo page with the extension loaded',
  async () => {
    const debuggingPort = await freePort();
    start = spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        FIGURE_CHECK_CHROMIUM_ARGS: `--headless=new --remote-debugging-port=${debuggingPort}`,
        // wxt dev prints progress for a terminal; keep the log plain.
        CI: 'true',
      },
    });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const targets = await poll(
      async () => {
        if (start?.exitCode !== null) throw new Error(`npm start exited (${start?.exitCode}):\n${output}`);
        try {
          const response = await fetch(`http://127.0.0.1:${debuggingPort}/json/list`);
          return (await response.json()) as DevToolsTarget[];
        } catch {
          return [];
        }
      },
      (list) =>
        list.some((t) => t.type === 'page' && t.url.endsWith('/demo.html')) &&
        list.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')),
      90_000,
    );
    const demoUrl = targets.find((t) => t.type === 'page' && t.url.endsWith('/demo.html'))?.url;
    expect(demoUrl, `a tab on the demo page; npm start said:\n${output}`).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/demo\.html$/,
    );
    expect(targets.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))).toBe(
      true,
    );

    let browser: Browser | undefined;
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
      const page = browser
        .contexts()
        .flatMap((c) => c.pages())
        .find((p) => p.url() === demoUrl);
      expect(page, 'the demo tab, seen over CDP').toBeDefined();
      const snapshot = await poll(
        // wxt may reload the tab once the extension is in: a navigation mid-read is retried.
        () => page!.evaluate(readHighlights).catch(() => ({ text: '', marks: [] })),
        (s) => s.marks.length > 0,
        30_000,
      );
      expect(snapshot.marks.length, 'highlights on the demo page').toBeGreaterThan(0);
    } finally {
      // Disconnects; the browser belongs to npm start.
      await browser?.close();
    }
  },
  150_000,
);
