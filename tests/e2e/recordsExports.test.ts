import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { artefactDir } from '../support/chromium.ts';
import { flat, pdfText } from '../support/documentText.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';

/**
 * The reviewer, the chair and the operator read the minutes and download the Biên bản and the
 * Thông báo kết luận from their own screens: the way from the home screen's meeting card to the
 * minutes (shown to `minutes.read`) must not end at a "forbidden" page that demands `minutes.write`.
 */
describe('records: every reader reaches the minutes and their exports', () => {
  const suite = browserSuite();
  let meeting: MeetingFixture;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    meeting = await createMeeting(suite.platform.db.prisma, {
      title: 'Giao ban công tác y tế tháng 12',
      siteCodes: ['SO-YTE', '15865'],
      agenda: ['Công tác tiêm chủng'],
      unitCodes: ['SO-YTE'],
    });
    const cookie = await login(suite.platform.url, 'vanphong');
    const post = (what: string, body: unknown) => callApi(suite.platform.url, cookie, 'POST', `/api/meetings/${meeting.meetingId}/${what}`, body);
    expect((await post('minutes/entries', { text: 'Tỷ lệ tiêm chủng đạt 92%.', agendaPosition: 1, speakerSiteId: meeting.siteIds['SO-YTE'] })).status).toBe(201);
    const given = await post('directives', { content: 'Sở Y tế tổ chức tiêm chủng mở rộng.', responsibleUnitIds: [meeting.unitIds['SO-YTE']], deadline: '2027-01-05' });
    expect(given.status).toBe(201);
  });
  it('lists a meeting that ended yesterday on the home screen, marked as recorded, with its records', async () => {
    const yesterday = new Date(Date.now() - 26 * 3_600_000);
    const ended = await createMeeting(suite.platform.db.prisma, { title: 'Họp chuyên đề chuyển đổi số', siteCodes: ['SO-YTE'], startsAt: yesterday });
    await suite.platform.db.prisma.recording.create({ data: { meetingId: ended.meetingId, state: 'STOPPED', startedAt: yesterday, playable: true } });
    const context = await signedInKiosk(suite.browser, suite.platform.url, 'theodoi');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    const recent = page.getByTestId('recent-meetings');
    await recent.getByRole('heading', { name: 'Cuộc họp gần đây (14 ngày qua)' }).waitFor();
    const card = recent.getByTestId('meeting-card').filter({ hasText: 'Họp chuyên đề chuyển đổi số' });
    expect(await card.getByTestId('recorded-sign').textContent()).toBe('● Có bản ghi hình');
    expect(await card.getByRole('link', { name: 'Xem lại' }).getAttribute('href')).toBe(`/meetings/${ended.meetingId}/review`);
    expect(await card.getByRole('link', { name: 'Biên bản', exact: true }).count()).toBe(1);
    // The running meeting is not among the recent ones, and is not marked recorded.
    expect(await recent.getByText('Giao ban công tác y tế tháng 12').count()).toBe(0);
    await page.screenshot({ path: path.join(artefactDir(), 'home-recent.png'), fullPage: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  for (const username of ['theodoi', 'chutich', 'vanhanh']) {
    it(`${username} opens the minutes from the home screen and downloads both documents`, async () => {
      const context = await signedInKiosk(suite.browser, suite.platform.url, username);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('link', { name: 'Biên bản', exact: true }).first().click();
      await page.getByRole('heading', { name: /Biên bản cuộc họp: Giao ban công tác y tế tháng 12/ }).waitFor();
      expect(await page.getByTestId('forbidden').count()).toBe(0);
      expect(await page.getByText('Tỷ lệ tiêm chủng đạt 92%.').count()).toBe(1);
      // A reader has nothing to write: no editor, no particulars form.
      expect(await page.locator('textarea').count()).toBe(0);
      await page.screenshot({ path: path.join(artefactDir(), `minutes-${username}.png`), fullPage: true });

      for (const [name, stem] of [
        ['Biên bản (PDF)', 'bien-ban'],
        ['Thông báo kết luận (PDF)', 'thong-bao-ket-luan'],
      ] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
        expect(download.suggestedFilename()).toBe(`${stem}-${meeting.meetingId}.pdf`);
        const text = flat(pdfText(fs.readFileSync(await download.path())));
        expect(text).toContain('Sở Y tế tổ chức tiêm chủng mở rộng.');
      }
    });
  }
});
