import path from 'node:path';
import type { RecordingDetail } from '@pm/shared';
import type { BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { artefactDir } from '../support/chromium.ts';
import { MeetingScreen, onScreen } from '../support/meetingPages.ts';
import { createMeeting, scratchDataDir } from '../support/meetingFixture.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';

const LAPTOP = { width: 1366, height: 768 };
const live = { timeout: 20_000, interval: 250 };

/**
 * Issue 13 §4 and §2 in a browser: the chair's console on a 1366×768 laptop shows the programme,
 * the queue, the site picker, the recording and the end of the meeting at once; the chair records,
 * then ends the meeting, and the room's kiosk is told and goes back to its home screen.
 */
describe('the chair console at 1366×768, and ending the meeting', () => {
  const dataDir = scratchDataDir();
  const suite = browserSuite({ env: { PM_DATA_DIR: dataDir } });
  const contexts: BrowserContext[] = [];
  let chair: MeetingScreen;
  let hoangHoa: MeetingScreen;
  let meetingId: string;
  let hoangHoaId: string;

  async function screenFor(username: string, viewport?: typeof LAPTOP): Promise<MeetingScreen> {
    const context = await signedInKiosk(suite.browser, suite.platform.url, username);
    contexts.push(context);
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    return new MeetingScreen(page);
  }

  beforeAll(async () => {
    const meeting = await createMeeting(suite.platform.db.prisma, {
      title: 'Giao ban trực tuyến UBND tỉnh tháng 12',
      siteCodes: ['15865', '15991', 'SO-YTE'],
    });
    meetingId = meeting.meetingId;
    hoangHoaId = meeting.siteIds['15865']!;
    chair = await screenFor('chutich', LAPTOP);
    hoangHoa = await screenFor('15865');
    await Promise.all([chair.open(meetingId), hoangHoa.open(meetingId)]);
  });

  afterAll(async () => {
    // What each screen showed last, for a person to look at when a step failed.
    for (const [name, screen] of [['chair', chair], ['kiosk', hoangHoa]] as const) {
      await screen?.page.screenshot({ path: path.join(artefactDir(), `chair-console-last-${name}.png`) }).catch(() => undefined);
    }
    for (const context of contexts) await context.close();
  });

  it('shows programme, queue, site picker, recording and the end of the meeting together, nothing below the fold', async () => {
    const page = chair.page;
    // Joining (camera, transports) takes longer on a loaded machine than any later step.
    await expect.poll(() => page.getByTestId('meeting-end').isEnabled(), { timeout: 60_000, interval: 500 }).toBe(true);
    await expect.poll(() => hoangHoa.page.getByTestId('connection-state').getAttribute('data-phase'), { timeout: 60_000, interval: 500 }).toBe('live');
    await hoangHoa.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    const queue = page.getByTestId('speaker-queue');
    await expect.poll(() => queue.textContent(), live).toContain('Hoằng Hóa');

    const picker = page.getByTestId('site-picker');
    const hoangHoaRow = picker.locator(`[data-site="${hoangHoaId}"]`);
    const needed: Array<[string, Locator]> = [
      ['programme', page.getByTestId('programme-video')],
      ['queue', queue],
      ['grant from the queue', queue.getByRole('button', { name: 'Cho phát biểu' })],
      ['next speaker', page.getByRole('button', { name: 'Mời điểm cầu tiếp theo' })],
      ['mute all', page.getByRole('button', { name: 'Tắt tiếng tất cả' })],
      ['site search', picker.getByRole('searchbox')],
      ['a site’s grant', hoangHoaRow.getByRole('button', { name: 'Cho phát biểu' })],
      ['a site’s spotlight', hoangHoaRow.getByRole('button', { name: 'Lên màn hình' })],
      ['recording start', page.getByTestId('recording-start')],
      ['end of the meeting', page.getByTestId('meeting-end')],
    ];
    for (const [what, locator] of needed) expect({ what, onScreen: await onScreen(page, locator) }).toEqual({ what, onScreen: true });
    await page.screenshot({ path: path.join(artefactDir(), 'chair-console-1366x768.png') });
  });

  it('finds a site typed without diacritics and puts it on the programme', async () => {
    const picker = chair.page.getByTestId('site-picker');
    await picker.getByRole('searchbox').fill('hoang hoa');
    await expect.poll(() => picker.locator('[data-site]').count(), live).toBe(2);
    await picker.locator(`[data-site="${hoangHoaId}"]`).getByRole('button', { name: 'Lên màn hình' }).click();
    // The programme shows it (the room itself watches the chair meanwhile, never itself).
    await expect.poll(() => chair.caption(), live).toContain('Hoằng Hóa');
    await expect.poll(() => picker.locator(`[data-site="${hoangHoaId}"]`).getByRole('button', { name: 'Bỏ ghim' }).count(), live).toBe(1);
  });

  it('records with the elapsed time shown and keeps the directive panel off the programme and the queue', async () => {
    const page = chair.page;
    await page.getByTestId('recording-start').click();
    await expect.poll(() => hoangHoa.page.getByTestId('recording-indicator').getAttribute('data-state'), live).toBe('recording');
    const elapsed = page.getByTestId('recording-elapsed');
    await expect.poll(() => elapsed.textContent(), live).toMatch(/^00:0[2-9]$/);
    expect(await onScreen(page, page.getByTestId('recording-stop'))).toBe(true);

    await page.getByTestId('chair-directive').click();
    const panel = page.locator('.recording-bar__panel');
    await panel.waitFor();
    const panelBox = (await panel.boundingBox())!;
    for (const covered of [page.getByTestId('programme-video'), page.getByTestId('speaker-queue')]) {
      const box = (await covered.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panelBox.x);
    }
    await panel.getByRole('button', { name: 'Đóng' }).click();
  });

  it('ends the meeting for everyone after confirmation: the recording stops, the kiosk is told and returns home', async () => {
    const page = chair.page;
    await page.getByTestId('meeting-end').click();
    const confirm = page.getByTestId('meeting-end-confirm');
    expect(await onScreen(page, confirm)).toBe(true);
    await page.getByTestId('meeting-end-yes').click();

    await hoangHoa.page.getByTestId('meeting-ended').waitFor({ timeout: 15_000 });
    await hoangHoa.page.screenshot({ path: path.join(artefactDir(), 'kiosk-meeting-ended.png') });
    await expect.poll(() => new URL(hoangHoa.page.url()).pathname, { timeout: 15_000, interval: 250 }).toBe('/');
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000, interval: 250 }).toBe('/');

    const cookie = await login(suite.platform.url, 'chutich');
    const detail = async () => (await callApi(suite.platform.url, cookie, 'GET', `/api/meetings/${meetingId}/recording`)).body as RecordingDetail;
    expect((await detail()).status.state).toBe('stopped');
    const stored = await suite.platform.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(stored.endedAt).not.toBeNull();
  });
});

