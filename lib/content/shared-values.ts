/**
 * Figures as the content script keeps them, with what they have in common held once. Every answer from the
 * background is a fresh copy (messages are cloned), so a page with thousands of figures held thousands of
 * copies of the same few reports, document details and words ("killed", "cumulative", a report's note):
 * on the 5 MB bench page, more heap than the page's text. Reports and strings equal in value become one
 * object, shared by every figure that has them. They are never changed after they arrive (the card and
 * the popup only read them), so sharing is safe. Dropped with the figures on disable.
 */
import type { Figure, Report } from '../types.ts';

export class SharedValues {
  private strings = new Map<string, string>();
  private reports = new Map<string, Report>();

  /** `figure`, its strings and reports replaced by the shared ones (and its offsets by `start`, `end`). */
  figure(figure: Figure, start: number, end: number): Figure {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(figure))
      out[key] = typeof value === 'string' ? this.text(value) : value;
    out['start'] = start;
    out['end'] = end;
    if (Array.isArray(figure.reports)) out['reports'] = figure.reports.map((r) => this.report(r));
    return out as unknown as Figure;
  }

  clear(): void {
    this.strings.clear();
    this.reports.clear();
  }

  private text(s: string): string {
    // Long strings (a figure's own sentence) are seldom repeated: only short ones are worth looking up.
    if (s.length > 200) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private report(r: Report): Report {
    const key = JSON.stringify(r);
    const known = this.reports.get(key);
    if (known) return known;
    this.reports.set(key, r);
    return r;
  }
}
