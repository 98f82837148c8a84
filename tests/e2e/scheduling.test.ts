import path from 'node:path';
import type { SiteGroup } from '@pm/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, login, loginPage } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { artefactDir, newKiosk } from '../support/chromium.ts';

const TITLE = 'Hội nghị trực tuyến triển khai kế hoạch phòng chống thiên tai';

describe('the secretariat schedules a meeting; invited sites see it, others do not (browser)', () => {
  const suite = browserSuite();
  let meetingId: string;

  const signedIn = async (username: string): Promise<Page> => {
    const page = await (await newKiosk(suite.browser, suite.platform.url)).newPage();
    await loginPage(page, username);
    return page;
  };
  const cardOf = (page: Page) => page.getByTestId('meeting-card').filter({ hasText: TITLE });

  it('schedules for the mountain communes and for all wards, one click each, plus two rooms picked by hand', async () => {
    const { groups } = (await callApi(suite.platform.url, await login(suite.platform.url, 'vanphong'), 'GET', '/api/site-groups')).body as { groups: SiteGroup[] };
    const sizeOf = (code: string) => groups.find((group) => group.code === code)!.siteIds.length;
    const [mountains, wards] = [sizeOf('MIEN-NUI'), sizeOf('TAT-CA-PHUONG')];
    expect(mountains).toBeGreaterThan(70);
    expect(wards).toBe(38);

    const page = await signedIn('vanphong');
    await page.getByRole('link', { name: 'Tạo cuộc họp' }).click();
    await page.getByLabel('Tên cuộc họp').fill(TITLE);
    // Leaving with unsaved changes asks first, in the app's own words: "Hủy", the header's link
    // and the browser's back button alike; staying keeps everything typed, on the same screen.
    const question = page.getByTestId('leave-guard');
    const leaveAttempts: Array<[string, () => Promise<unknown>]> = [
      ['cancel', () => page.getByTestId('editor-cancel').click()],
      ['header', () => page.locator('.app__title').click()],
      ['back', () => page.goBack()],
    ];
    for (const [how, leave] of leaveAttempts) {
      await leave();
      await question.waitFor({ timeout: 5000 });
      expect({ how, question: await question.locator('#leave-guard-question').textContent() }).toEqual({
        how,
        question: 'Các thay đổi chưa được lưu. Rời khỏi trang này sẽ mất các thay đổi đó.',
      });
      if (how === 'cancel') await page.screenshot({ path: path.join(artefactDir(), 'editor-leave-question.png') });
      await page.getByTestId('leave-guard-stay').click();
      await question.waitFor({ state: 'detached' });
      expect({ how, path: new URL(page.url()).pathname, title: await page.getByLabel('Tên cuộc họp').inputValue() }).toEqual({
        how,
        path: '/secretariat/meetings/new',
        title: TITLE,
      });
    }
    await page.getByLabel('Loại cuộc họp').selectOption({ label: 'Chuyên đề' });
    await page.getByLabel('Chủ trì').selectOption({ label: 'Chủ tịch UBND tỉnh' });
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    await page.getByLabel('Nội dung').fill('Triển khai kế hoạch năm 2027');
    await page.getByLabel('Số phút').fill('45');

    await page.getByRole('button', { name: `Các xã miền núi (${mountains})` }).click();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe(String(mountains));
    await page.getByRole('button', { name: `Tất cả các phường (${wards})` }).click();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe(String(mountains + wards));
    for (const room of ['Phòng họp Sở Y tế', 'Hội trường UBND xã Hoằng Tiến']) {
      await page.getByLabel('Tìm điểm cầu').fill(room);
      await page.getByRole('checkbox', { name: room }).check();
    }
    const invited = mountains + wards + 2;
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe(String(invited));

    await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    expect(await page.getByTestId('editor-saved').textContent()).toBe(`Đã tạo cuộc họp: ${TITLE}`);
    await page.getByRole('link', { name: 'Về danh sách cuộc họp' }).click();
    await cardOf(page).waitFor();
    expect(await cardOf(page).textContent()).toContain(`${invited} điểm cầu`);
    meetingId = (await cardOf(page).getAttribute('data-meeting-id'))!;
    expect(meetingId).toBeTruthy();
    await page.context().close();
  });

  it('makes a group of its own on the groups page, then schedules a meeting for it in one click', async () => {
    const page = await signedIn('vanphong');
    await page.getByRole('link', { name: 'Nhóm điểm cầu' }).click();
    await page.getByRole('button', { name: 'Tạo nhóm mới' }).click();
    const form = page.getByRole('form', { name: 'Tạo nhóm mới' });
    await form.getByLabel('Mã nhóm').fill('TO-DE-DIEU');
    await form.getByLabel('Tên nhóm').fill('Tổ công tác đê điều');
    const rooms = ['Phòng họp Sở Nông nghiệp và Môi trường', 'Hội trường UBND xã Hoằng Hóa', 'Hội trường UBND xã Hoằng Tiến'];
    for (const room of rooms) {
      await form.getByLabel('Tìm điểm cầu').fill(room);
      await form.getByRole('checkbox', { name: new RegExp(`^${room} —`) }).check();
    }
    await expect.poll(() => form.getByTestId('selected-count').textContent()).toBe('3');
    await form.getByRole('button', { name: 'Lưu nhóm' }).click();
    const row = page.locator('tr[data-group="TO-DE-DIEU"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['Tổ công tác đê điều', expect.any(String), '3', expect.any(String)]);

    await page.goto('/secretariat/meetings/new');
    await page.getByLabel('Tên cuộc họp').fill('Kiểm tra đê điều trước mùa lũ');
    await page.getByLabel('Chủ trì').selectOption({ label: 'Chủ tịch UBND tỉnh' });
    await page.getByRole('button', { name: 'Tổ công tác đê điều (3)' }).click();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe('3');
    await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    expect(await page.getByTestId('editor-saved').textContent()).toBe('Đã tạo cuộc họp: Kiểm tra đê điều trước mùa lũ');
    const saved = await suite.platform.db.prisma.meeting.findFirstOrThrow({
      where: { title: 'Kiểm tra đê điều trước mùa lũ' },
      include: { invitations: { include: { site: { select: { name: true } } } } },
    });
    expect(saved.invitations.map((invitation) => invitation.site.name).sort()).toEqual([...rooms].sort());
    await page.context().close();
  });

  it('shows the meeting, with a countdown and the way in, on an invited site’s home screen', async () => {
    for (const site of ['15991', 'so-yte']) {
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
    const page = await signedIn('15991');
    await cardOf(page).waitFor();
    const secretariat = await login(suite.platform.url, 'vanphong');
    const cancelled = await callApi(suite.platform.url, secretariat, 'POST', `/api/meetings/${meetingId}/cancel`, { reason: 'Lùi sang tuần sau' });
    expect(cancelled.status).toBe(200);
    await cardOf(page).getByTestId('meeting-cancelled').waitFor({ timeout: 10_000 });
    expect(await cardOf(page).getByTestId('meeting-cancelled').textContent()).toBe('Đã hủy: Lùi sang tuần sau');
    await page.context().close();
  });
});
