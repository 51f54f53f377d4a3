/**
 * Real pages saved from the web (news, blogs, docs, shops), served on 127.0.0.1 for the built extension to
 * run over. They live beside the project, in `../shared/real-pages/pages/` (third-party pages kept for
 * evaluation, never copied in here); FIGURE_CHECK_REAL_PAGES names another folder of `.html` files.
 *
 * Each page is made static and the same every run: its own scripts and `<meta http-equiv="refresh">` are
 * taken out (they would run against a site that is not there), a Content-Security-Policy lets only our
 * recorder run (not the page's inline event handlers), and what it links to elsewhere fails at once on
 * this machine. The hostile fixtures' recorder (tests/fixtures/pages/hostile/fixture.js) goes in at the
 * start of <head>; it records the page's text and editable content when parsing is over
 * (DOMContentLoaded, before any content script), so `__fixture.check()` can later say whether they
 * changed. It is started from <head>, not from the end of the page: a page may end inside an element that
 * would turn a script there into text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGES_DIR, serveFixtures, type FixtureServer } from '../../../scripts/serve.ts';
import { ROOT } from './browser.ts';

export const REAL_PAGES_DIR = path.resolve(
  process.env.FIGURE_CHECK_REAL_PAGES ?? path.join(ROOT, '../shared/real-pages/pages'),
);

/** Every saved page, by file name, sorted. Empty when the folder is not there. */
export function realPageNames(): string[] {
  if (!existsSync(REAL_PAGES_DIR)) return [];
  return readdirSync(REAL_PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/**
 * A fixed sample spread over the sorted list (so every CI run meets the same pages), plus the largest
 * pages, which are the hardest for the extension. `all` returns every page.
 */
export function samplePages(names: readonly string[], size: number, all: boolean): string[] {
  if (all || names.length <= size) return [...names];
  const bySize = [...names].sort(
    (a, b) =>
      readFileSync(path.join(REAL_PAGES_DIR, b)).length - readFileSync(path.join(REAL_PAGES_DIR, a)).length,
  );
  const picked = new Set(bySize.slice(0, 2));
  const step = names.length / (size - picked.size);
  for (let i = 0; picked.size < size; i++) picked.add(names[Math.floor(i * step) % names.length]!);
  return [...picked].sort();
}

const SCRIPT = /<script\b[\s\S]*?<\/script\s*>/gi;
/** Only our recorder may run: the page's inline event handlers (`onload="prettyPrint()"`) are refused. */
const NONCE = 'figure-check-real-page';
export const REAL_PAGE_HEADERS = { 'content-security-policy': `script-src 'nonce-${NONCE}'` };
const REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi;

/** The page as served: static, with the recorder in front of everything. */
export function staticPage(html: string, recorder: string): string {
  const stripped = html.replace(SCRIPT, '').replace(REFRESH, '');
  const head = `<script nonce="${NONCE}">${recorder}\nwindow.__fixture.start({});</script>`;
  // Into <head> when there is one (after its tag, so nothing of the page's comes first), else at the top.
  const headTag = /<head\b[^>]*>/i.exec(stripped);
  const withRecorder = headTag
    ? stripped.slice(0, headTag.index + headTag[0].length) +
      head +
      stripped.slice(headTag.index + headTag[0].length)
    : head + stripped;
  return withRecorder;
}

export async function serveRealPages(): Promise<FixtureServer> {
  const recorder = readFileSync(path.join(PAGES_DIR, 'hostile/fixture.js'), 'utf8');
  return serveFixtures({
    root: REAL_PAGES_DIR,
    transform: (file, body) =>
      file.endsWith('.html') ? Buffer.from(staticPage(body.toString('utf8'), recorder)) : body,
    headers: REAL_PAGE_HEADERS,
  });
}

/**
 * Errors a saved page causes on its own, whatever the extension does: what it links to (stylesheets, fonts,
 * images, frames, blobs of the live site) cannot load here, and its inline event handlers are refused by
 * the policy it is served with. Each names the resource or the policy; anything else counts.
 */
const PAGE_OWN_ERRORS = [
  /Failed to load resource/,
  /Refused to /,
  /Content[- ]Security[- ]Policy/i,
  /Cross-Origin Request Blocked/,
  /downloadable font/,
  /may not load (?:data from|or link to)/,
  // Firefox's own error page, shown in a frame of the page for a site that cannot be reached.
  /RPM\w+ is not defined/,
  /Not allowed to load local resource/,
  /Manifest(?: fetch|:)/,
];

export function isPageOwnLoadError(problem: string): boolean {
  return PAGE_OWN_ERRORS.some((re) => re.test(problem));
}
