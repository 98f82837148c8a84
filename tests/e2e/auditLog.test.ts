import { describe, expect, it } from 'vitest';
import { callApi, loginPage } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { newKiosk } from '../support/chromium.ts';

describe('the administrator reads the audit log (browser)', () => {
  const suite = browserSuite();

  it('finds a failed sign-in by action, in Vietnamese, and offers the same search as CSV', async () => {
    await callApi(suite.platform.url, undefined, 'POST', '/api/auth/login', { username: 'nguoi-la', password: 'sai' });
    const page = await (await newKiosk(suite.browser, suite.platform.url)).newPage();
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
