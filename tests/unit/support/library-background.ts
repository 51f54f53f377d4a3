/**
 * An extension page's view of the background, without a browser: a real ClaimService over fake-indexeddb,
 * reached through the protocol's own checks (sender, payload, reply), as the options page reaches it.
 */
import { ClaimService } from '../../../lib/db/claim-service.ts';
import {
  backgroundProtocol,
  dispatchMessage,
  makeMessage,
  readReply,
  type BackgroundProtocol,
  type Handlers,
} from '../../../lib/protocol/index.ts';
import type { LibraryFile } from '../../../lib/library/library-file.ts';
import { pageDateOf } from '../../../lib/dom/page-date.ts';
import type { SendToBackground } from '../../../lib/ui/options-deps.ts';

export const SEED_TEXT = 'The mayor of Mariupol said nearly 5,000 people had been killed in the city.';

export function seedBundle(): LibraryFile {
  const start = SEED_TEXT.indexOf('nearly 5,000');
  const seed = {
    id: 'seed-voi',
    title: 'Mariupol under siege',
    publisher: 'VOI (Jakarta)',
    date: '2022-03-29',
    url: null,
  };
  return {
    claims: [
      {
        id: 'seed-voi#1',
        text: 'nearly 5,000',
        start,
        end: start + 12,
        value: 5000,
        low: 4500,
        high: 5000,
        qualifier: 'nearly',
        metric: 'killed',
        subject: 'people',
        place: 'Mariupol',
        period: 'cumulative',
        asOf: '2022-03-29',
        source: 'Mariupol mayor',
        modality: 'reported',
        quote: SEED_TEXT,
        document: seed,
      },
    ],
    documents: [{ ...seed, text: SEED_TEXT }],
  };
}

export function backgroundFor(service: ClaimService): {
  send: SendToBackground;
  handlers: Handlers<BackgroundProtocol>;
} {
  const handlers: Handlers<BackgroundProtocol> = {
    'figures:read': (r) => service.read(r),
    'page:date': async (sources) => pageDateOf(sources),
    status: () => service.status(),
    'claims:list': () => service.listClaims(),
    'documents:list': () => service.listDocuments(),
    'documents:get': ({ id }) => service.getDocument(id),
    'claims:preview': (input) => service.preview(input),
    'documents:add': (request) => service.addDocument(request),
    'documents:remove': ({ id }) => service.removeDocument(id),
    'documents:open': async () => null,
    'documents:saved': ({ url }) => service.savedPage(url),
    'page:save': async () => null,
    'database:export': () => service.exportLibrary(),
    'database:import': ({ text }) => service.importLibrary(text),
  };
  const self = { id: 'ext', origin: 'chrome-extension://ext/' };
  const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
  const send: SendToBackground = async (type, ...args) => {
    const outcome = dispatchMessage(
      backgroundProtocol,
      handlers,
      makeMessage<BackgroundProtocol, typeof type>(type, ...args),
      page,
      self,
    );
    if (outcome.action === 'ignore') return { ok: false, error: outcome.reason };
    // As over real messaging: the reply crosses as JSON.
    return readReply(backgroundProtocol, type, JSON.parse(JSON.stringify(await outcome.reply)));
  };
  return { send, handlers };
}
