// @vitest-environment happy-dom
/** The hover card and the reader's library: own documents marked, and the way to a report's source document. */
import { afterEach, expect, test, vi } from 'vitest';
import { FigureCard } from '../../../lib/ui/card.ts';
import { figure, report } from '../support/figures.ts';

afterEach(() => document.documentElement.querySelectorAll('figure-check-card').forEach((c) => c.remove()));

function showCard(openDocument?: (r: ReturnType<typeof report>) => void) {
  const anchor = document.createElement('span');
  anchor.textContent = 'over 2,000';
  document.body.append(anchor);
  const card = new FigureCard(document, openDocument ? { openDocument } : {});
  const own = report({
    id: 'reader-2022-03-30-abc#1',
    text: '2,100',
    document: {
      ...report().document,
      id: 'reader-2022-03-30-abc',
      publisher: 'Kharkiv Daily',
      origin: 'reader',
    },
  });
  card.show(anchor, figure({ reports: [report(), own] }));
  const reports = [...card.host.shadowRoot!.querySelectorAll<HTMLElement>('[data-testid="report"]')];
  return { card, reports, own };
}

test('a report from the reader’s own document says so in words; a bundled one does not', () => {
  const { reports } = showCard();
  expect(reports[0]!.querySelector('[data-testid="own"]')).toBeNull();
  expect(reports[1]!.querySelector('[data-testid="own"]')?.textContent).toBe('your document');
});

test('“Show in the document” asks to open the report’s document at that claim', () => {
  const open = vi.fn();
  const { reports, own } = showCard(open);
  const button = reports[1]!.querySelector<HTMLButtonElement>('[data-testid="show-in-document"]')!;
  expect(button.tagName).toBe('BUTTON');
  expect(button.textContent).toBe('Show in the document');
  button.click();
  expect(open).toHaveBeenCalledWith(own);
});

test('without a way to open documents, the card offers none', () => {
  const { reports } = showCard();
  expect(reports.some((r) => r.querySelector('[data-testid="show-in-document"]'))).toBe(false);
});
