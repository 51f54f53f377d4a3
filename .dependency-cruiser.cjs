/**
 * The layers of Figure Check and the one direction each may import in (docs/architecture.md, "Layers").
 * `npm run lint` fails when a rule breaks.
 *
 *   foundation: lib/types.ts, lib/labels.ts, lib/sites.ts, lib/schemas.ts, lib/page-data.ts, lib/calendar/
 *   reading text: lib/figures/ -> lib/reading/ (pieces of page text, read by the background and `check`)
 *   claims and comparison: lib/compare/, lib/claims/, lib/library/
 *   the database (background only): lib/db/
 *   the page: lib/dom/ (DOM readers and the highlighter), lib/content/ (the content script's work)
 *   messages: lib/protocol/ (envelope, the content script's side, the background's with schemas),
 *     lib/browser/ (the only place with browser APIs)
 *   views: lib/ui/
 *   wiring: entrypoints/; tools: scripts/, bench/
 */
const FOUNDATION = '^lib/(?:types|labels|sites|schemas|page-data)\\.ts$|^lib/calendar/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or bundled one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-not-wiring',
      severity: 'error',
      comment: 'lib/ is the logic; entrypoints, scripts, bench and tests use it, never the other way.',
      from: { path: '^lib/' },
      to: { path: '^(?:entrypoints|scripts|bench|tests)/' },
    },
    {
      name: 'foundation-stands-alone',
      severity: 'error',
      comment: 'Types, labels, calendar and the site list are what every layer shares: they import no layer.',
      from: { path: FOUNDATION },
      to: { path: '^lib/', pathNot: FOUNDATION },
    },
    {
      name: 'figures-read-text-only',
      severity: 'error',
      comment: 'Reading figures is pure text work: no DOM, no comparison, no messages, no views.',
      from: { path: '^lib/figures/' },
      to: { path: '^lib/', pathNot: `${FOUNDATION}|^lib/figures/` },
    },
    {
      name: 'reading-is-not-dom',
      severity: 'error',
      comment: 'Pieces of page text are read the same in the background and in `check`: no DOM.',
      from: { path: '^lib/reading/' },
      to: { path: '^lib/', pathNot: `${FOUNDATION}|^lib/figures/|^lib/reading/` },
    },
    {
      name: 'compare-is-pure',
      severity: 'error',
      comment:
        'Comparing a figure with claims needs the vocabulary, not the page, the database or the views.',
      from: { path: '^lib/compare/' },
      to: { path: '^lib/', pathNot: `${FOUNDATION}|^lib/compare/` },
    },
    {
      name: 'claims-and-library-are-pure',
      severity: 'error',
      comment: 'Documents and their claims are data: no DOM, no database, no messages, no views.',
      from: { path: '^lib/(?:claims|library)/' },
      to: { path: '^lib/(?:dom|content|db|ui|browser|protocol)' },
    },
    {
      name: 'dom-reads-the-page-only',
      severity: 'error',
      comment: 'DOM readers and the highlighter know the page, not what figures mean.',
      from: { path: '^lib/dom/' },
      to: { path: '^lib/', pathNot: `${FOUNDATION}|^lib/dom/` },
    },
    {
      name: 'database-is-background-only',
      severity: 'error',
      comment:
        'The claim database lives in the background: the page, the views and the browser layer stay out.',
      from: { path: '^lib/db/' },
      to: { path: '^lib/(?:dom|content|ui|browser)/' },
    },
    {
      name: 'nothing-reaches-into-the-database',
      severity: 'error',
      comment: 'Only the background wires the database; everything else asks it through messages.',
      from: { path: '^lib/', pathNot: '^lib/db/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'content-script-stays-small',
      severity: 'error',
      comment: 'The content script never loads the figure reader, the comparison or the database.',
      from: { path: '^lib/content/|^entrypoints/content' },
      to: { path: '^lib/(?:figures|compare|claims|db|library)/|^lib/reading/page-figures' },
    },
    {
      name: 'protocol-is-types-and-checks',
      severity: 'error',
      comment: 'Messages carry data the layers below define; they never import the page or the views.',
      from: { path: '^lib/protocol' },
      to: { path: '^lib/(?:dom|content|ui|db|browser)/' },
    },
    {
      name: 'views-do-not-wire',
      severity: 'error',
      comment: 'Views render and ask; the content script and the database are reached through messages.',
      from: { path: '^lib/ui/' },
      to: { path: '^lib/(?:db|content|browser)/' },
    },
    {
      name: 'browser-apis-in-one-place',
      severity: 'error',
      comment:
        'Only lib/browser/ and entrypoints/ talk to the browser, so everything else runs under vitest.',
      from: { path: '^lib/', pathNot: '^lib/browser/' },
      to: { path: 'webextension-polyfill|^wxt/|node_modules/wxt/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^\\.wxt/|^\\.output/' },
  },
};
