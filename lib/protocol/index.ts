/**
 * The one message protocol between content script, popup and background (docs/architecture.md, "Message
 * protocol").
 *
 * Each request type maps to its payload and response type, so `sendToBackground('figures:read', payload)`
 * (lib/browser/messaging.ts) is typed end to end. Every incoming message is validated here — envelope,
 * payload and sender — before a handler sees it; replies are values or explicit errors.
 *
 * Pure: no extension API. The browser adapters live in lib/browser/messaging.ts.
 * To add a request: add it to the protocol interface and to its spec table with schemas and the senders
 * allowed to make it; the compiler points at every handler map to update.
 */
import * as v from 'valibot';
import type { Claim, DocumentMeta, Figure, IsoDate } from '../types.ts';
import type { TextPiece } from '../reading/text-windows.ts';
import type { PageArticle, PageDateSources } from '../page-data.ts';
import { PAGE_DATE_LIMITS, PAGE_LEAD_CHARS } from '../page-data.ts';
import {
  ClaimSchema,
  DocumentMetaSchema,
  FigureSchema,
  IsoDateSchema,
  LIMITS,
  describeIssues,
  documentMetaEntries,
} from '../schemas.ts';
import {
  LibraryFileSchema,
  MAX_DOCUMENT_TEXT,
  MAX_IMPORT_BYTES,
  type LibraryFile,
} from '../library/library-file.ts';
import type { NewDocumentInput } from '../library/new-document.ts';
import { READ_LIMITS, route, type Dispatch } from './core.ts';
import {
  CHANNEL,
  type Handlers,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SelfInfo,
  type SenderInfo,
  type SenderKind,
} from './envelope.ts';
import type { ContentProtocol, EventProtocol, PageFigures } from './content.ts';

export type { ContentProtocol, EventProtocol, PageFigures };
export {
  CHANNEL,
  type Handlers,
  type Message,
  type PayloadArgs,
  type Reply,
  type RequestOf,
  type RequestShape,
  type ResponseOf,
  type SelfInfo,
  type SenderInfo,
  type SenderKind,
} from './envelope.ts';

// The parts without schemas live in core.ts, so the content script can have them without valibot.
export {
  READ_LIMITS,
  classifySender,
  contentGuards,
  dispatchGuarded,
  errorText,
  isEnvelope,
  makeMessage,
  readOwnReply,
  type Dispatch,
  type PayloadGuard,
  type ProtocolGuards,
} from './core.ts';

// ---- Payloads and responses -------------------------------------------------------------------------

/** Pieces of a page's text (lib/reading/text-windows.ts) for the background to read and compare. */
export interface ReadRequest {
  pieces: TextPiece[];
  /** The page's publication date, when known. */
  pageDate: IsoDate | null;
  /** What the page says it is about: title, first heading, description (lib/dom/page-lead.ts). */
  lead: string;
}

export type StorageState = 'indexeddb' | 'bundled-fallback';

export interface Status {
  claims: number;
  documents: number;
  /** Where answers come from: the IndexedDB database, or the bundled claims when IndexedDB failed. */
  storage: StorageState;
  /** Why the background fell back to the bundled claims (or failed to load), for the popup to show. */
  problem: string | null;
}

/** A document in the library list: its metadata (with origin) and how many claims it gave. */
export interface DocumentSummary extends DocumentMeta {
  claims: number;
}

/** A document for the document page: metadata, full text (null when it was not kept) and its claims. */
export interface DocumentDetail {
  document: DocumentMeta;
  text: string | null;
  claims: Claim[];
}

/** What saving a new document would add (`claims:preview`); nothing is saved. */
export interface Preview {
  /** Its metadata as it would be saved, id included. */
  document: DocumentMeta;
  claims: Claim[];
  /** The document already in the library with the same id (the same text and metadata), if any. */
  duplicate: DocumentMeta | null;
  /** The reader's documents of the same page (the same address or text): a saved page replaces them. */
  samePage: DocumentMeta[];
  characters: number;
}

