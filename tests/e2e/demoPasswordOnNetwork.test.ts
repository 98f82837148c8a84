import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loginPage } from '../support/auth.ts';
import { artefactDir, launchChromium, newKiosk } from '../support/chromium.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/** A node on the network seeded with SEED_DEMO=true: a demo account sees only the password page until it changes it. */
describe('a demo account on a node reachable from the network (browser)', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform({ HOST: '0.0.0.0', TLS_LOCAL_CA: 'false', SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows nothing but the password page until the published password is changed, then the screen asked for', async () => {
    const page = await (await newKiosk(browser, platform.url)).newPage();
    await loginPage(page, 'vanphong');
    await page.getByTestId('password-change-required').waitFor();
    await page.screenshot({ path: path.join(artefactDir(), 'password-change-required.png'), fullPage: true });

    await page.goto('/secretariat/directory');
    await page.getByTestId('password-change-required').waitFor();
    expect(await page.getByRole('heading', { name: 'Danh bạ điểm cầu' }).count()).toBe(0);

    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới').fill('VanPhong2027');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Danh bạ điểm cầu' }).waitFor();
    expect(await page.getByTestId('password-change-required').count()).toBe(0);
    expect(await platform.db.prisma.user.findUniqueOrThrow({ where: { username: 'vanphong' } })).toMatchObject({ passwordPublished: false });
  });
});
