import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../setup/globalSetup.ts';
import { loginPage } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { launchChromium, newKiosk } from '../support/chromium.ts';
import { homeTrustingCa } from '../support/nssTrust.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/*
 * A meeting room opens the platform by a name that is not localhost, as every kiosk on the network
 * does: Chromium maps meet.thanhhoa.test to 127.0.0.1 (traffic stays on loopback), and the page's
 * origin is that name. Over https, with the platform's own CA trusted in Chromium's NSS database
 * (no certificate error is ignored), the camera works and media flow; over plain http the browser
 * withholds the camera and the page says why.
 */
const NAME = 'meet.thanhhoa.test';
const resolverRules = `--host-resolver-rules=MAP ${NAME} 127.0.0.1`;
const framesDecoded = async (page: Page) => Number(await page.getByTestId('frames-decoded').textContent());

describe('a kiosk over https with the platform’s own CA (one browser)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-https-kiosk-'));
  let platform: TestPlatform;
  let browser: Browser;
  let trust: { home: string; remove: () => void };
  let redirectPort: number;

  beforeAll(async () => {
    redirectPort = await freePort();
    platform = await startTestPlatform({
      PM_DATA_DIR: dataDir,
      TLS_LOCAL_CA: 'true',
      TLS_NAMES: NAME,
      HTTP_REDIRECT_PORT: String(redirectPort),
    });
    trust = homeTrustingCa(platform.localCa!.caPem);
    browser = await launchChromium({ extraArgs: [resolverRules], env: { HOME: trust.home } });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    trust?.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('trusts the certificate, sends the camera over wss to the SFU and decodes it when it comes back', async () => {
    const origin = platform.url.replace('127.0.0.1', NAME);
    const context = await newKiosk(browser, origin);
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    // Typed as a person would: the name on the plain port lands on the https page. First thing: once
    // the page has sent HSTS, Chromium itself turns http://meet… into https://meet… on the same port.
    await page.goto(`http://${NAME}:${redirectPort}/check`);
    expect(page.url()).toBe(`${origin}/check`);
    await loginPage(page, '15991');
    await page.goto('/check');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kiểm tra kỹ thuật');
    expect(await page.getByTestId('insecure-page').count()).toBe(0);
    await expect.poll(() => framesDecoded(page), { timeout: 20_000 }).toBeGreaterThan(30);
    for (const step of ['devices', 'server', 'media']) {
      expect(await page.getByTestId(`step-${step}`).getAttribute('data-state')).toBe('ok');
    }
    expect(sockets.some((url) => url.startsWith(`wss://${NAME}:${new URL(origin).port}/socket.io/`))).toBe(true);
    await context.close();
  });
});

describe('a kiosk over plain http under a network name (one browser)', () => {
  const suite = browserSuite({ chromium: { extraArgs: [resolverRules] } });

  it('gets no camera, and the check and meeting pages tell the room why, in Vietnamese and in English', async () => {
    const origin = suite.platform.url.replace('127.0.0.1', NAME);
    const context = await newKiosk(suite.browser, origin);
    const page = await context.newPage();
    await loginPage(page, '15991');
    await page.goto('/check');
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, devices: typeof navigator.mediaDevices }))).toEqual({
      secure: false,
      devices: 'undefined',
    });
    await expect.poll(() => page.getByTestId('insecure-page').textContent()).toMatch(/^Trang phải mở bằng https:\/\//);
    expect(await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).isDisabled()).toBe(true);

    await page.goto('/meeting/any-meeting');
    await expect.poll(() => page.getByTestId('insecure-page').textContent()).toMatch(/^Trang phải mở bằng https:\/\//);
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('insecure-page').textContent()).toMatch(/^The page must be opened over https:\/\//);
    await context.close();
  });
});