export interface AddDocumentRequest extends NewDocumentInput {
  /** Ids (from the preview) of claims the reader left out. */
  exclude: string[];
  /**
   * A page saved from the browser (the popup's "Save this page"): it replaces the reader's documents of the
   * same page, and the day it was saved is kept. Absent: a document added on the options page.
   */
  savedPage?: boolean;
}

export interface Added {
  document: DocumentMeta;
  claims: number;
  /** The reader's documents it replaced (a page saved again). */
  replaced: DocumentMeta[];
}

/** The reader's copy of a page saved from the browser, and the day it was saved. */
export interface SavedPage {
  document: DocumentMeta;
  savedAt: IsoDate | null;
}

export interface Removed {
  document: DocumentMeta;
  claims: number;
}

export interface ImportResult {
  /** The reader's documents that were not in the library before. */
  added: number;
  /** The reader's documents that replaced one with the same id (and its claims). */
  replaced: number;
  claims: number;
  /** Documents of the extension's own bundle, left as the installed version has them. */
  skippedBundled: number;
}

// ---- Protocols: request type → payload and response ---------------------------------------------------

/** Requests the background serves (content script and popup → background, runtime.sendMessage). */
export interface BackgroundProtocol {
  /**
   * Read the figures of page text and compare each with the claim database: per piece, in order, its
   * figures with offsets into the piece's text.
   */
  'figures:read': { request: ReadRequest; response: Figure[][] };
  /** The page's publication date from where the page gives it, as written (lib/dom/page-date.ts). */
  'page:date': { request: PageDateSources; response: IsoDate | null };
  status: { request: null; response: Status };
  // The reader's library: extension pages only, except opening a document from the hover card.
  'claims:list': { request: null; response: Claim[] };
  'documents:list': { request: null; response: DocumentSummary[] };
  'documents:get': { request: { id: string }; response: DocumentDetail };
  'claims:preview': { request: NewDocumentInput; response: Preview };
  'documents:add': { request: AddDocumentRequest; response: Added };
  'documents:remove': { request: { id: string }; response: Removed };
  /** The reader's saved copy of the page at this address, if any (the popup says "Saved on …"). */
  'documents:saved': { request: { url: string }; response: SavedPage | null };
  /** Opens the popup as a page for the sender's tab, saving it (the hover card's "Save this page" link). */
  'page:save': { request: null; response: null };
  /** Opens the document page with the claim highlighted, in a new tab next to the sender's. */
  'documents:open': { request: { id: string; claim: string | null }; response: null };
  'database:export': { request: null; response: LibraryFile };
  /** `text`: the export file as read; validated whole before anything is written. */
  'database:import': { request: { text: string }; response: ImportResult };
}

// ---- Senders --------------------------------------------------------------------------------------

// ---- Spec tables: schemas and allowed senders per request ------------------------------------------

type Schema<T> = v.GenericSchema<unknown, T>;

export type ProtocolSpec<P> = {
  [K in keyof P]: {
    request: Schema<RequestOf<P, K>>;
    response: Schema<ResponseOf<P, K>>;
    from: readonly SenderKind[];
  };
};

const ReadRequestSchema: Schema<ReadRequest> = v.object({
  pieces: v.pipe(
    v.array(
      v.pipe(
        v.object({
          text: v.pipe(v.string(), v.maxLength(READ_LIMITS.pieceChars)),
          from: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
        }),
        v.check((piece) => piece.from <= piece.text.length, 'a piece starts inside its text'),
      ),
    ),
    v.maxLength(READ_LIMITS.pieces),
  ),
  pageDate: v.nullable(IsoDateSchema),
  lead: v.pipe(v.string(), v.maxLength(PAGE_LEAD_CHARS)),
});

const dateValue = v.pipe(v.string(), v.maxLength(PAGE_DATE_LIMITS.value));
const dateValues = v.pipe(v.array(dateValue), v.maxLength(PAGE_DATE_LIMITS.entries));

