/**
 * Chromium flags for a machine with no network (docs/testing.md): without them Chromium keeps trying to reach
 * Google for components, sync and QUIC probes. Shared by `npm start` (wxt.config.ts), the end-to-end tests
 * and the benchmark.
 */
export const OFFLINE_CHROMIUM_FLAGS: readonly string[] = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
