import { describe, expect, it } from 'vitest';
import { healthReportSchema } from '@pm/shared';
import { loginPage } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { newKiosk } from '../support/chromium.ts';

describe('technical check of a meeting room (one browser)', () => {
  const suite = browserSuite();

  it('reports every component healthy, with a live mediasoup worker', async () => {
    const response = await fetch(`${suite.platform.url}/healthz`);
    expect(response.status).toBe(200);
    const report = healthReportSchema.parse(await response.json());
    expect(report.components.map((c) => c.name)).toEqual(
      expect.arrayContaining(['database', 'redis', 'mediasoup-worker-0']),
    );
    expect(report.components.every((c) => c.ok)).toBe(true);
  });

  it('starts by itself, sends the fake camera to the SFU and decodes it when it comes back', async () => {
    const context = await newKiosk(suite.browser, suite.platform.url);
    const page = await context.newPage();
    await loginPage(page, '15991');
    await page.goto('/check');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kiểm tra kỹ thuật');
    // Nobody presses a button: the check runs as the page opens.

    await expect
      .poll(async () => Number(await page.getByTestId('frames-decoded').textContent()), { timeout: 20_000 })
      .toBeGreaterThan(30);
    for (const step of ['devices', 'server', 'media']) {
      expect(await page.getByTestId(`step-${step}`).getAttribute('data-state')).toBe('ok');
    }
    // The returned <video> is really playing what the SFU sent back.
    const playing = await page.getByTestId('returned-video').evaluate((v: HTMLVideoElement) => ({
      width: v.videoWidth,
      frames: v.getVideoPlaybackQuality().totalVideoFrames,
    }));
    expect(playing.width).toBeGreaterThan(0);
    expect(playing.frames).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('sẵn sàng');
    await context.close();
  });

  it('switches the interface to English and keeps the choice', async () => {
    const context = await newKiosk(suite.browser, suite.platform.url);
    const page = await context.newPage();
    await loginPage(page, '15991');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Meeting room');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Meeting room');
    await context.close();
  });
});
