/**
 * One Figure Check per page. The content script can be started twice in one page (injected again by the
 * browser or by a reload of the extension); the second start must not highlight the page a second time.
 *
 * The first live instance wins. An instance whose signal has aborted (its ContentScriptContext was
 * invalidated: WXT tells the old script when a newer one starts) no longer counts, so after an update the
 * new script takes over from the old one, which has already taken its highlights off.
 */
const KEY = Symbol.for('figure-check.content-script');

type Registry = Record<typeof KEY, { signal: AbortSignal } | undefined>;

/** Claims `scope` (the content script's window) for this instance; false if a live one is already there. */
export function claimPage(scope: object, signal: AbortSignal): boolean {
  const registry = scope as Registry;
  const existing = registry[KEY];
  if (existing && !existing.signal.aborted) return false;
  if (signal.aborted) return false;
  const entry = { signal };
  registry[KEY] = entry;
  signal.addEventListener(
    'abort',
    () => {
      if (registry[KEY] === entry) registry[KEY] = undefined;
    },
    { once: true },
  );
  return true;
}
