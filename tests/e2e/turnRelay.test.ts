import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login, loginPage } from '../support/auth.ts';
import { launchChromium, newKiosk } from '../support/chromium.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { TurnServer } from '../support/turnServer.ts';

const SECRET = 'a-static-auth-secret-for-the-test';

/**
 * A meeting room behind a firewall that lets out only the relay: its kiosk's media go through a
 * real coturn with the time-limited credentials the platform issues. The technical check tests
 * that path on demand (relay only) and shows which path the media took.
 */
describe('media through the TURN relay (one browser, Debian coturn)', () => {
  let turn: TurnServer;
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    turn = await TurnServer.start(SECRET);
    platform = await startTestPlatform({
      TURN_URLS: `turn:127.0.0.1:${turn.port}?transport=udp,turn:127.0.0.1:${turn.port}?transport=tcp`,
      TURN_SECRET: SECRET,
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await turn?.stop();
  });

  async function checkPage(): Promise<Page> {
    const context = await newKiosk(browser, platform.url);
    const page = await context.newPage();
    await loginPage(page, '15991');
    await page.goto('/check');
    return page;
  }

  const framesDecoded = async (page: Page) => Number(await page.getByTestId('frames-decoded').textContent());

  it('sends the camera through coturn and decodes it when it comes back relayed', async () => {
    const page = await checkPage();
    await page.getByRole('button', { name: 'Kiểm tra qua máy chủ chuyển tiếp' }).click();
    await expect.poll(() => framesDecoded(page), { timeout: 30_000 }).toBeGreaterThan(30);
    expect(await page.getByTestId('connection-path').getAttribute('data-path')).toBe('relay');
    expect(await page.getByTestId('connection-path').textContent()).toBe('Qua máy chủ chuyển tiếp (TURN)');
    // coturn allocated relays for this account, with the credentials the platform issued.
    const cookie = await login(platform.url, '15991');
    const { userId } = (await callApi(platform.url, cookie, 'GET', '/api/auth/me')).body.identity;
    expect(turn.output).toMatch(new RegExp(`user <\\d+:${userId}>.*ALLOCATE processed, success`));
    await page.context().close();
  }, 60_000);

  it('takes the direct path when the network allows it', async () => {
    // The check the page starts by itself.
    const page = await checkPage();
    await expect.poll(() => framesDecoded(page), { timeout: 30_000 }).toBeGreaterThan(30);
    expect(await page.getByTestId('connection-path').getAttribute('data-path')).toBe('udp');
    await page.context().close();
  }, 60_000);
});
