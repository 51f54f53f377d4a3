/**
 * `npm run bench -- --profile <page>`: where the content script's time and bytes go, to explain a missed
 * target. Builds Chrome unminified into .output/bench-profile (bench/wxt.profile.config.ts; the real build
 * is left alone; rebuilt on every run), loads the full-size page with a V8 CPU profile until the page is quiet, and prints:
 *   - the functions of the content script by total and self time;
 *   - its longest uninterrupted bursts (each is most of one main-thread task) and what ran in them;
 *   - what the content script bundle is made of: each source module minified and gzipped on its own
 *     (esbuild, which the toolchain already carries), largest first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveFixtures } from '../scripts/serve.ts';
import { launchBrowsers } from './browser.ts';
import { generatePages, type PageName } from './pages.ts';
import { bursts, startProfile, stopProfile, summariseProfile, topSelf } from './profile.ts';
import { ROOT, fullConfig } from './config.ts';

const PROFILE_BUILD = path.join(ROOT, '.output/bench-profile/chrome-mv3');
const CONTENT = 'content-scripts/content.js';

export async function profilePage(name: PageName): Promise<void> {
  // Built every time: a profile of yesterday's code explains nothing about today's.
  console.error('Building the unminified extension into .output/bench-profile …');
  execFileSync('npx', ['wxt', 'build', '-c', 'bench/wxt.profile.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  const config = fullConfig();
  const page = generatePages(config.sizes).find((p) => p.name === name);
  if (!page) throw new Error(`bench --profile: no page "${name}"`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-profile-'));
  await writeFile(path.join(dir, page.file), page.html);
  const server = await serveFixtures({ root: dir });
  const browsers = await launchBrowsers({
    extensionDir: PROFILE_BUILD,
    executablePath: config.chromium,
    markJsPath: path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'),
  });
  try {
    const tab = await browsers.withExtension.newPage();
    const cdp = await browsers.withExtension.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await startProfile(cdp);
    await tab.goto(`${server.url}${page.file}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    // Until quiet (as the benchmark's runs), at most 4 minutes.
    let last = -1;
    for (let i = 0; i < 480; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const { metrics } = await cdp.send('Performance.getMetrics');
      const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
      if (i > 4 && page.live === undefined && task - last < 0.015) break;
      if (page.live && i * 500 > page.live.entries * page.live.intervalMs + 2_000) break;
      last = task;
    }
    const profile = await stopProfile(cdp);
    const pad = (x: number) => x.toFixed(1).padStart(9);
    console.log(
      `\nContent script on ${name}: functions by total time (ms)\n    total     self  function :line:col`,
    );
    for (const c of summariseProfile(profile, CONTENT, 30))
      console.log(`${pad(c.totalMs)}${pad(c.selfMs)}  ${c.name}`);
    console.log('\nBy self time (ms)');
    for (const c of topSelf(profile, CONTENT, 20))
      console.log(`${pad(c.totalMs)}${pad(c.selfMs)}  ${c.name}`);
    console.log(
      '\nLongest uninterrupted stretches of content-script code (ms from the start of the profile)',
    );
    for (const b of bursts(profile, CONTENT, 6)) {
      console.log(`  at ${b.start} ms, ${b.ms} ms:`);
      for (const c of b.top) console.log(`    ${pad(c.totalMs)}  ${c.name}`);
    }
  } finally {
    await browsers.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  await bundleComposition();
}

/** Each module of the content script, minified and gzipped alone: what makes the bundle big. */
export async function bundleComposition(): Promise<void> {
  const code = await readFile(path.join(PROFILE_BUILD, CONTENT), 'utf8');
  // The unminified bundle marks each module with a "// path" comment line.
  const modules = new Map<string, string>();
  let current = '(runtime)';
  for (const line of code.split('\n')) {
    const m = /^\t\/\/ ((?:node_modules|lib|entrypoints|\\0)[^\s]*)$/.exec(line);
    if (m) current = m[1]!.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+).*/, 'node_modules/$1');
    modules.set(current, (modules.get(current) ?? '') + line + '\n');
  }
  const esbuild = await import('esbuild');
  const rows: [string, number, number][] = [];
  for (const [name, src] of modules) {
    const min = (await esbuild.transform(src, { minify: true, loader: 'js' }).catch(() => null))?.code ?? src;
    rows.push([name, Buffer.byteLength(min), gzipSync(min, { level: 9 }).length]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  const total = rows.reduce((a, r) => a + r[2], 0);
  console.log(
    '\nContent script bundle by module (minified alone, gzipped alone; the sum overstates the whole)',
  );
  for (const [name, min, gz] of rows.slice(0, 30)) {
    console.log(
      `${String(min).padStart(9)} ${String(gz).padStart(8)}  ${((gz / total) * 100).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
}
