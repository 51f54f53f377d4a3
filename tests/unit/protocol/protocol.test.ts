import { beforeEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground, sendToTab, serveMessages } from '../../../lib/browser/messaging.ts';
import {
  CHANNEL,
  READ_LIMITS,
  backgroundProtocol,
  classifySender,
  contentProtocol,
  dispatchMessage,
  makeMessage,
  readReply,
  type BackgroundProtocol,
  type Handlers,
  type Reply,
  type SenderInfo,
  type Status,
} from '../../../lib/protocol/index.ts';
import type { Figure, Reading } from '../../../lib/types.ts';
import { pageDateOf } from '../../../lib/dom/page-date.ts';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const popup: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const contentScript: SenderInfo = { id: 'ext-id', url: 'https://news.example/article', tab: { id: 7 } };

const reading: Reading = {
  text: 'more than 3.8 million',
  start: 10,
  end: 31,
  value: 3_800_000,
  low: 3_800_000,
  high: null,
  qualifier: 'more_than',
  metric: 'fled_abroad',
  subject: 'people',
  place: 'Ukraine',
  period: 'cumulative',
  asOf: '2022-03-25',
  source: 'UNHCR',
  modality: 'reported',
  quote: 'More than 3.8 million people have fled Ukraine.',
};

const status: Status = { claims: 3, documents: 1, storage: 'indexeddb', problem: null };

function handlers(): Handlers<BackgroundProtocol> {
  return {
    'figures:read': vi.fn(async ({ pieces }) =>
      pieces.map((): Figure[] => [
        { ...reading, verdict: 'no-reports', reports: [], summary: 'No other reports.' },
      ]),
    ),
    'page:date': vi.fn(async (sources) => pageDateOf(sources)),
    status: vi.fn(async () => status),
    'claims:list': vi.fn(async () => []),
    'documents:list': vi.fn(async () => []),
    'documents:get': vi.fn(async ({ id }) => ({
      document: { id, title: 'T', publisher: 'P', date: '2022-03-01', url: null, origin: 'reader' as const },
      text: 'Some text.',
      claims: [],
    })),
    'claims:preview': vi.fn(async (input) => ({
      document: { id: 'reader-x', title: input.title, publisher: '', date: input.date, url: null },
      claims: [],
      duplicate: null,
      samePage: [],
      characters: input.text.length,
    })),
    'documents:add': vi.fn(async (input) => ({
      document: { id: 'reader-x', title: input.title, publisher: '', date: input.date, url: null },
      claims: 0,
      replaced: [],
    })),
    'documents:remove': vi.fn(async ({ id }) => ({
      document: { id, title: 'T', publisher: 'P', date: '2022-03-01', url: null },
      claims: 2,
    })),
    'documents:open': vi.fn(async () => null),
    'documents:saved': vi.fn(async () => null),
    'page:save': vi.fn(async () => null),
    'database:export': vi.fn(async () => ({ claims: [], documents: [] })),
    'database:import': vi.fn(async () => ({ added: 0, replaced: 0, claims: 0, skippedBundled: 0 })),
  };
}

async function dispatch(msg: unknown, sender: SenderInfo, h = handlers()) {
  const outcome = dispatchMessage(backgroundProtocol, h, msg, sender, self);
  if (outcome.action === 'ignore') return { outcome, reply: null };
  return { outcome, reply: await outcome.reply };
}

describe('classifySender', () => {
  test.each([
    ['the popup', popup, { ok: true, value: 'extension-page' }],
    ['our content script', contentScript, { ok: true, value: 'content-script' }],
    ['an extension page open in a tab', { ...popup, tab: { id: 3 } }, { ok: true, value: 'extension-page' }],
  ])('accepts %s', (_name, sender, expected) => {
    expect(classifySender(sender, self)).toEqual(expected);
  });

  test.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a sender without id', { url: 'https://evil.example/', tab: { id: 1 } }],
    ['our id but neither page nor tab', { id: 'ext-id', url: 'https://evil.example/' }],
  ])('refuses %s', (_name, sender) => {
    const result = classifySender(sender, self);
    expect(result.ok).toBe(false);
  });
});

