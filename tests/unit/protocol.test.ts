import { beforeEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground, sendToTab, serveMessages } from '../../lib/browser/messaging.ts';
import {
  CHANNEL,
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
} from '../../lib/protocol.ts';
import type { Comparison, Reading } from '../../lib/types.ts';

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
    compare: vi.fn(async ({ readings }) =>
      readings.map((): Comparison => ({ verdict: 'no-reports', reports: [], summary: 'No other reports.' })),
    ),
    status: vi.fn(async () => status),
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
  test('answers a valid compare from a content script with one comparison per reading', async () => {
    const h = handlers();
    const { reply } = await dispatch(
      makeMessage<BackgroundProtocol, 'compare'>('compare', {
        readings: [reading, reading],
        pageDate: '2022-03-25',
      }),
      contentScript,
      h,
    );
    expect(reply?.ok).toBe(true);
    expect(reply?.ok && (reply.value as unknown[]).length).toBe(2);
    expect(h.compare).toHaveBeenCalledWith(
      { readings: [reading, reading], pageDate: '2022-03-25' },
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
    [
      'a reading with an unknown metric',
      { readings: [{ ...reading, metric: 'deaths' }], pageDate: null },
      /readings\.0\.metric/,
    ],
    ['a missing pageDate', { readings: [] }, /pageDate/],
    ['a date that is not YYYY-MM-DD', { readings: [], pageDate: '25/03/2022' }, /pageDate/],
    [
      'an infinite value',
      { readings: [{ ...reading, value: Infinity }], pageDate: null },
      /readings\.0\.value/,
    ],
    ['readings that are not a list', { readings: 'all', pageDate: null }, /readings/],
  ])('refuses %s and names where', async (_name, payload, where) => {
    const h = handlers();
    const { outcome, reply } = await dispatch(
      { channel: CHANNEL, type: 'compare', payload },
      contentScript,
      h,
    );
    expect(reply?.ok).toBe(false);
    expect(!reply?.ok && reply?.error).toMatch(where);
    expect(outcome.action === 'reply' && outcome.refused).toMatch(/refused/);
    expect(h.compare).not.toHaveBeenCalled();
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
      'page:figures': vi.fn(async () => ({ host: 'a', enabled: true, pageDate: null, figures: [] })),
    };
    const msg = { channel: CHANNEL, type: 'page:figures', payload: null };
    const fromContent = dispatchMessage(contentProtocol, serve, msg, contentScript, self);
    expect(fromContent.action === 'reply' && (await fromContent.reply)).toMatchObject({ ok: false });
    const fromPopup = dispatchMessage(contentProtocol, serve, msg, popup, self);
    expect(fromPopup.action === 'reply' && (await fromPopup.reply)).toMatchObject({ ok: true });
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
    expectTypeOf(sendToBackground<'compare'>).returns.resolves.toEqualTypeOf<Reply<Comparison[]>>();
    expectTypeOf(sendToBackground<'compare'>).parameters.toEqualTypeOf<
      ['compare', { readings: Reading[]; pageDate: string | null }]
    >();
  });
});
