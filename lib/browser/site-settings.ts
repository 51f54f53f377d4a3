/** storage.local adapter for the per-site switch (lib/sites.ts). */
import { browser } from 'wxt/browser';
import { DISABLED_SITES_KEY, isSiteEnabled, readDisabledSites, withSiteEnabled } from '../sites.ts';

export async function getDisabledSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(DISABLED_SITES_KEY);
  return readDisabledSites(stored[DISABLED_SITES_KEY]);
}

export async function getSiteEnabled(host: string): Promise<boolean> {
  return isSiteEnabled(await getDisabledSites(), host);
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const next = withSiteEnabled(await getDisabledSites(), host, enabled);
  await browser.storage.local.set({ [DISABLED_SITES_KEY]: next });
}

/** Calls `listener` with the new list whenever it changes; returns a function that stops listening. */
export function watchDisabledSites(listener: (disabled: string[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && DISABLED_SITES_KEY in changes)
      listener(readDisabledSites(changes[DISABLED_SITES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