const PageDateSourcesSchema: Schema<PageDateSources> = v.object({
  metas: v.pipe(v.array(v.tuple([dateValue, dateValue])), v.maxLength(PAGE_DATE_LIMITS.entries)),
  jsonLd: v.pipe(
    v.array(v.string()),
    v.maxLength(PAGE_DATE_LIMITS.entries),
    v.check(
      (texts) => texts.reduce((n, t) => n + t.length, 0) <= PAGE_DATE_LIMITS.jsonChars,
      `at most ${PAGE_DATE_LIMITS.jsonChars} characters of JSON-LD`,
    ),
  ),
  itemprops: dateValues,
  times: dateValues,
});

const StatusSchema: Schema<Status> = v.object({
  claims: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  documents: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  storage: v.picklist(['indexeddb', 'bundled-fallback']),
  problem: v.nullable(v.string()),
});

const PageFiguresSchema: Schema<PageFigures> = v.object({
  host: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  url: v.pipe(v.string(), v.maxLength(LIMITS.text)),
  enabled: v.boolean(),
  pageDate: v.nullable(IsoDateSchema),
  figures: v.pipe(v.array(FigureSchema), v.maxLength(LIMITS.list)),
});

const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name));
const claimList = v.pipe(v.array(ClaimSchema), v.maxLength(LIMITS.list));
const countSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const newDocumentEntries = {
  text: v.pipe(v.string(), v.maxLength(MAX_DOCUMENT_TEXT + 1_000)),
  title: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  publisher: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  date: v.pipe(v.string(), v.maxLength(100)),
  url: v.pipe(v.string(), v.maxLength(LIMITS.text)),
};

const changeSchema = v.object({ document: DocumentMetaSchema, claims: countSchema });
const documentList = v.pipe(v.array(DocumentMetaSchema), v.maxLength(LIMITS.list));

const PageArticleSchema: Schema<PageArticle> = v.object({
  url: v.pipe(v.string(), v.maxLength(LIMITS.text)),
  host: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  enabled: v.boolean(),
  kind: v.picklist(['article', 'search-results', 'sign-in']),
  title: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  publisher: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  date: v.nullable(IsoDateSchema),
  text: v.pipe(v.string(), v.maxLength(MAX_DOCUMENT_TEXT + 1)),
  length: countSchema,
});

/** Only extension pages (options, document, popup) may read or change the library. */
const PAGES: readonly SenderKind[] = ['extension-page'];

export const backgroundProtocol: ProtocolSpec<BackgroundProtocol> = {
  'figures:read': {
    request: ReadRequestSchema,
    response: v.pipe(
      v.array(v.pipe(v.array(FigureSchema), v.maxLength(LIMITS.list))),
      v.maxLength(READ_LIMITS.pieces),
    ),
    from: ['content-script', 'extension-page'],
  },
  'page:date': {
    request: PageDateSourcesSchema,
    response: v.nullable(IsoDateSchema),
    from: ['content-script', 'extension-page'],
  },
  status: { request: v.null(), response: StatusSchema, from: ['content-script', 'extension-page'] },
  'claims:list': { request: v.null(), response: claimList, from: PAGES },
  'documents:list': {
    request: v.null(),
    response: v.pipe(
      v.array(v.object({ ...documentMetaEntries, claims: countSchema })),
      v.maxLength(LIMITS.list),
    ),
    from: PAGES,
  },
  'documents:get': {
    request: v.object({ id: idSchema }),
    response: v.object({
      document: DocumentMetaSchema,
      text: v.nullable(v.pipe(v.string(), v.maxLength(MAX_DOCUMENT_TEXT))),
      claims: claimList,
    }),
    from: PAGES,
  },
  'claims:preview': {
    request: v.object(newDocumentEntries),
    response: v.object({
      document: DocumentMetaSchema,
      claims: claimList,
      duplicate: v.nullable(DocumentMetaSchema),
      samePage: documentList,
      characters: countSchema,
    }),
    from: PAGES,
  },
  'documents:add': {
    request: v.object({
      ...newDocumentEntries,
      exclude: v.pipe(v.array(idSchema), v.maxLength(LIMITS.list)),
      savedPage: v.optional(v.boolean()),
    }),
    response: v.object({ document: DocumentMetaSchema, claims: countSchema, replaced: documentList }),
    from: PAGES,
  },
  'documents:remove': { request: v.object({ id: idSchema }), response: changeSchema, from: PAGES },
  'documents:saved': {
    request: v.object({ url: v.pipe(v.string(), v.maxLength(LIMITS.text)) }),
    response: v.nullable(v.object({ document: DocumentMetaSchema, savedAt: v.nullable(IsoDateSchema) })),
    from: PAGES,
  },
  // Only a content script: it asks for its own tab, which the background reads from the sender.
  'page:save': { request: v.null(), response: v.null(), from: ['content-script'] },
  // The hover card (content script) links each report to its document; the popup does too.
  'documents:open': {
    request: v.object({ id: idSchema, claim: v.nullable(idSchema) }),
    response: v.null(),
    from: ['content-script', 'extension-page'],
  },
  'database:export': { request: v.null(), response: LibraryFileSchema, from: PAGES },
  'database:import': {
    request: v.object({ text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES)) }),
    response: v.object({
      added: countSchema,
      replaced: countSchema,
      claims: countSchema,
      skippedBundled: countSchema,
    }),
    from: PAGES,
  },
};

