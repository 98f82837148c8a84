import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { artefactDir } from '../support/chromium.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { ProtocolClient } from '../support/signallingClient.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';

/** Two secretaries write the minutes in their browsers: each keystroke pause saves, both see both. */
describe('minutes screen: autosave and two secretaries', () => {
  const suite = browserSuite();
  let meeting: MeetingFixture;
  const contexts: BrowserContext[] = [];

  async function pageFor(username: string): Promise<Page> {
    const context = await signedInKiosk(suite.browser, suite.platform.url, username);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/meetings/${meeting.meetingId}/minutes`);
    await page.getByTestId('minutes-live').waitFor();
    return page;
  }
  const entries = (page: Page) => page.getByTestId('minutes-entry');

  beforeAll(async () => {
    meeting = await createMeeting(suite.platform.db.prisma, {
      title: 'Giao ban công tác phòng chống lụt bão',
      siteCodes: ['SO-YTE', '15865'],
      agenda: ['Báo cáo tình hình mưa lũ', 'Phương án sơ tán dân'],
      unitCodes: ['SO-YTE', '15865', 'SO-TAICHINH'],
    });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('saves an entry as it is typed and keeps it across a reload', async () => {
    const page = await pageFor('vanphong');
    await page.getByTestId('current-agenda').selectOption('1');
    const composer = entries(page).last();
    await composer.locator('textarea').fill('Xã Hoằng Hóa báo cáo mưa lớn 250 mm.');
    await expect.poll(() => composer.getByTestId('entry-status').getAttribute('data-status')).toBe('saved');
    await page.getByTestId('new-entry').click();
    await entries(page).last().locator('textarea').fill('Đề nghị sơ tán 120 hộ dân ven biển.');
    await expect.poll(() => entries(page).last().getByTestId('entry-status').getAttribute('data-status')).toBe('saved');
    await page.screenshot({ path: path.join(artefactDir(), 'minutes.png'), fullPage: true });

    await page.reload();
    await page.getByTestId('minutes-live').waitFor();
    await expect.poll(() => page.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual([
      'Xã Hoằng Hóa báo cáo mưa lớn 250 mm.',
      'Đề nghị sơ tán 120 hộ dân ven biển.',
      '',
    ]);
    const saved = await suite.platform.db.prisma.minutesEntry.findMany({ where: { meetingId: meeting.meetingId }, orderBy: { at: 'asc' } });
    expect(saved.map((e) => [e.text, e.agendaPosition])).toEqual([
      ['Xã Hoằng Hóa báo cáo mưa lớn 250 mm.', 1],
      ['Đề nghị sơ tán 120 hộ dân ven biển.', 1],
    ]);
  });

  it('shows one secretary’s new entry to the other within seconds', async () => {
    const [first, second] = await Promise.all([pageFor('vanphong'), pageFor('admin')]);
    await entries(second).last().locator('textarea').fill('Thư ký thứ hai ghi: Sở Y tế chuẩn bị cơ số thuốc.');
    await expect.poll(() => entries(second).last().getByTestId('entry-status').getAttribute('data-status')).toBe('saved');
    await expect
      .poll(() => first.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)), { timeout: 15_000 })
      .toContain('Thư ký thứ hai ghi: Sở Y tế chuẩn bị cơ số thuốc.');

    // The second secretary corrects the first one's entry: the first sees who changed it, and when.
    const corrected = entries(second).first();
    expect(await corrected.getByTestId('entry-by').textContent()).toBe('Người ghi: Văn phòng UBND tỉnh (thư ký cuộc họp)');
    await corrected.locator('textarea').fill('Xã Hoằng Hóa báo cáo mưa lớn 280 mm.');
    await expect.poll(() => corrected.getByTestId('entry-status').getAttribute('data-status')).toBe('saved');
    const seen = entries(first).first();
    await expect.poll(() => seen.locator('textarea').inputValue(), { timeout: 15_000 }).toBe('Xã Hoằng Hóa báo cáo mưa lớn 280 mm.');
    expect(await seen.getByTestId('entry-edited').textContent()).toMatch(/^ · Người sửa: Quản trị hệ thống, .*\d{2}:\d{2}/);
    await first.screenshot({ path: path.join(artefactDir(), 'minutes-edited-by.png'), fullPage: true });
  });

  it('edits a directive’s content, units, deadline and priority on its page', async () => {
    const cookie = await login(suite.platform.url, 'vanphong');
    const given = await callApi(suite.platform.url, cookie, 'POST', `/api/meetings/${meeting.meetingId}/directives`, {
      content: 'Sở Y tế chuẩn bị cơ số thuốc.',
      responsibleUnitIds: [meeting.unitIds['SO-YTE']],
      deadline: '2026-12-20',
    });
    expect(given.status).toBe(201);
    const id: string = given.body.directive.id;

    // A viewer reads the directive but has nothing to edit.
    const viewerContext = await signedInKiosk(suite.browser, suite.platform.url, 'theodoi');
    contexts.push(viewerContext);
    const viewer = await viewerContext.newPage();
    await viewer.goto(`/directives/${id}`);
    await viewer.getByTestId('directive-detail').waitFor();
    expect(await viewer.getByTestId('directive-edit-open').count()).toBe(0);

    const page = await pageFor('vanphong');
    await page.goto(`/directives/${id}`);
    await page.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    const form = page.getByTestId('directive-edit');
    await expect.poll(() => form.getByTestId('directive-content').inputValue()).toBe('Sở Y tế chuẩn bị cơ số thuốc.');
    await form.getByTestId('directive-content').fill('Sở Y tế chuẩn bị đủ cơ số thuốc cho 3 huyện ven biển.');
    // Hoằng Hóa becomes responsible too; the Department of Finance coordinates.
    const responsible = form.getByTestId('responsible-units');
    await responsible.getByRole('searchbox').fill('hoang hoa');
    await responsible.getByLabel('Xã Hoằng Hóa', { exact: true }).check();
    const coordinating = form.getByTestId('coordinating-units');
    await coordinating.getByRole('searchbox').fill('tai chinh');
    await coordinating.getByLabel('Sở Tài chính', { exact: true }).check();
    await form.getByTestId('directive-deadline').fill('10/12/2026');
    await form.getByTestId('directive-priority').selectOption('URGENT');
    await form.getByRole('button', { name: 'Lưu' }).click();

    const detail = page.getByTestId('directive-detail');
    await expect.poll(() => detail.locator('h1').textContent()).toBe('Sở Y tế chuẩn bị đủ cơ số thuốc cho 3 huyện ven biển.');
    expect(await page.getByRole('status').textContent()).toBe('Đã lưu thay đổi.');
    expect(await detail.locator('dl').textContent()).toContain('10/12/2026');
    expect(await detail.locator('dl').textContent()).toContain('Khẩn');
    await page.screenshot({ path: path.join(artefactDir(), 'directive-edited.png'), fullPage: true });

    const saved = await callApi(suite.platform.url, cookie, 'GET', `/api/directives/${id}`);
    expect(saved.body.directive).toMatchObject({
      content: 'Sở Y tế chuẩn bị đủ cơ số thuốc cho 3 huyện ven biển.',
      deadline: '2026-12-10',
      priority: 'URGENT',
      version: 2,
      coordinatingUnits: [{ name: 'Sở Tài chính' }],
    });
    expect(saved.body.directive.responsibleUnits.map((u: { name: string }) => u.name).sort()).toEqual(['Sở Y tế', 'Xã Hoằng Hóa']);
  });

  it('follows the agenda item of the running meeting, which the secretary sets for every room from here (issue 13 §1)', async () => {
    // The chair is in the meeting (its console, as a socket): the meeting runs on the node.
    const chair = await ProtocolClient.connect(suite.platform.url, 'chutich');
    try {
      await chair.request('meeting:join', { meetingId: meeting.meetingId });
      await chair.request('meeting:agendaItem', { position: 1 });
      const page = await pageFor('vanphong');
      const live = page.getByTestId('minutes-live');
      const current = page.getByTestId('current-agenda');
      await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain('Nội dung đang thảo luận');
      await expect.poll(() => current.inputValue(), { timeout: 15_000 }).toBe('1');

      // The secretary moves the meeting on: the chair's console (and every room) is told.
      await current.selectOption('2');
      await expect.poll(() => chair.last<{ position: number | null }>('meeting:agendaItem')?.position).toBe(2);
      // A new entry is stamped with the item under discussion.
      await page.getByTestId('new-entry').click();
      await entries(page).last().locator('textarea').fill('Phương án sơ tán: 120 hộ dân ven biển đã sẵn sàng.');
      await expect.poll(() => entries(page).last().getByTestId('entry-status').getAttribute('data-status')).toBe('saved');
      const stamped = await suite.platform.db.prisma.minutesEntry.findFirstOrThrow({ where: { text: 'Phương án sơ tán: 120 hộ dân ven biển đã sẵn sàng.' } });
      expect(stamped.agendaPosition).toBe(2);

      // The chair goes back to the first item: the minutes screen follows within its poll.
      await chair.request('meeting:agendaItem', { position: 1 });
      await expect.poll(() => current.inputValue(), { timeout: 15_000 }).toBe('1');
      await page.screenshot({ path: path.join(artefactDir(), 'minutes-following-agenda.png') });
    } finally {
      chair.close();
    }
  });
});
