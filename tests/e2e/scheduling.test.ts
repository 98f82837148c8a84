import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login, loginPage } from '../support/auth.ts';
import { launchChromium, newKiosk } from '../support/chromium.ts';
import { idsByCode } from '../support/directory.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const TITLE = 'Hội nghị trực tuyến triển khai kế hoạch phòng chống thiên tai';

describe('the secretariat schedules a meeting; invited sites see it, others do not (browser)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let meetingId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const page = await (await newKiosk(browser, platform.url)).newPage();
    await loginPage(page, username);
    return page;
  };
  const cardOf = (page: Page) => page.getByTestId('meeting-card').filter({ hasText: TITLE });

  it('schedules with all communes of one district plus two departments', async () => {
    const communes = await (await idsByCode(platform.db.prisma)).childSiteCodes('HUYEN-HOANGHOA');
    const page = await signedIn('vanphong');
    await page.getByRole('link', { name: 'Tạo cuộc họp' }).click();
    await page.getByLabel('Tên cuộc họp').fill(TITLE);
    // Cancelling with unsaved changes asks first; answering no keeps everything typed.
    const question = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.message()), void dialog.dismiss())));
    await page.getByTestId('editor-cancel').click();
    expect(await question).toBe('Các thay đổi chưa được lưu. Bỏ các thay đổi và quay lại?');
    expect(await page.getByLabel('Tên cuộc họp').inputValue()).toBe(TITLE);
    await page.getByLabel('Loại cuộc họp').selectOption({ label: 'Chuyên đề' });
    await page.getByLabel('Chủ trì').selectOption({ label: 'Chủ tịch UBND tỉnh' });
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    await page.getByLabel('Nội dung').fill('Triển khai kế hoạch năm 2027');
    await page.getByLabel('Số phút').fill('45');

    await page.getByRole('button', { name: 'Chọn các xã, phường của Huyện Hoằng Hóa' }).click();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe(String(communes.length));
    // A district's name finds its communes' rooms too, not only its hall.
    await page.getByLabel('Tìm điểm cầu').fill('hoang hoa');
    await page.getByRole('checkbox', { name: /Phòng họp UBND xã Hoằng Đạo/ }).waitFor();
    for (const department of ['Sở Y tế', 'Sở Tư pháp']) {
      await page.getByLabel('Tìm điểm cầu').fill(department);
      await page.getByRole('checkbox', { name: `Phòng họp ${department}` }).check();
    }
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe(String(communes.length + 2));

    await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    expect(await page.getByTestId('editor-saved').textContent()).toBe(`Đã tạo cuộc họp: ${TITLE}`);
    await page.getByRole('link', { name: 'Về danh sách cuộc họp' }).click();
    await cardOf(page).waitFor();
    expect(await cardOf(page).textContent()).toContain(`${communes.length + 2} điểm cầu`);
    meetingId = (await cardOf(page).getAttribute('data-meeting-id'))!;
    expect(meetingId).toBeTruthy();
    await page.context().close();
  });

  it('shows the meeting, with a countdown and the way in, on an invited site’s home screen', async () => {
    for (const site of ['xa-hoanghoa-hoangdao', 'so-yte']) {
      const page = await signedIn(site);
      const card = cardOf(page);
      await card.waitFor();
      expect(await card.getByTestId('countdown').textContent()).toMatch(/^Bắt đầu sau \d+/);
      expect(await card.getByRole('link', { name: 'Vào cuộc họp' }).getAttribute('href')).toBe(`/meeting/${meetingId}`);
      expect(await card.getByRole('link', { name: 'Kiểm tra thiết bị' }).getAttribute('href')).toBe('/check');
      await page.context().close();
    }
  });

  it('does not show it to a site that was not invited, which can open neither the meeting nor any admin screen', async () => {
    const page = await signedIn('tinh');
    await page.getByText('Chưa có cuộc họp nào sắp diễn ra.').waitFor();
    expect(await cardOf(page).count()).toBe(0);
    expect((await page.request.get(`/api/meetings/${meetingId}`)).status()).toBe(403);
    for (const path of ['/api/users', '/api/sites', `/api/meetings/${meetingId}/readiness`]) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
    for (const screen of ['/secretariat/directory', '/secretariat/meetings/new', '/admin/users', `/meetings/${meetingId}/readiness`]) {
      await page.goto(screen);
      await page.getByTestId('forbidden').waitFor();
    }
    await page.context().close();
  });

  it('shows a cancellation on the invited site’s screen as it happens', async () => {
    const page = await signedIn('xa-hoanghoa-hoangdao');
    await cardOf(page).waitFor();
    const secretariat = await login(platform.url, 'vanphong');
    const cancelled = await callApi(platform.url, secretariat, 'POST', `/api/meetings/${meetingId}/cancel`, { reason: 'Lùi sang tuần sau' });
    expect(cancelled.status).toBe(200);
    await cardOf(page).getByTestId('meeting-cancelled').waitFor({ timeout: 10_000 });
    expect(await cardOf(page).getByTestId('meeting-cancelled').textContent()).toBe('Đã hủy: Lùi sang tuần sau');
    await page.context().close();
  });
});
