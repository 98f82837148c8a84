import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browserSuite.ts';
import { MeetingScreen, stillDecoding } from '../support/meetingPages.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';

const growing = { timeout: 20_000, interval: 500 };

describe('floor control: a chair and two sites (three browsers)', () => {
  const suite = browserSuite({ env: { MEDIASOUP_NUM_WORKERS: '2' } });
  const contexts: BrowserContext[] = [];
  let chair: MeetingScreen;
  let hoangHoa: MeetingScreen;
  let hoangDao: MeetingScreen;
  let hoangHoaSiteId: string;
  let meetingId: string;

  async function screenFor(username: string): Promise<MeetingScreen> {
    const context = await signedInKiosk(suite.browser, suite.platform.url, username);
    contexts.push(context);
    return new MeetingScreen(await context.newPage());
  }

  beforeAll(async () => {
    const meeting = await createMeeting(suite.platform.db.prisma, {
      title: 'Giao ban trực tuyến tháng 11',
      siteCodes: ['15865', '15991', 'SO-YTE'],
    });
    hoangHoaSiteId = meeting.siteIds['15865']!;
    meetingId = meeting.meetingId;
    chair = await screenFor('chutich');
    hoangHoa = await screenFor('15865');
    hoangDao = await screenFor('15991');
    await Promise.all([chair.open(meetingId), hoangHoa.open(meetingId), hoangDao.open(meetingId)]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('both sites decode the chair’s programme video and audio', async () => {
    for (const site of [hoangHoa, hoangDao]) {
      await expect.poll(() => site.decodesProgrammeOf(null), growing).toBe(true);
      // The chair's voice sounds; the floor's voice is silent while nobody holds the floor.
      await expect.poll(() => site.programmeVoicesSounding(), growing).toBe(1);
      expect(await site.caption()).toBe('Hội trường chính (chủ trì)');
    }
  });

  it('a site requests the floor, the chair grants it, and the other site receives that site, without a new consumer', async () => {
    const consumersBefore = await hoangDao.consumerIds();
    const keyframesBefore = (await hoangDao.programmeVideo()).keyframes;
    await hoangHoa.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    await expect.poll(() => hoangHoa.page.getByTestId('queue-position').textContent()).toContain('1');

    const queue = chair.page.getByTestId('speaker-queue');
    await expect.poll(() => queue.textContent()).toContain('Hoằng Hóa');
    await queue.getByRole('button', { name: 'Cho phát biểu' }).click();

    await expect.poll(() => hoangHoa.page.getByTestId('floor-indicator').getAttribute('data-has-floor')).toBe('true');
    await expect.poll(() => hoangDao.caption(), growing).toContain('Hoằng Hóa');
    await expect.poll(() => hoangDao.decodesProgrammeOf(hoangHoaSiteId), growing).toBe(true);
    // The relay switched the picture at the speaker's keyframe, on the consumer the room already had.
    expect((await hoangDao.programmeVideo()).keyframes).toBeGreaterThan(keyframesBefore);
    // The speaker's voice joins the chair's, which stays in the programme.
    await expect.poll(() => hoangDao.programmeVoicesSounding(), growing).toBe(2);
    expect(await hoangDao.consumerIds()).toEqual(consumersBefore);
    // The chair's console previews the speaker too; the speaker watches the chair instead of itself.
    await expect.poll(() => chair.decodesProgrammeOf(hoangHoaSiteId), growing).toBe(true);
    await expect.poll(() => stillDecoding(() => hoangHoa.returnFrames()), growing).toBe(true);
    expect(await hoangHoa.caption()).toBe('Hội trường chính (chủ trì)');
  });

  it('revoking returns the programme to the chair, still without a new consumer', async () => {
    const consumersBefore = await hoangDao.consumerIds();
    await chair.page.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
    await expect.poll(() => hoangDao.caption(), growing).toBe('Hội trường chính (chủ trì)');
    await expect.poll(() => hoangDao.decodesProgrammeOf(null), growing).toBe(true);
    await expect.poll(() => hoangHoa.decodesProgrammeOf(null), growing).toBe(true);
    await expect.poll(() => hoangDao.programmeVoicesSounding(), growing).toBe(1);
    expect(await hoangDao.consumerIds()).toEqual(consumersBefore);
    expect(await hoangHoa.page.getByTestId('floor-indicator').getAttribute('data-has-floor')).toBe('false');
  });

  it('a roll call reaches the kiosks, and the attendance report shows who came and who answered', async () => {
    await chair.page.getByRole('button', { name: 'Điểm danh' }).click();
    const prompt = hoangHoa.page.getByTestId('rollcall-prompt');
    await prompt.getByRole('button', { name: 'Xác nhận có mặt' }).click();
    await expect.poll(() => prompt.textContent()).toContain('Đã xác nhận có mặt lúc');
    await expect.poll(() => hoangDao.page.getByTestId('rollcall-prompt').isVisible()).toBe(true);
    await expect.poll(() => chair.page.getByTestId('rollcall-progress').textContent()).toContain('1/3');

    await hoangHoa.page.getByTestId('headcount-input').fill('15');
    await hoangHoa.page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => hoangHoa.page.getByRole('status').last().textContent()).toContain('Đã lưu');

    const report = await screenFor('vanphong');
    await report.page.goto(`/meetings/${meetingId}/attendance`);
    const summary = report.page.getByTestId('report-summary');
    await expect.poll(() => summary.textContent()).toContain('Được mời 3 · Có mặt 2 · Vắng 1');
    expect(await summary.textContent()).toContain('Số người dự 15');
    const hoangHoaRow = report.page.locator('tr[data-site="15865"]');
    expect(await hoangHoaRow.textContent()).not.toContain('Không trả lời');
    expect(await report.page.locator('tr[data-site="15991"]').textContent()).toContain('Không trả lời');
    expect(await report.page.locator('tr[data-site="SO-YTE"]').textContent()).toContain('Vắng');
  });
});