/** Events come from the background, an extension page by its URL. */
export const eventProtocol: ProtocolSpec<EventProtocol> = {
  'claims:changed': { request: v.null(), response: v.null(), from: ['extension-page'] },
};

export const contentProtocol: ProtocolSpec<ContentProtocol> = {
  ...eventProtocol,
  // Only our popup (an extension page) may ask a tab for its figures.
  'page:figures': { request: v.null(), response: PageFiguresSchema, from: ['extension-page'] },
  // Only our popup may read a page's article text, when the reader asks to save the page.
  'page:article': { request: v.null(), response: PageArticleSchema, from: ['extension-page'] },
};

// ---- Building, serving and reading messages ---------------------------------------------------------

const EnvelopeSchema = v.object({
  channel: v.literal(CHANNEL),
  type: v.pipe(v.string(), v.maxLength(100)),
  payload: v.unknown(),
});

/**
 * Validates `msg` and `sender` against `spec` and runs the matching handler. Refusals are replies with an
 * error (and `refused` set, for the caller to log); handler failures become `{ ok: false, error }`.
 */
export function dispatchMessage<P>(
  spec: ProtocolSpec<P>,
  handlers: Handlers<P>,
  msg: unknown,
  sender: SenderInfo,
  self: SelfInfo,
): Dispatch {
  const envelope = v.safeParse(EnvelopeSchema, msg);
  return route(
    spec,
    handlers,
    envelope.success ? envelope.output : null,
    sender,
    self,
    (key, payload): Reply<unknown> => {
      const parsed = v.safeParse(spec[key].request, payload);
      return parsed.success
        ? { ok: true, value: parsed.output }
        : { ok: false, error: `bad payload (${describeIssues(parsed.issues)})` };
    },
  );
}

const ReplySchema = v.variant('ok', [
  v.object({ ok: v.literal(true), value: v.unknown() }),
  v.object({ ok: v.literal(false), error: v.string() }),
]);

/** Checks a raw reply against the response schema of its request: a malformed answer is an error, never `any`. */
export function readReply<P, K extends keyof P>(
  spec: ProtocolSpec<P>,
  type: K,
  raw: unknown,
): Reply<ResponseOf<P, K>> {
  if (raw === undefined) return { ok: false, error: 'no answer' };
  const reply = v.safeParse(ReplySchema, raw);
  if (!reply.success) return { ok: false, error: `malformed reply to "${String(type)}"` };
  if (!reply.output.ok) return { ok: false, error: reply.output.error };
  const value = v.safeParse(spec[type].response, reply.output.value);
  if (!value.success) {
    return { ok: false, error: `malformed reply to "${String(type)}" (${describeIssues(value.issues)})` };
  }
  return { ok: true, value: value.output };
}
