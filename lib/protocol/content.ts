/**
 * The requests the content script serves and the events every page hears: types only, so the content script
 * has its side of the protocol without the background's schemas.
 */
import type { IsoDate, Figure } from '../types.ts';
import type { PageArticle } from '../page-data.ts';

export interface PageFigures {
  host: string;
  /** The page's address without its fragment: the popup asks whether this page is saved in the library. */
  url: string;
  /** False when the reader turned Figure Check off for this site. */
  enabled: boolean;
  pageDate: IsoDate | null;
  figures: Figure[];
}

/** Events the background sends to every open tab and extension page. */
export interface EventProtocol {
  /** The claim database changed (a document added, removed or imported): compare again. */
  'claims:changed': { request: null; response: null };
}

/** Requests the content script serves (popup → the active tab's content script, tabs.sendMessage). */
export interface ContentProtocol extends EventProtocol {
  'page:figures': { request: null; response: PageFigures };
  /** The page as it would be saved in the library (lib/dom/page-article.ts). */
  'page:article': { request: null; response: PageArticle };
}
