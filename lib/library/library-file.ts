/**
 * The claim database as a file: the export the options page saves, the file it imports, and the bundled
 * claims.json the build writes. One shape for all three, the `{claims, documents}` that `claims --json`
 * prints (docs/architecture.md), with more fields:
 *
 *   {
 *     "format": "figure-check-library", "version": 1, "exportedAt": "2024-05-01T10:00:00.000Z",
 *     "claims":    [Claim, ...],                      // claim.document.origin says whose document it is
 *     "documents": [{ id, title, publisher, date, url, origin, text }, ...]
 *   }
 *
 * `text` is the document's full text, so an import restores the reader's documents whole (claims, and the
 * document page that shows them in context). `format`, `version`, `exportedAt`, `origin` and `text` are
 * optional on import, so `npm run -s claims -- --json` output imports too.
 *
 * What an import does (decided here, shown to the reader by the options page):
 * - documents of the extension's own bundle (origin `bundled`, or an id the installed bundle has) are skipped:
 *   the installed version's bundled claims are the ones that count, and an update replaces them anyway;
 * - every other document is the reader's: added, or replacing the reader's document with the same id
 *   (so importing the same file twice gives the same library); other documents of the reader stay.
 *
 * Pure: parsing and validation only. Writing is lib/db/library.ts, in one IndexedDB transaction.
 */
import * as v from 'valibot';
import { ClaimSchema, IsoDateSchema, LIMITS, documentMetaEntries } from '../schemas.ts';
import type { Claim, DocumentMeta, DocumentOrigin, IsoDate } from '../types.ts';

export const LIBRARY_FORMAT = 'figure-check-library';
export const LIBRARY_VERSION = 1;
/** A document's text: 5 MB of text is a very long live blog; beyond that it is not a news document. */
export const MAX_DOCUMENT_TEXT = 5_000_000;
/** An import file: room for a large library, not for anything at all. */
export const MAX_IMPORT_BYTES = 100_000_000;

/** A document with its text (null or absent when the file did not carry it). */
export interface LibraryDocument extends DocumentMeta {
  text?: string | null;
  /** The day the reader saved it from a web page (the popup says "Saved on …"); absent otherwise. */
  savedAt?: IsoDate | null;
}

export interface LibraryFile {
  format?: string;
  version?: number;
  exportedAt?: string;
  claims: Claim[];
  documents: LibraryDocument[];
}

type Schema<T> = v.GenericSchema<unknown, T>;

const textSchema = v.pipe(
  v.string('text must be a string'),
  v.maxLength(MAX_DOCUMENT_TEXT, `text is longer than ${MAX_DOCUMENT_TEXT} characters`),
);

export const LibraryDocumentSchema: Schema<LibraryDocument> = v.object({
  ...documentMetaEntries,
  text: v.optional(v.nullable(textSchema)),
  savedAt: v.optional(v.nullable(IsoDateSchema)),
});

