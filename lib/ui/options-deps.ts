/**
 * What the options page (the reader's library) needs from the outside world. entrypoints/options/main.ts
 * wires the real browser; tests wire a ClaimService over fake-indexeddb through the same protocol checks.
 */
import type { BackgroundProtocol, PayloadArgs, Reply, ResponseOf } from '../protocol/index.ts';
import type { IsoDate } from '../types.ts';

export type SendToBackground = <K extends keyof BackgroundProtocol>(
  type: K,
  ...args: PayloadArgs<BackgroundProtocol, K>
) => Promise<Reply<ResponseOf<BackgroundProtocol, K>>>;

export interface LibraryDeps {
  send: SendToBackground;
  /** Calls `listener` when the claim database changed (another tab added a document); returns a stop function. */
  onChanged(listener: () => void): () => void;
  /** The reader's local date, YYYY-MM-DD. */
  today(): IsoDate;
  now(): Date;
  /** DOMParser's `text/html` parse: an inert document (no script runs, nothing loads). */
  parseHtml(html: string): Document;
  /** Offers `content` as a file to save; returns an address for a link to the same file. */
  download(name: string, type: string, content: string): string;
  /** The page's query string when it opened (filters are kept there) and how to update it. */
  search: string;
  setSearch(search: string): void;
}

/**
 * A line of feedback under a section's controls (a `role=status` element, so it is announced). Errors carry
 * a sign as well as a colour.
 */
export function say(target: HTMLElement, kind: 'ok' | 'error' | 'info', message: string): void {
  target.dataset.kind = kind;
  const sign = kind === 'error' ? '⚠ ' : kind === 'ok' ? '✓ ' : '';
  target.replaceChildren(message ? `${sign}${message}` : '');
  target.hidden = message === '';
}
