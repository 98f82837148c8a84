import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginPage } from '../support/auth.ts';
import { artefactDir, launchChromium, newKiosk } from '../support/chromium.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const DAY = 86_400_000;
/** A day in Vietnam, `days` from today: as the date field takes it (YYYY-MM-DD) and as the screen writes it (DD/MM/YYYY). */
const day = (days: number) => {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
  return { iso, shown: iso.split('-').reverse().join('/') };
};

/**
 * The secretariat reorganises the directory on its screen: renames a commune by decision from a day
 * five days ago, merges it into its neighbour from two days ago, moves a room in the room's own
 * form, and reads each unit's history as it goes.
 */
describe('the reorganise panel and the units’ history (browser)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    platform = await startTestPlatform();
    browser = await launchChromium();
    page = await (await newKiosk(browser, platform.url)).newPage();
    await loginPage(page, 'vanphong');
    await page.getByRole('link', { name: 'Danh bạ điểm cầu' }).click();
    await page.getByRole('heading', { name: 'Danh bạ điểm cầu' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const chooseUnit = (name: string) => page.getByRole('button', { name: new RegExp(`^${name} \\d+$`) }).click();
  const history = () => page.getByTestId('unit-history').locator('li').allTextContents();

  it('renames a commune from a past day, then merges it, and shows both in its history', async () => {
    await chooseUnit('Xã Hoằng Tiến');
    await page.getByText('Chưa có lần sắp xếp nào.').waitFor();
    const panel = page.getByRole('region', { name: 'Sắp xếp đơn vị theo quyết định' });
    await panel.getByLabel('Có hiệu lực từ ngày').fill(day(-5).iso);
    await panel.getByLabel('Tên mới').fill('Xã Hoằng Tiến Mới');
    await panel.getByRole('button', { name: 'Đổi tên' }).click();
    await panel.getByRole('status').filter({ hasText: 'Đã đổi tên.' }).waitFor();
    await expect.poll(history).toEqual([`${day(-5).shown} — Đổi tên: Xã Hoằng Tiến → Xã Hoằng Tiến Mới`]);

    await panel.getByLabel('Có hiệu lực từ ngày').fill(day(-2).iso);
    await panel.getByLabel('Sáp nhập vào').selectOption({ label: 'Xã Hoằng Hóa' });
    await panel.getByRole('button', { name: 'Sáp nhập', exact: true }).click();
    await expect
      .poll(history)
      .toEqual([`${day(-5).shown} — Đổi tên: Xã Hoằng Tiến → Xã Hoằng Tiến Mới`, `${day(-2).shown} — Sáp nhập vào Xã Hoằng Hóa`]);
    // A merged unit is reorganised no more.
    expect(await page.getByRole('region', { name: 'Sắp xếp đơn vị theo quyết định' }).count()).toBe(0);
    await page.screenshot({ path: path.join(artefactDir(), 'unit-history-merged.png'), fullPage: true });

    await chooseUnit('Xã Hoằng Hóa');
    await expect.poll(history).toEqual([`${day(-2).shown} — Tiếp nhận đơn vị sáp nhập: Xã Hoằng Tiến Mới`]);
    const merged = await platform.db.prisma.unit.findUniqueOrThrow({ where: { code: '15991' }, include: { sites: true } });
    expect(merged).toMatchObject({ name: 'Xã Hoằng Tiến Mới', disabled: true, sites: [] });
  });

  it('moves a room to another unit from its edit form, from the day chosen, and both units’ histories say so', async () => {
    await chooseUnit('Xã Hoằng Hóa');
    await page.getByRole('button', { name: 'Sửa: Phòng họp số 2 UBND xã Hoằng Hóa' }).click();
    const form = page.getByRole('form', { name: 'Sửa: Phòng họp số 2 UBND xã Hoằng Hóa' });
    await form.getByLabel('Đơn vị').selectOption({ label: 'Xã Hoằng Sơn' });
    await form.getByRole('note').filter({ hasText: 'Chuyển điểm cầu sang đơn vị khác là một lần sắp xếp' }).waitFor();
    await form.getByTestId('site-move-effective').fill(day(-1).iso);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });

    await expect.poll(history).toContain(`${day(-1).shown} — Điểm cầu chuyển đi: Phòng họp số 2 UBND xã Hoằng Hóa (sang Xã Hoằng Sơn)`);
    await chooseUnit('Xã Hoằng Sơn');
    await expect.poll(history).toEqual([`${day(-1).shown} — Điểm cầu chuyển đến: Phòng họp số 2 UBND xã Hoằng Hóa (từ Xã Hoằng Hóa)`]);
    await page.screenshot({ path: path.join(artefactDir(), 'unit-history-room-moved.png'), fullPage: true });
    const room = await platform.db.prisma.site.findUniqueOrThrow({ where: { code: '15865-2' }, include: { unit: true, history: true } });
    expect(room.unit.name).toBe('Xã Hoằng Sơn');
    expect(room.history.map((past) => past.until.toISOString().slice(0, 10))).toEqual([day(-1).iso]);
  });
});