/** Structure only; the rules that tie claims to documents are checked by `validateLibrary`. */
export const LibraryFileSchema: Schema<LibraryFile> = v.object({
  format: v.optional(v.literal(LIBRARY_FORMAT, `format must be "${LIBRARY_FORMAT}"`)),
  version: v.optional(
    v.pipe(
      v.number(),
      v.maxValue(LIBRARY_VERSION, `version is newer than this extension reads (${LIBRARY_VERSION})`),
    ),
  ),
  exportedAt: v.optional(v.string()),
  claims: v.pipe(
    v.array(ClaimSchema, 'claims must be a list'),
    v.maxLength(LIMITS.list, `more than ${LIMITS.list} claims`),
  ),
  documents: v.pipe(
    v.array(LibraryDocumentSchema, 'documents must be a list'),
    v.maxLength(LIMITS.list, `more than ${LIMITS.list} documents`),
  ),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** How many problems an error message lists before it says "and N more". */
const SHOWN_PROBLEMS = 5;

function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = problems.length - shown.length;
  const list = shown.join('; ');
  return problems.length === 1
    ? list
    : `${problems.length} problems: ${list}${more > 0 ? `; and ${more} more` : ''}`;
}

/** `claims[3].document.date` from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const where = pathOf(issue);
  // valibot's messages already name what was expected; add what was found, briefly.
  const got =
    issue.kind === 'schema' && issue.input !== undefined && !issue.message.includes('received')
      ? ` (got ${shown(issue.input)})`
      : '';
  const message = issue.input === undefined && issue.kind === 'schema' ? 'is missing' : issue.message;
  return `${where ? `${where}: ` : ''}${message}${message === 'is missing' ? '' : got}`;
}

/** Line and column of a character offset, for JSON syntax errors. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/**
 * Where JSON text stops being valid: the offset of the first character a JSON parser refuses, or -1 when
 * the text is valid (or too deeply nested to tell). Engines word (and place) their errors differently — V8
 * often gives no position at all — so the position is found here, by a scan that builds nothing.
 */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const space = () => {
    for (let c = s.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = s.charCodeAt(++i));
  };
  const string = () => {
    i++;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if (e !== undefined && ESCAPES.includes(e)) i += 2;
        else {
          i++;
          fail();
        }
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = (): void => {
    space();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (s[i] !== '"') fail();
          string();
          space();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (s[i] === ',') i++;
        else if (s[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(s);
    if (number) {
      i += number[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (s.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail();
  };
  try {
    value();
    space();
    if (i < s.length) fail();
    return -1;
  } catch (e) {
    if (e instanceof JsonStop) return e.offset;
    return -1; // nested too deep for the stack: say nothing rather than something wrong
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}

/** JSON.parse with an error that says where (line and column), whatever the engine's wording. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? lineAndColumn(text, offset) : null;
    const at = where
      ? offset >= text.length
        ? ` at line ${where.line}: it ends too early`
        : ` at line ${where.line}, column ${where.column}`
      : '';
    const detail = message.length > 120 ? `${message.slice(0, 117)}…` : message;
    return { ok: false, error: `the file is not valid JSON${at} (${detail})` };
  }
}

/**
 * Checks what the schema cannot: unique ids, every claim belongs to a document of the file, and claims
 * fall inside their document's text. Returns the problems found, each naming where.
 */
function crossCheck(file: LibraryFile): string[] {
  const problems: string[] = [];
  const documents = new Map<string, { index: number; doc: LibraryDocument }>();
  file.documents.forEach((doc, index) => {
    const first = documents.get(doc.id);
    if (first)
      problems.push(`documents[${index}].id: "${doc.id}" is also the id of documents[${first.index}]`);
    else documents.set(doc.id, { index, doc });
  });
  const claimIds = new Map<string, number>();
  file.claims.forEach((claim, index) => {
    const first = claimIds.get(claim.id);
    if (first !== undefined)
      problems.push(`claims[${index}].id: "${claim.id}" is also the id of claims[${first}]`);
    else claimIds.set(claim.id, index);
    const owner = documents.get(claim.document.id);
    if (!owner) {
      problems.push(`claims[${index}].document.id: "${claim.document.id}" is not among the documents`);
      return;
    }
    if (claim.start > claim.end) {
      problems.push(`claims[${index}]: start ${claim.start} is after end ${claim.end}`);
    }
    const text = owner.doc.text;
    if (typeof text === 'string' && claim.end > text.length) {
      problems.push(
        `claims[${index}]: end ${claim.end} is past the end of its document's text (${text.length} characters)`,
      );
    }
  });
  return problems;
}

/**
 * Parses and validates a library file (an export, or claims.json). Every problem found is named with its
 * place in the file; nothing is returned unless the whole file is good.
 */
export function parseLibraryFile(text: string): Parsed<LibraryFile> {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: `the file is too large (over ${MAX_IMPORT_BYTES / 1_000_000} MB)` };
  }
  const json = parseJson(text.replace(/^\uFEFF/, ''));
  if (!json.ok) return json;
  return validateLibrary(json.value);
}

export function validateLibrary(raw: unknown): Parsed<LibraryFile> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'the file is not a Figure Check export: expected an object with claims and documents',
    };
  }
  const parsed = v.safeParse(LibraryFileSchema, raw, { abortEarly: false });
  if (!parsed.success) return { ok: false, error: summarise(parsed.issues.map(describe)) };
  const problems = crossCheck(parsed.output);
  if (problems.length > 0) return { ok: false, error: summarise(problems) };
  return { ok: true, value: parsed.output };
}

/** The claim with its document's origin filled in: what popup, card and exports show. */
export function withDocumentOrigin<C extends Claim>(claim: C, origin: DocumentOrigin): C {
  if (claim.document.origin === origin) return claim;
  return { ...claim, document: { ...claim.document, origin } };
}

export interface ImportPlan {
  /** The reader's documents to write (each replaces a reader document with the same id). */
  documents: (LibraryDocument & { origin: 'reader' })[];
  /** Their claims, each carrying its document's metadata as written in `documents`. */
  claims: Claim[];
  /** Documents left out because they belong to the extension's bundle. */
  skippedBundled: DocumentMeta[];
}

/**
 * Splits a validated file into what an import writes and what it skips (see the header). `bundledIds`:
 * the ids of the installed bundle's documents.
 */
export function planImport(file: LibraryFile, bundledIds: ReadonlySet<string>): ImportPlan {
  const documents: ImportPlan['documents'] = [];
  const skippedBundled: DocumentMeta[] = [];
  const kept = new Map<string, DocumentMeta>();
  for (const doc of file.documents) {
    if (doc.origin === 'bundled' || bundledIds.has(doc.id)) {
      skippedBundled.push(metaOf(doc));
      continue;
    }
    const reader = { ...doc, origin: 'reader' as const, text: doc.text ?? null };
    documents.push(reader);
    kept.set(doc.id, metaOf(reader));
  }
  const claims: Claim[] = [];
  for (const claim of file.claims) {
    const meta = kept.get(claim.document.id);
    // The document entry is the truth about its metadata: a claim's copy may be stale in a hand-edited file.
    if (meta) claims.push({ ...claim, document: meta });
  }
  return { documents, claims, skippedBundled };
}

/** DocumentMeta without the text (and without any other field a file might carry). */
export function metaOf(doc: LibraryDocument): DocumentMeta {
  const meta: DocumentMeta = {
    id: doc.id,
    title: doc.title,
    publisher: doc.publisher,
    date: doc.date,
    url: doc.url,
  };
  if (doc.origin) meta.origin = doc.origin;
  return meta;
}

export function buildLibraryFile(claims: Claim[], documents: LibraryDocument[], now: Date): LibraryFile {
  return {
    format: LIBRARY_FORMAT,
    version: LIBRARY_VERSION,
    exportedAt: now.toISOString(),
    claims,
    documents,
  };
}

/** `figure-check-library-2024-05-01.json` */
export function exportFileName(now: Date, extension: 'json' | 'csv'): string {
  const day = now.toISOString().slice(0, 10);
  return extension === 'json' ? `figure-check-library-${day}.json` : `figure-check-claims-${day}.csv`;
}
