/**
 * A source document with its claims in place (the document page, `document.html?id=DOC&claim=CLAIM`):
 * where each claim sits in the text, and the text cut into paragraphs of plain and marked pieces that the
 * page turns into nodes. Pure.
 */
import type { Claim } from '../types.ts';

export interface Span {
  start: number;
  end: number;
}

/**
 * Where `claim` stands in `text`. Its offsets first (they point into the text it was read from); if the text
 * there is not the figure (a hand-edited import), the figure inside its quoted sentence; else null.
 */
export function locateClaim(text: string, claim: Claim): Span | null {
  const { start, end } = claim;
  if (start >= 0 && end <= text.length && start < end && text.slice(start, end) === claim.text) {
    return { start, end };
  }
  const quote = claim.quote.trim();
  const at = quote ? text.indexOf(quote) : -1;
  if (at >= 0) {
    const inQuote = quote.indexOf(claim.text);
    if (claim.text && inQuote >= 0) return { start: at + inQuote, end: at + inQuote + claim.text.length };
    return { start: at, end: at + quote.length };
  }
  const anywhere = claim.text ? text.indexOf(claim.text) : -1;
  return anywhere >= 0 ? { start: anywhere, end: anywhere + claim.text.length } : null;
}

export type Piece =
  { kind: 'text'; text: string } | { kind: 'claim'; text: string; claimId: string; selected: boolean };

/**
 * The text as paragraphs (split at blank lines, as the corpus and the page reader write them), each a list of
 * pieces; claims become marked pieces. Overlapping claims: the first one (by start) wins, the other stays text.
 */
export function documentPieces(text: string, claims: readonly Claim[], selectedId: string | null): Piece[][] {
  const spans = claims
    .map((claim) => ({ claim, span: locateClaim(text, claim) }))
    .filter((s): s is { claim: Claim; span: Span } => s.span !== null)
    .sort((a, b) => a.span.start - b.span.start || (a.claim.id === selectedId ? -1 : 1));
  const paragraphs: Piece[][] = [];
  const breaks = /\n[ \t]*\n\s*/g;
  let from = 0;
  const bounds: Span[] = [];
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    bounds.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  bounds.push({ start: from, end: text.length });

  let next = 0;
  for (const para of bounds) {
    const pieces: Piece[] = [];
    let at = para.start;
    while (next < spans.length && spans[next]!.span.start < para.end) {
      const { claim, span } = spans[next]!;
      next++;
      // A span crossing the paragraph start, or overlapping one already marked, stays plain text.
      if (span.start < at || span.end > para.end) continue;
      if (span.start > at) pieces.push({ kind: 'text', text: text.slice(at, span.start) });
      pieces.push({
        kind: 'claim',
        text: text.slice(span.start, span.end),
        claimId: claim.id,
        selected: claim.id === selectedId,
      });
      at = span.end;
    }
    if (at < para.end) pieces.push({ kind: 'text', text: text.slice(at, para.end) });
    if (pieces.length > 0) paragraphs.push(pieces);
  }
  return paragraphs;
}

/** `document.html?id=DOC&claim=CLAIM`, relative to the extension's root. */
export function documentPageHref(documentId: string, claimId?: string | null): string {
  const p = new URLSearchParams({ id: documentId });
  if (claimId) p.set('claim', claimId);
  return `document.html?${p.toString()}`;
}

export function readDocumentAddress(search: string): { id: string | null; claim: string | null } {
  const p = new URLSearchParams(search);
  const id = p.get('id');
  const claim = p.get('claim');
  return { id: id && id.length <= 1000 ? id : null, claim: claim && claim.length <= 1000 ? claim : null };
}
