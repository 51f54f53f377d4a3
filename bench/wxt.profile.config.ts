/**
 * The Chrome build with readable function names, for profiling the content script (`npm run bench --
 * --profile`): the same config as wxt.config.ts, unminified, written to .output/bench-profile so it never
 * replaces the real build.
 */
import { defineConfig } from 'wxt';
import base from '../wxt.config.ts';

export default defineConfig({
  ...base,
  outDir: '.output/bench-profile',
  // The real build's Vite settings (its plugins) too: a profile of another bundle explains nothing.
  vite: async (env) => ({ ...(await base.vite?.(env)), build: { minify: false } }),
});
