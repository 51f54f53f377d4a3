import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { OFFLINE_CHROMIUM_FLAGS } from './scripts/chromium-flags.ts';
import { loadCorpus } from './scripts/corpus.ts';
import { buildBundle } from './lib/library/bundle.ts';

const GECKO_ID = 'figure-check@figure-check.dev';
/** claims.json for this build, made before anything is written (see hooks). */
let bundle: string | null = null;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Figure Check',
    description:
      'Highlights casualty, refugee and aid figures on news pages and shows how other reports differ.',
    // storage: the per-site on/off switch. Nothing else: content scripts need no host permission,
    // and the claim database lives in the background's own IndexedDB.
    permissions: ['storage'],
    // card.js, the hover card's code, which the content script imports on the first hover
    // (lib/browser/card-loader.ts); a content script may import only web-accessible files. So that pages
    // cannot probe for it to tell who has Figure Check: Chrome serves it only under a per-session random
    // id (use_dynamic_url), and Firefox's moz-extension:// ids are random per install anyway.
    web_accessible_resources:
      browser === 'firefox'
        ? ['card.js']
        : [{ resources: ['card.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The claim database is generated from assets/documents (or FIGURE_CHECK_DOCUMENTS) at build time, never
    // written by hand; documents carry their texts for the document page (lib/library/bundle.ts). Built in
    // build:before, which runs before WXT empties the output folder: a bad corpus stops the build there and
    // the previous build, its claims.json included, is left as it was.
    'build:before': async () => {
      bundle = JSON.stringify(buildBundle(await loadCorpus()));
    },
    'build:publicAssets': async (_wxt, files) => {
      // Taken once: dev-mode rebuilds (no build:before) read the corpus again.
      const contents = bundle ?? JSON.stringify(buildBundle(await loadCorpus()));
      bundle = null;
      files.push({ relativeDest: 'claims.json', contents });
    },
    // So `browser.runtime.getURL('/claims.json')` type-checks: the file above is generated, not in public/.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('claims.json');
    },
  },
  vite: () => ({ plugins: [nativeBrowserInPages()] }),
  // `npm start` (scripts/start.ts) runs `wxt` dev mode: this opens Chromium with the extension on the demo page.
  webExt: {
    // Debian's packages where present; elsewhere web-ext finds the installed Chrome or Firefox itself.
    binaries: {
      ...(existsSync('/usr/bin/chromium') ? { chrome: '/usr/bin/chromium' } : {}),
      ...(existsSync('/usr/bin/firefox-esr') ? { firefox: '/usr/bin/firefox-esr' } : {}),
    },
    startUrls: process.env.FIGURE_CHECK_START_URL ? [process.env.FIGURE_CHECK_START_URL] : [],
    chromiumArgs: [
      ...OFFLINE_CHROMIUM_FLAGS,
      // Chromium refuses to start as root (containers, CI) unless its sandbox is off.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // Extra flags from scripts/start.ts (e.g. --headless=new for its own test).
      ...(process.env.FIGURE_CHECK_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean),
    ],
  },
});

/**
 * The content script and card.js use the browsers' own promise-based API (`chrome` in Chrome MV3,
 * `browser` in Firefox) instead of webextension-polyfill: the few calls they make (runtime.sendMessage and
 * getURL, onMessage answered through sendResponse, storage.local.get and onChanged) return promises or
 * work the same in both, and the polyfill is 10 kB of script that every page would evaluate. The
 * background and extension pages keep it.
 */
function nativeBrowserInPages(): Plugin {
  let inPages = false;
  return {
    name: 'figure-check:native-browser-in-pages',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : null;
      const entries = typeof entry === 'string' ? [entry] : entry ? Object.values(entry) : [];
      inPages = entries.some((e) => /entrypoints[\\/](content|card)\.ts$/.test(e));
    },
    async resolveId(id, importer) {
      if (!inPages || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}