/**
 * Issue 13 §5 in a browser: the operator's wall on a 1920×1080 screen shows its counters and
 * legend, the queue and roll call beside the wall, and in dense mode far more than 10 sites above
 * the fold.
 */
describe('the operator wall at 1920×1080', () => {
  const FULL_HD = { width: 1920, height: 1080 };
  const suite = browserSuite();
  let context: BrowserContext;

  afterAll(async () => {
    await context?.close();
  });

  it('counts sites by status, keeps the queue beside the wall, and shows more than 10 sites above the fold in dense mode', async () => {
    const codes = (await suite.platform.db.prisma.site.findMany({ select: { code: true }, orderBy: { code: 'asc' }, take: 40 })).map((s) => s.code);
    const { meetingId } = await createMeeting(suite.platform.db.prisma, { title: 'Giám sát 40 điểm cầu', siteCodes: codes });
    context = await signedInKiosk(suite.browser, suite.platform.url, 'vanhanh');
    const page = await context.newPage();
    await page.setViewportSize(FULL_HD);
    await page.goto(`/meeting/${meetingId}`);

    await expect.poll(() => page.getByTestId('count-present').textContent(), live).toBe('0');
    expect(await page.getByTestId('count-absent').textContent()).toContain('40');
    const queueHeading = page.getByRole('heading', { name: 'Danh sách đăng ký phát biểu' });
    const queueBox = (await queueHeading.boundingBox())!;
    expect(queueBox.y + queueBox.height).toBeLessThanOrEqual(FULL_HD.height);

    const tilesAboveFold = () =>
      page.locator('.wall__grid > li').evaluateAll((tiles, height) => tiles.filter((t) => t.getBoundingClientRect().bottom <= height).length, FULL_HD.height);
    const normal = await tilesAboveFold();
    await page.getByTestId('wall-dense').check();
    await expect.poll(tilesAboveFold, live).toBeGreaterThan(Math.max(20, normal));
    await page.screenshot({ path: path.join(artefactDir(), 'operator-wall-dense-1920x1080.png') });
  });
});
