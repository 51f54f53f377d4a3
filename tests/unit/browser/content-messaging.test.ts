import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground, serveGuarded } from '../../../lib/browser/content-messaging.ts';
import {
  CHANNEL,
  contentGuards,
  contentProtocol,
  dispatchGuarded,
  readOwnReply,
  type BackgroundProtocol,
  type ContentProtocol,
  type Handlers,
  type SenderInfo,
} from '../../../lib/protocol/index.ts';

// The content script checks what reaches it without valibot (bundle size: docs/decisions.md); it must refuse
// what the schema-checked side refuses.
const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const popup: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const background: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/background.js' };
const contentScript: SenderInfo = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 } };
const otherExtension: SenderInfo = { id: 'other', url: 'chrome-extension://other/page.html' };
const webPage: SenderInfo = { url: 'https://evil.example/', tab: { id: 3 } };

function handlers(): Handlers<ContentProtocol> {
  return {
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
}

async function outcome(msg: unknown, sender: SenderInfo, h = handlers()) {
  const d = dispatchGuarded(contentGuards, h, msg, sender, self);
  return d.action === 'reply' ? { ...d, reply: await d.reply } : d;
}

describe('dispatchGuarded (the content script)', () => {
  test('accepts each request from the same senders as the schema-checked protocol', () => {
    for (const type of Object.keys(contentProtocol) as (keyof ContentProtocol)[]) {
      expect(contentGuards[type].from).toEqual(contentProtocol[type].from);
    }
    expect(Object.keys(contentGuards).sort()).toEqual(Object.keys(contentProtocol).sort());
  });

  test.each([
    ['page:figures', popup],
    ['claims:changed', background],
  ])('answers %s from our extension', async (type, sender) => {
    const h = handlers();
    const result = await outcome({ channel: CHANNEL, type, payload: null }, sender, h);
    expect(result).toMatchObject({ action: 'reply', reply: { ok: true }, refused: null });
    expect(h[type as keyof ContentProtocol]).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['another extension', otherExtension, /not this extension/],
    ['a web page', webPage, /not this extension/],
    ['a content script', contentScript, /not accepted from a content-script/],
  ])('refuses page:figures from %s without running the handler', async (_name, sender, why) => {
    const h = handlers();
    const result = await outcome({ channel: CHANNEL, type: 'page:figures', payload: null }, sender, h);
    expect(result).toMatchObject({
      action: 'reply',
      reply: { ok: false },
      refused: expect.stringMatching(why),
    });
    expect(h['page:figures']).not.toHaveBeenCalled();
  });

  test.each([5, {}, 'x', undefined])('refuses a payload %j where none belongs', async (payload) => {
    const h = handlers();
    const result = await outcome({ channel: CHANNEL, type: 'page:figures', payload }, popup, h);
    expect(result).toMatchObject({ refused: '"page:figures" refused: bad payload' });
    expect(h['page:figures']).not.toHaveBeenCalled();
  });

  test.each([
    ['not an object', 'page:figures'],
    ['another channel', { channel: 'other', type: 'page:figures', payload: null }],
    ['a type that is not text', { channel: CHANNEL, type: 5, payload: null }],
    ['an absurd type', { channel: CHANNEL, type: 'x'.repeat(101), payload: null }],
  ])('ignores %s as not ours', async (_name, msg) => {
    expect(await outcome(msg, popup)).toEqual({
      action: 'ignore',
      reason: 'not a Figure Check message',
      ours: false,
    });
  });

  test('leaves a request it does not serve to other listeners of ours', async () => {
    expect(await outcome({ channel: CHANNEL, type: 'status', payload: null }, popup)).toMatchObject({
      action: 'ignore',
      ours: true,
    });
  });
});

describe('readOwnReply', () => {
  test.each([
    ['nothing', undefined, /^no answer$/],
    ['a bare value', [1, 2], /malformed reply to "figures:read"/],
    ['an error without text', { ok: false, error: 5 }, /malformed reply/],
    ['an error reply', { ok: false, error: 'busy' }, /^busy$/],
  ])('turns %s into an error', (_name, raw, message) => {
    const reply = readOwnReply<BackgroundProtocol, 'figures:read'>('figures:read', raw);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(message);
  });

  test('passes a value through', () => {
    const value = [[], []];
    expect(readOwnReply<BackgroundProtocol, 'figures:read'>('figures:read', { ok: true, value })).toEqual({
      ok: true,
      value,
    });
  });
});

describe('content-script adapters', () => {
  beforeEach(() => fakeBrowser.reset());

  test('serveGuarded answers our popup, refuses a web page (logged), and stops when asked', async () => {
    const log = vi.fn();
    const stop = serveGuarded(contentGuards, handlers(), { log });
    const ask = (sender: object) =>
      new Promise((resolve) =>
        fakeBrowser.runtime.onMessage.trigger(
          { channel: CHANNEL, type: 'page:figures', payload: null },
          sender,
          resolve,
        ),
      );
    expect(
      await ask({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }),
    ).toMatchObject({ ok: true, value: { host: 'a' } });
    expect(await ask({ url: 'https://evil.example/', tab: { id: 1 } })).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/"page:figures" refused/));
    stop();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });

  test('askBackground passes the background answer through and reports an unreachable one', async () => {
    expect(await askBackground('status')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/background unreachable/),
    });
    fakeBrowser.runtime.onMessage.addListener((_msg, _sender, sendResponse) => {
      (sendResponse as (r: unknown) => void)({ ok: false, error: 'database on fire' });
      return true;
    });
    expect(await askBackground('status')).toEqual({ ok: false, error: 'database on fire' });
  });
});
