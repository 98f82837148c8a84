import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startTestPlatform, type TestPlatform } from './platform.ts';

/** A browser test's platform node and Chromium, there from the describe block's first hook on. */
export interface BrowserSuite {
  readonly platform: TestPlatform;
  readonly browser: Browser;
}

/**
 * Starts a platform node (its own database) and a Chromium for the describe block that calls it,
 * and closes both after it: the browser first, so its pages leave the meeting before the node
 * stops. Its hooks are registered first, so the block's own beforeAll finds both running and its
 * own afterAll (vitest runs after-hooks in reverse) still has them.
 */
export function browserSuite(options: { env?: Record<string, string>; chromium?: Parameters<typeof launchChromium>[0] } = {}): BrowserSuite {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    platform = await startTestPlatform(options.env);
    browser = await launchChromium(options.chromium);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is started in beforeAll: read it inside a hook or a test`);
    return value;
  };
  return {
    get platform() {
      return started(platform, 'the platform');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
}
