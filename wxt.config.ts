import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { loadCorpus } from './scripts/corpus.ts';
import { buildBundle } from './lib/library/bundle.ts';

const GECKO_ID = 'figure-check@figure-check.dev';

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
    // The claim database is generated from assets/documents at build time, never written by hand; documents
    // carry their texts for the document page (lib/library/bundle.ts).
    'build:publicAssets': async (_wxt, files) => {
      const db = buildBundle(await loadCorpus());
      files.push({ relativeDest: 'claims.json', contents: JSON.stringify(db) });
    },
    // So `browser.runtime.getURL('/claims.json')` type-checks: the file above is generated, not in public/.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('claims.json');
    },
  },
  // `npm start` (scripts/start.ts) runs `wxt` dev mode: this opens Chromium with the extension on the demo page.
  webExt: {
    // Debian's packages where present; elsewhere web-ext finds the installed Chrome or Firefox itself.
    binaries: {
      ...(existsSync('/usr/bin/chromium') ? { chrome: '/usr/bin/chromium' } : {}),
      ...(existsSync('/usr/bin/firefox-esr') ? { firefox: '/usr/bin/firefox-esr' } : {}),
    },
    startUrls: process.env.FIGURE_CHECK_START_URL ? [process.env.FIGURE_CHECK_START_URL] : [],
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to start as root (containers, CI) unless its sandbox is off.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // Extra flags from scripts/start.ts (e.g. --headless=new for its own test).
      ...(process.env.FIGURE_CHECK_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean),
    ],
  },
});
