/**
 * The popup's behaviour: ask the background for its status and the tab for its figures, render both, and
 * drive the site switch. Extension APIs come in as `deps` (entrypoints/popup/main.ts wires the real ones).
 */
import type { PageFigures, Reply, Status } from '../protocol/index.ts';
import { buildShell, renderPage, renderStatus, renderSwitch, type PopupElements } from './popup-render.ts';
import { pageView, statusView, type PageView } from './popup-view.ts';
import { saveSection, type SaveDeps } from './popup-save.ts';

export interface PopupDeps {
  getStatus: () => Promise<Reply<Status>>;
  /** Ask the active tab's content script for its figures. */
  getPage: () => Promise<Reply<PageFigures>>;
  setSiteEnabled: (host: string, enabled: boolean) => Promise<void>;
  /** Opens the options page (the library) as the browser prefers: an existing tab is reused. */
  openLibrary?: () => void;
  /** "Save this page to my library"; `startNow`: the popup was opened to save (the hover card's link). */
  save?: SaveDeps & { startNow: boolean };
  /** A content script that does not answer within this time counts as absent. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function withTimeout<T>(work: Promise<Reply<T>>, ms: number, what: string): Promise<Reply<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Reply<T>>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `${what} did not answer within ${ms / 1000} s` }),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Popup {
  elements: PopupElements;
  /** Settles once the status and the page have both been shown. */
  ready: Promise<void>;
}

export function startPopup(root: HTMLElement, deps: PopupDeps): Popup {
  const timeoutMs = deps.timeoutMs ?? 4_000;
  const sleep = deps.sleep ?? defaultSleep;
  const elements = buildShell(root.ownerDocument, root);
  const save = deps.save ? saveSection(root.ownerDocument, deps.save) : null;
  if (save) root.insertBefore(save.element, elements.page);
  let current: PageView = { kind: 'loading' };

  const show = (view: PageView) => {
    current = view;
    renderPage(elements.page, view);
    renderSwitch(elements, view);
  };
  show(current);

  const askPage = async () => pageView(await withTimeout(deps.getPage(), timeoutMs, 'The page'));

  const status = (async () => {
    renderStatus(
      elements.status,
      statusView(await withTimeout(deps.getStatus(), timeoutMs, 'The claim database')),
    );
  })();
  const page = (async () => {
    const reply = await withTimeout(deps.getPage(), timeoutMs, 'The page');
    show(pageView(reply));
    if (!save) return;
    await save.setPage(reply.ok ? reply.value.url : null);
    if (reply.ok && deps.save?.startNow) await save.start();
  })();

  const { openLibrary } = deps;
  if (openLibrary) {
    elements.library.addEventListener('click', (e) => {
      e.preventDefault();
      openLibrary();
    });
  }

  elements.siteSwitch.addEventListener('change', () => {
    const host = 'host' in current ? current.host : null;
    if (host === null) return;
    const enabled = elements.siteSwitch.checked;
    elements.siteSwitch.disabled = true;
    void (async () => {
      try {
        await deps.setSiteEnabled(host, enabled);
      } catch {
        show(current);
        return;
      }
      if (!enabled) {
        show({ kind: 'disabled', host });
        return;
      }
      show({ kind: 'loading' });
      // The content script highlights again after it sees the storage change: ask until it says it is on.
      let view = await askPage();
      for (let tries = 0; view.kind === 'disabled' && tries < 10; tries++) {
        await sleep(150);
        view = await askPage();
      }
      show(view);
    })();
  });

  return { elements, ready: Promise.all([status, page]).then(() => undefined) };
}
