// @vitest-environment happy-dom
/**
 * The popup's "Save this page to my library" under happy-dom, against a real claim service over
 * fake-indexeddb through the protocol's checks: what the reader does and sees.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { PageArticle } from '../../../lib/page-data.ts';
import { ClaimService } from '../../../lib/db/claim-service.ts';
import type { Reply } from '../../../lib/protocol/index.ts';
import { startPopup } from '../../../lib/ui/popup-controller.ts';
import { backgroundFor, seedBundle } from '../support/library-background.ts';

const URL_ = 'https://courier.example/quake';
const TEXT = [
  'Earthquake in western Afghanistan',
  'At least 2,053 people were killed in Herat province, a spokesman for the Taliban government said on Sunday.',
  'More than 9,000 people were injured in Herat province, according to the spokesman, and aid agencies sent tents.',
].join('\n\n');

const article = (fields: Partial<PageArticle> = {}): PageArticle => ({
  url: URL_,
  host: 'courier.example',
  enabled: true,
  kind: 'article',
  title: 'Earthquake in western Afghanistan',
  publisher: 'The Harbour Courier',
  date: '2023-10-08',
  text: TEXT,
  length: TEXT.length,
  ...fields,
});

let root: HTMLElement;
let service: ClaimService;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
  service = new ClaimService({
    readBundle: async () => JSON.stringify(seedBundle()),
    log: () => undefined,
    today: () => '2024-05-01',
  });
});

const q = <T extends HTMLElement = HTMLElement>(sel: string) => {
  const found = root.querySelector<T>(sel);
  if (!found) throw new Error(`no ${sel} in the popup`);
  return found;
};
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (sel: string) => (q(sel).hidden ? '' : text(q(sel)));
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 20 });

async function open(page: () => Promise<Reply<PageArticle>>, startNow = false) {
  const { send } = backgroundFor(service);
  const popup = startPopup(root, {
    getStatus: () => send('status'),
    getPage: async () => ({
      ok: true,
      value: { host: 'courier.example', url: URL_, enabled: true, pageDate: '2023-10-08', figures: [] },
    }),
    setSiteEnabled: async () => undefined,
    save: { getArticle: page, send, today: () => '2024-05-01', startNow },
  });
  await popup.ready;
}

describe('saving the page from the popup', () => {
  test('reads the page, shows its claims with its date, leaves out the unticked one, and saves', async () => {
    await open(async () => ({ ok: true, value: article() }));
    expect(text(q('[data-testid="save-page"]'))).toBe('Save this page to my library');
    q('[data-testid="save-page"]').click();
    await until(() => expect(root.querySelectorAll('[data-testid="save-claim"]')).toHaveLength(2));
    expect(text(q('#save-heading'))).toBe('2 claims found in “Earthquake in western Afghanistan”');
    expect(text(q('[data-testid="save-source"]'))).toBe(`The Harbour Courier · ${URL_}`);
    expect(q<HTMLInputElement>('#save-date').value).toBe('2023-10-08');

    const injured = [...root.querySelectorAll('[data-testid="save-claim"]')].find((li) =>
      text(li).includes('9,000'),
    )!;
    const box = injured.querySelector<HTMLInputElement>('input[name="keep"]')!;
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(text(q('[data-testid="save-confirm"]'))).toBe('Save the page and 1 claim');
    q('[data-testid="save-confirm"]').click();
    await until(() => expect(shown('[data-testid="save-message"]')).toMatch(/^✓ Saved/));
    expect(shown('[data-testid="save-message"]')).toBe(
      '✓ Saved “Earthquake in western Afghanistan” with 1 claim. Open pages compare with them now.',
    );
    await until(() =>
      expect(text(q('[data-testid="saved"]'))).toBe(
        'Saved on 2024-05-01: “Earthquake in western Afghanistan”.',
      ),
    );
    const mine = (await service.listClaims()).filter((c) => c.document.origin === 'reader');
    expect(mine.map((c) => c.text)).toEqual(['At least 2,053']);
  });

  test('a saved page says when it was saved, and is removed from the popup', async () => {
    const { send } = backgroundFor(service);
    await send('documents:add', {
      text: TEXT,
      title: 'Earthquake',
      publisher: 'Courier',
      date: '2023-10-08',
      url: URL_,
      exclude: [],
      savedPage: true,
    });
    await open(async () => ({ ok: true, value: article() }));
    await until(() => expect(text(q('[data-testid="saved"]'))).toBe('Saved on 2024-05-01: “Earthquake”.'));
    expect(text(q('[data-testid="save-page"]'))).toBe('Save this page again');
    q('[data-testid="remove-page"]').click();
    await until(() =>
      expect(shown('[data-testid="save-message"]')).toBe(
        '✓ Removed “Earthquake” and its 2 claims from your library.',
      ),
    );
    expect(q('[data-testid="saved"]').parentElement!.hidden).toBe(true);
    expect((await service.listDocuments()).filter((d) => d.origin === 'reader')).toEqual([]);
  });

  test('a page without a date asks for one before finding the claims; the corrected date is saved', async () => {
    await open(async () => ({ ok: true, value: article({ date: null }) }), true);
    await until(() => expect(q('[data-testid="save-review"]').hidden).toBe(false));
    expect(shown('#save-date-error')).toBe('⚠ The page does not say when it was published: enter its date.');
    expect(q<HTMLButtonElement>('[data-testid="save-confirm"]').disabled).toBe(true);
    const date = q<HTMLInputElement>('#save-date');
    date.value = '2023-10-09';
    date.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(root.querySelectorAll('[data-testid="save-claim"]')).toHaveLength(2));
    q('[data-testid="save-confirm"]').click();
    await until(() => expect(shown('[data-testid="save-message"]')).toMatch(/^✓ Saved/));
    expect((await service.listDocuments()).find((d) => d.origin === 'reader')?.date).toBe('2023-10-09');
  });

  test.each([
    [
      'a sign-in page',
      () => article({ kind: 'sign-in' }),
      '⚠ This is a sign-in page, not an article: there is nothing here to save.',
    ],
    [
      'a switched-off site',
      () => article({ enabled: false, text: '', length: 0 }),
      '⚠ Figure Check is off on courier.example: turn it on with the switch above to save its pages.',
    ],
    [
      'a page without article text',
      () => article({ text: 'Menu', length: 4 }),
      /^⚠ This page has no article text to save/,
    ],
  ])('%s is refused with a reason, and nothing is saved', async (_name, make, message) => {
    await open(async () => ({ ok: true, value: make() }));
    q('[data-testid="save-page"]').click();
    await until(() => expect(shown('[data-testid="save-message"]')).toMatch(/^⚠/));
    expect(shown('[data-testid="save-message"]')).toMatch(message);
    expect(q('[data-testid="save-review"]').hidden).toBe(true);
    expect((await service.listDocuments()).filter((d) => d.origin === 'reader')).toEqual([]);
  });

  test('a tab without a content script cannot be saved', async () => {
    const { send } = backgroundFor(service);
    const popup = startPopup(root, {
      getStatus: () => send('status'),
      getPage: async () => ({ ok: false, error: 'no content script in this tab' }),
      setSiteEnabled: async () => undefined,
      save: {
        getArticle: async () => ({ ok: false, error: 'no content script' }),
        send,
        today: () => '2024-05-01',
        startNow: false,
      },
    });
    await popup.ready;
    expect(q<HTMLButtonElement>('[data-testid="save-page"]').disabled).toBe(true);
  });
});
