/**
 * `npx tsx tests/e2e/support/build-into.ts OUT_DIR [chrome|firefox]`: the project's own WXT build (its
 * wxt.config.ts and hooks), written to OUT_DIR instead of .output/, so a test can build with another
 * corpus (FIGURE_CHECK_DOCUMENTS) without touching the build other tests use.
 */
import path from 'node:path';
import { build } from 'wxt';

const [outDir, browser = 'chrome'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: tsx tests/e2e/support/build-into.ts OUT_DIR [chrome|firefox]');
  process.exit(2);
}
try {
  await build({ outDir: path.resolve(outDir), browser });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
