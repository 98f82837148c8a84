import path from 'node:path';
import type { RecordingDetail } from '@pm/shared';
import type { BrowserContext, Locator, Page } from 'playwright-core';
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
    // The room's home shows when it really ended, not the scheduled end.
    const realEnd = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', timeStyle: 'short' }).format(stored.endedAt!);
    const card = hoangHoa.page.locator(`[data-testid="meeting-card"][data-meeting-id="${meetingId}"]`);
    await expect.poll(() => card.getByTestId('meeting-over').textContent(), live).toBe(`Đã kết thúc lúc ${realEnd}`);
    await hoangHoa.page.setViewportSize({ width: 1920, height: 1080 });
    await hoangHoa.page.screenshot({ path: path.join(artefactDir(), 'kiosk-home-ended-1920x1080.png') });
  });
});

/**
 * Issue 13 §5 in a browser: the operator's wall on a 1920×1080 screen shows its counters and
 * legend, the queue and roll call beside the wall, and in dense mode far more than 10 sites above
 * the fold; its per-site actions mute a real kiosk and call it back into the meeting.
 */
describe('the operator wall at 1920×1080', () => {
  const FULL_HD = { width: 1920, height: 1080 };
  const suite = browserSuite();
  const contexts: BrowserContext[] = [];

  async function pageFor(username: string): Promise<Page> {
    const context = await signedInKiosk(suite.browser, suite.platform.url, username);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize(FULL_HD);
    return page;
  }

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('counts sites by status, keeps the queue beside the wall, and shows more than 10 sites above the fold in dense mode', async () => {
    const codes = (await suite.platform.db.prisma.site.findMany({ select: { code: true }, orderBy: { code: 'asc' }, take: 40 })).map((s) => s.code);
    const { meetingId } = await createMeeting(suite.platform.db.prisma, { title: 'Giám sát 40 điểm cầu', siteCodes: codes });
    const page = await pageFor('vanhanh');
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

  it('mutes a kiosk holding the floor and calls it back after it left: it is told, and joins again from its home screen', async () => {
    const { meetingId, siteIds } = await createMeeting(suite.platform.db.prisma, { title: 'Giao ban có điểm cầu mời lại', siteCodes: ['15865', '15991'] });
    const hoangHoaId = siteIds['15865']!;
    const operator = await pageFor('vanhanh');
    const kiosk = await pageFor('15865');
    await Promise.all([operator.goto(`/meeting/${meetingId}`), kiosk.goto(`/meeting/${meetingId}`)]);
    const tile = operator.locator(`.wall__grid > li[data-site="${hoangHoaId}"]`);
    const joined = { timeout: 60_000, interval: 500 };
    await expect.poll(() => kiosk.getByTestId('connection-state').getAttribute('data-phase'), joined).toBe('live');
    const present = async () => (await tile.getAttribute('data-status')) !== 'absent';
    await expect.poll(present, joined).toBe(true);

    // The room speaks: the operator hears its voice in the programme, then closes its microphone.
    await tile.getByRole('button', { name: 'Cho phát biểu' }).click();
    await expect.poll(() => kiosk.getByTestId('floor-indicator').getAttribute('data-has-floor'), live).toBe('true');
    const wall = new MeetingScreen(operator);
    await expect.poll(() => wall.programmeVoicesSounding(), live).toBe(1);
    await tile.getByRole('button', { name: 'Tắt micrô' }).click();
    const notice = kiosk.getByTestId('floor-notice');
    await expect.poll(() => notice.getAttribute('data-kind'), live).toBe('mutedByStaff');
    expect(await notice.textContent()).toContain('Ban điều hành đã tắt micrô của điểm cầu');
    expect(await kiosk.getByTestId('floor-indicator').getAttribute('data-has-floor')).toBe('false');
    await expect.poll(() => wall.programmeVoicesSounding(), live).toBe(0);
    // As after "mute all", the room speaks again by asking.
    expect(await kiosk.getByRole('button', { name: 'Đăng ký phát biểu' }).isEnabled()).toBe(true);
    await kiosk.screenshot({ path: path.join(artefactDir(), 'kiosk-muted-by-operator.png') });

    // The room leaves; the operator calls it back; its home screen shows the call with the way in.
    await kiosk.getByTestId('leave-meeting').click();
    await kiosk.getByTestId('leave-meeting-confirm').getByRole('button', { name: 'Rời cuộc họp' }).click();
    await expect.poll(() => new URL(kiosk.url()).pathname, live).toBe('/');
    await expect.poll(() => tile.getAttribute('data-status'), live).toBe('absent');
    expect(await tile.textContent()).toContain('Đã rời cuộc họp');
    await operator.screenshot({ path: path.join(artefactDir(), 'operator-wall-room-left-1920x1080.png') });
    await kiosk.getByTestId('home-upcoming').waitFor();
    await tile.getByRole('button', { name: 'Mời vào lại' }).click();
    const call = kiosk.getByTestId('call-back');
    await call.waitFor({ timeout: 15_000 });
    expect(await call.textContent()).toContain('Giao ban có điểm cầu mời lại');
    await kiosk.screenshot({ path: path.join(artefactDir(), 'kiosk-called-back.png') });
    expect(await operator.getByTestId('message-panel').textContent()).toContain('Ban điều hành mời điểm cầu vào lại cuộc họp.');
    await call.getByRole('link', { name: 'Vào cuộc họp' }).click();
    await expect.poll(() => kiosk.getByTestId('connection-state').getAttribute('data-phase'), joined).toBe('live');
    await expect.poll(present, live).toBe(true);

    // An unattended kiosk (kiosk mode) goes back in by itself.
    await kiosk.getByTestId('leave-meeting').click();
    await kiosk.getByTestId('leave-meeting-confirm').getByRole('button', { name: 'Rời cuộc họp' }).click();
    await expect.poll(() => tile.getAttribute('data-status'), live).toBe('absent');
    await kiosk.goto('/?kiosk=1');
    await kiosk.getByTestId('home-upcoming').waitFor();
    await tile.getByRole('button', { name: 'Mời vào lại' }).click();
    await expect.poll(() => new URL(kiosk.url()).pathname, live).toBe(`/meeting/${meetingId}`);
    await expect.poll(() => kiosk.getByTestId('connection-state').getAttribute('data-phase'), joined).toBe('live');
  });
});
