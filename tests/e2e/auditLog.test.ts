import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, loginPage } from '../support/auth.ts';
import { launchChromium, newKiosk } from '../support/chromium.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

describe('the administrator reads the audit log (browser)', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('finds a failed sign-in by action, in Vietnamese, and offers the same search as CSV', async () => {
    await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'nguoi-la', password: 'sai' });
    const page = await (await newKiosk(browser, platform.url)).newPage();
    await loginPage(page, 'admin');
    await page.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
    await page.getByLabel('Hành động').selectOption({ label: 'Đăng nhập thất bại' });
    await page.getByRole('button', { name: 'Tìm' }).click();
    const rows = page.getByTestId('audit-entries').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('nguoi-la');
    expect(await page.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href')).toBe('/api/audit.csv?action=auth.signInFailed');
  });
});
