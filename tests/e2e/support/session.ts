/**
 * The usual set-up of an end-to-end file: the fixture server, one browser with the built extension, and a
 * first tab, started before the tests of the enclosing `describe` and closed after them, whatever fails.
 */
import { afterAll, beforeAll } from 'vitest';
import { serveFixtures, type FixtureServer } from '../../../scripts/serve.ts';
import { launch, type BrowserName, type LaunchOptions, type TestBrowser, type TestPage } from './browser.ts';

export interface Session {
  readonly server: FixtureServer;
  readonly browser: TestBrowser;
  /** A tab opened at the start (about:blank). */
  readonly page: TestPage;
}

export interface SessionOptions extends LaunchOptions {
  /** The pages to serve (default: the fixture pages). */
  serve?: () => Promise<FixtureServer>;
}

/** Call inside a `describe`: the returned session's fields are there from the first test on. */
export function useSession(name: BrowserName, options: SessionOptions = {}): Session {
  let server: FixtureServer | undefined;
  let browser: TestBrowser | undefined;
  let page: TestPage | undefined;
  beforeAll(async () => {
    const { serve = serveFixtures, ...launchOptions } = options;
    server = await serve();
    browser = await launch(name, launchOptions); // afterAll closes both, whatever fails here
    page = await browser.newPage();
  });
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} did not start (see the error in beforeAll)`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'fixture server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get page() {
      return ready(page, 'first tab');
    },
  };
}