describe('dispatchMessage', () => {
  test('answers a valid read from a content script with the figures of each piece', async () => {
    const h = handlers();
    const pieces = [
      { text: 'More than 3.8 million people have fled.', from: 0 },
      { text: 'Context.\n\nAnother piece.', from: 10 },
    ];
    const { reply } = await dispatch(
      makeMessage<BackgroundProtocol, 'figures:read'>('figures:read', {
        pieces,
        pageDate: '2022-03-25',
        lead: 'Ukraine war: refugees',
      }),
      contentScript,
      h,
    );
    expect(reply?.ok).toBe(true);
    expect(reply?.ok && (reply.value as unknown[]).length).toBe(2);
    expect(h['figures:read']).toHaveBeenCalledWith(
      { pieces, pageDate: '2022-03-25', lead: 'Ukraine war: refugees' },
      { kind: 'content-script', tabId: 7 },
    );
  });

  test('status takes no payload', async () => {
    const { reply } = await dispatch(makeMessage<BackgroundProtocol, 'status'>('status'), popup);
    expect(reply).toEqual({ ok: true, value: status });
  });

  test.each([
    ['a string', 'hello'],
    ['null', null],
    ['another channel', { channel: 'other', type: 'status', payload: null }],
    ['a request this side does not serve', { channel: CHANNEL, type: 'page:figures', payload: null }],
    ['a prototype key as type', { channel: CHANNEL, type: 'toString', payload: null }],
  ])('leaves %s to other listeners', async (_name, msg) => {
    const { outcome } = await dispatch(msg, popup);
    expect(outcome.action).toBe('ignore');
  });

  test.each([
    ['a piece that is not text', { pieces: [{ text: 5, from: 0 }], pageDate: null }, /pieces\.0\.text/],
    [
      'a piece longer than a window and its context',
      { pieces: [{ text: 'x'.repeat(READ_LIMITS.pieceChars + 1), from: 0 }], pageDate: null },
      /pieces\.0\.text/,
    ],
    ['a window starting past its text', { pieces: [{ text: 'abc', from: 4 }], pageDate: null }, /inside/],
    ['a negative start', { pieces: [{ text: 'abc', from: -1 }], pageDate: null }, /pieces\.0\.from/],
    [
      'more pieces than one message carries',
      {
        pieces: Array.from({ length: READ_LIMITS.pieces + 1 }, () => ({ text: 'a', from: 0 })),
        pageDate: null,
      },
      /pieces/,
    ],
    ['a missing pageDate', { pieces: [] }, /pageDate/],
    ['a date that is not YYYY-MM-DD', { pieces: [], pageDate: '25/03/2022' }, /pageDate/],
    ['pieces that are not a list', { pieces: 'all', pageDate: null }, /pieces/],
  ])('refuses %s and names where', async (_name, payload, where) => {
    const h = handlers();
    const { outcome, reply } = await dispatch(
      { channel: CHANNEL, type: 'figures:read', payload },
      contentScript,
      h,
    );
    expect(reply?.ok).toBe(false);
    expect(!reply?.ok && reply?.error).toMatch(where);
    expect(outcome.action === 'reply' && outcome.refused).toMatch(/refused/);
    expect(h['figures:read']).not.toHaveBeenCalled();
  });

  test('refuses a message from another extension without running the handler', async () => {
    const h = handlers();
    const { reply } = await dispatch(
      makeMessage<BackgroundProtocol, 'status'>('status'),
      { id: 'x', url: 'https://a/' },
      h,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/not this extension/) });
    expect(h.status).not.toHaveBeenCalled();
  });

  test('page:figures is only accepted from extension pages', async () => {
    const serve = {
      'page:figures': vi.fn(async () => ({
        host: 'a',
        url: 'https://a/',
        enabled: true,
        pageDate: null,
        figures: [],
      })),
      'page:article': vi.fn(async () => ({
        url: 'https://a/',
        host: 'a',
        enabled: true,
        kind: 'article' as const,
        title: 'T',
        publisher: 'a',
        date: null,
        text: '',
        length: 0,
      })),
      'claims:changed': vi.fn(async () => null),
    };
    const msg = { channel: CHANNEL, type: 'page:figures', payload: null };
    const fromContent = dispatchMessage(contentProtocol, serve, msg, contentScript, self);
    expect(fromContent.action === 'reply' && (await fromContent.reply)).toMatchObject({ ok: false });
    const fromPopup = dispatchMessage(contentProtocol, serve, msg, popup, self);
    expect(fromPopup.action === 'reply' && (await fromPopup.reply)).toMatchObject({ ok: true });
  });

  const newDocument = {
    text: 'Officials said 40 people died.',
    title: 'T',
    publisher: '',
    date: '2022-03-01',
    url: '',
  };
  const libraryRequests: [string, unknown][] = [
    ['claims:list', null],
    ['documents:list', null],
    ['documents:get', { id: 'reader-x' }],
    ['claims:preview', newDocument],
    ['documents:add', { ...newDocument, exclude: [] }],
    ['documents:remove', { id: 'reader-x' }],
    ['database:export', null],
    ['database:import', { text: '{}' }],
  ];

  test.each(libraryRequests)(
    '%s is refused from a content script and served to an extension page',
    async (type, payload) => {
      const h = handlers();
      const msg = { channel: CHANNEL, type, payload };
      const fromPage = await dispatch(msg, contentScript, h);
      expect(fromPage.reply).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not accepted from a content-script/),
      });
      expect(h[type as keyof BackgroundProtocol]).not.toHaveBeenCalled();
      const fromOptions = await dispatch(
        msg,
        { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' },
        h,
      );
      expect(fromOptions.reply).toMatchObject({ ok: true });
      expect(
        readReply(backgroundProtocol, type as keyof BackgroundProtocol, fromOptions.reply),
      ).toMatchObject({ ok: true });
    },
  );

  test.each([
    ['documents:add', { ...newDocument }, /exclude/],
    ['documents:add', { ...newDocument, exclude: [], date: 20220301 }, /date/],
    ['documents:remove', { id: '' }, /id/],
    ['documents:get', {}, /id/],
    ['database:import', { text: 42 }, /text/],
    ['documents:open', { id: 'x' }, /claim/],
  ])('%s with a bad payload %j is refused, naming the field', async (type, payload, field) => {
    const h = handlers();
    const { reply } = await dispatch({ channel: CHANNEL, type, payload }, popup, h);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(field) });
    expect(h[type as keyof BackgroundProtocol]).not.toHaveBeenCalled();
  });

  test('documents:open is accepted from the hover card (a content script) and knows its tab', async () => {
    const h = handlers();
    const { reply } = await dispatch(
      { channel: CHANNEL, type: 'documents:open', payload: { id: 'd', claim: 'c' } },
      contentScript,
      h,
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(h['documents:open']).toHaveBeenCalledWith(
      { id: 'd', claim: 'c' },
      { kind: 'content-script', tabId: 7 },
    );
  });

  test('claims:changed reaches a content script only from the extension (the background)', async () => {
    const serve = {
      'page:figures': vi.fn(async () => ({
        host: 'a',
        url: 'https://a/',
        enabled: true,
        pageDate: null,
        figures: [],
      })),
      'page:article': vi.fn(async () => ({
        url: 'https://a/',
        host: 'a',
        enabled: true,
        kind: 'article' as const,
        title: 'T',
        publisher: 'a',
        date: null,
        text: '',
        length: 0,
      })),
      'claims:changed': vi.fn(async () => null),
    };
    const msg = { channel: CHANNEL, type: 'claims:changed', payload: null };
    const background: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/background.js' };
    const fromBackground = dispatchMessage(contentProtocol, serve, msg, background, self);
    expect(fromBackground.action === 'reply' && (await fromBackground.reply)).toEqual({
      ok: true,
      value: null,
    });
    const fromOther = dispatchMessage(
      contentProtocol,
      serve,
      msg,
      { id: 'other', url: 'https://x.example/' },
      self,
    );
    expect(fromOther.action === 'reply' && (await fromOther.reply)).toMatchObject({ ok: false });
    expect(serve['claims:changed']).toHaveBeenCalledTimes(1);
  });

  test('a handler that throws becomes an error reply', async () => {
    const h = handlers();
    h.status = async () => {
      throw new Error('database on fire');
    };
    const { reply } = await dispatch(makeMessage<BackgroundProtocol, 'status'>('status'), popup, h);
    expect(reply).toEqual({ ok: false, error: 'database on fire' });
  });
});

