/**
 * The per-site switch (storage.local `disabledSites: string[]`, hostnames). Pure list logic, shared by the
 * popup that writes it and the content script that obeys it.
 */
export const DISABLED_SITES_KEY = 'disabledSites';

/** Hostnames compare case-insensitively; a trailing dot (`example.com.`) names the same site. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Reads whatever storage holds under the key; anything but a list of strings counts as "none disabled". */
export function readDisabledSites(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((h): h is string => typeof h === 'string').map(normaliseHost);
}

export function isSiteEnabled(disabled: readonly string[], host: string): boolean {
  return !disabled.includes(normaliseHost(host));
}

/** The list after switching `host` on or off; sorted and without duplicates so writes are stable. */
export function withSiteEnabled(disabled: readonly string[], host: string, enabled: boolean): string[] {
  const h = normaliseHost(host);
  const rest = disabled.map(normaliseHost).filter((d) => d !== h);
  return [...new Set(enabled ? rest : [...rest, h])].sort();
}