describe('readReply', () => {
  test.each([
    ['nothing', undefined, /no answer/],
    ['a bare value', status, /malformed reply/],
    ['a value of the wrong shape', { ok: true, value: { claims: 'many' } }, /malformed reply.*claims/],
    ['an error reply', { ok: false, error: 'busy' }, /^busy$/],
  ])('turns %s into an error', (_name, raw, message) => {
    const reply = readReply(backgroundProtocol, 'status', raw);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(message);
  });

  test('passes a well-formed value through', () => {
    expect(readReply(backgroundProtocol, 'status', { ok: true, value: status })).toEqual({
      ok: true,
      value: status,
    });
  });
});

describe('browser adapters', () => {
  beforeEach(() => fakeBrowser.reset());

  test('serveMessages answers through sendResponse and stops when asked', async () => {
    const stop = serveMessages(backgroundProtocol, handlers(), { log: () => undefined });
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const answer = new Promise((resolve) =>
      fakeBrowser.runtime.onMessage.trigger(
        makeMessage<BackgroundProtocol, 'status'>('status'),
        sender,
        resolve,
      ),
    );
    expect(await answer).toEqual({ ok: true, value: status });
    stop();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });

  test('serveMessages logs refusals', async () => {
    const log = vi.fn();
    serveMessages(backgroundProtocol, handlers(), { log });
    const answer = new Promise((resolve) =>
      fakeBrowser.runtime.onMessage.trigger({ channel: CHANNEL, type: 'status', payload: 5 }, {}, resolve),
    );
    expect(await answer).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/"status" refused/));
  });

  test('serveMessages logs messages that are not ours and leaves them unanswered', async () => {
    const log = vi.fn();
    serveMessages(backgroundProtocol, handlers(), { log });
    const results = await fakeBrowser.runtime.onMessage.trigger({ type: 'status' }, {}, () => undefined);
    expect(results).toEqual([undefined]);
    expect(log).toHaveBeenCalledWith('ignored a message: not a Figure Check message');
  });

  test('sendToBackground validates the reply it gets', async () => {
    fakeBrowser.runtime.onMessage.addListener((_msg, _sender, sendResponse) => {
      (sendResponse as (r: unknown) => void)({ ok: true, value: { ...status, storage: 'floppy' } });
      return true;
    });
    const reply = await sendToBackground('status');
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/storage/) });
  });

  test('sendToBackground reports an unreachable background instead of throwing', async () => {
    const reply = await sendToBackground('status');
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/background unreachable/) });
  });

  test('sendToTab reports a tab without content script instead of throwing', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    const reply = await sendToTab(1, 'page:figures');
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/no content script/) });
  });

  test('requests are typed end to end', () => {
    expectTypeOf(sendToBackground<'status'>).returns.resolves.toEqualTypeOf<Reply<Status>>();
    expectTypeOf(sendToBackground<'figures:read'>).returns.resolves.toEqualTypeOf<Reply<Figure[][]>>();
    expectTypeOf(sendToBackground<'figures:read'>).parameters.toEqualTypeOf<
      ['figures:read', { pieces: { text: string; from: number }[]; pageDate: string | null; lead: string }]
    >();
  });
});
