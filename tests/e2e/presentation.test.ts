import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browserSuite.ts';
import { MeetingScreen, stillDecoding } from '../support/meetingPages.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';

/** Generous: the machine the suite runs on is shared, and three media pipelines start at once. */
const growing = { timeout: 60_000, interval: 500 };

const programmeFrames = async (screen: MeetingScreen) =>
  (await screen.received()).find((r) => r.purpose === 'programme-video')?.framesDecoded ?? 0;
const consumerIds = async (screen: MeetingScreen) => (await screen.received()).map((r) => r.consumerId).sort();

/**
 * Presentations, with a chair and one room (two browsers: the machine is shared): the room holding
 * the floor shares its screen (Chromium's fake screen capture, chosen without a picker), the chair's
 * console shows the slides with the room's camera inset and a caption naming it, through the
 * consumers it already had; revoking the floor ends the share; the chair's own share is captioned
 * as the chair's at the room, with the chair's camera inset, and previewed on the console.
 */
describe('presentations: a chair and a room (two browsers)', { timeout: 300_000 }, () => {
  // getDisplayMedia without a picker: the fake UI accepts, the whole (fake) screen is shared.
  const suite = browserSuite({ env: { MEDIASOUP_NUM_WORKERS: '1' }, chromium: { extraArgs: ['--auto-select-desktop-capture-source=Entire screen'] } });
  const contexts: BrowserContext[] = [];
  let chair: MeetingScreen;
  let room: MeetingScreen;

  async function screenFor(username: string): Promise<MeetingScreen> {
    const context = await signedInKiosk(suite.browser, suite.platform.url, username);
    contexts.push(context);
    return new MeetingScreen(await context.newPage());
  }

  beforeAll(async () => {
    const meeting = await createMeeting(suite.platform.db.prisma, { title: 'Giao ban trực tuyến tháng 12', siteCodes: ['15865'] });
    chair = await screenFor('chutich');
    room = await screenFor('15865');
    await Promise.all([chair.open(meeting.meetingId), room.open(meeting.meetingId)]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('a room may present only once it holds the floor', async () => {
    await expect.poll(() => stillDecoding(() => programmeFrames(room)), growing).toBe(true);
    expect(await room.page.getByTestId('presentation-toggle').count()).toBe(0);
    await room.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    const queue = chair.page.getByTestId('speaker-queue');
    await expect.poll(() => queue.textContent(), growing).toContain('Hoằng Hóa');
    await queue.getByRole('button', { name: 'Cho phát biểu' }).click();
    await expect.poll(() => room.page.getByTestId('presentation-toggle').textContent(), growing).toBe('Trình chiếu màn hình');
  });

  it('its slides become the programme with its camera inset, captioned as its presentation, through the consumers already there', async () => {
    await expect.poll(() => chair.caption(), growing).toContain('Hoằng Hóa');
    const before = await consumerIds(chair);
    await room.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => room.page.getByTestId('presentation-toggle').textContent(), growing).toBe('Dừng trình chiếu');
    expect(await room.page.getByTestId('presentation-preview').isVisible()).toBe(true);

    await expect.poll(() => chair.caption(), growing).toMatch(/^Trình chiếu: .*Hoằng Hóa/);
    expect(await chair.page.getByTestId('programme-caption').getAttribute('data-kind')).toBe('screen');
    await expect.poll(() => stillDecoding(() => chair.insetFrames()), growing).toBe(true);
    await expect.poll(() => stillDecoding(() => programmeFrames(chair)), growing).toBe(true);
    expect(await chair.page.getByTestId('programme-inset').isVisible()).toBe(true);
    expect(await consumerIds(chair)).toEqual(before);
    // The presenter watches its own slides, not its own camera.
    expect(await room.caption()).toMatch(/^Trình chiếu: /);
    expect(await room.page.getByTestId('programme-inset').count()).toBe(0);
  });

  it('revoking the floor ends the room’s presentation: its share stops and the programme returns to the chair', async () => {
    await chair.page.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
    await expect.poll(() => room.page.getByTestId('presentation-toggle').count(), growing).toBe(0);
    expect(await room.page.getByTestId('presentation-preview').count()).toBe(0);
    await expect.poll(() => room.caption(), growing).toBe('Hội trường chính (chủ trì)');
    expect(await room.page.getByTestId('programme-inset').count()).toBe(0);
  });

  it('the chair’s own share is captioned as the chair’s presentation, with its camera inset, and previewed on the console', async () => {
    await chair.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => chair.page.getByTestId('presentation-toggle').textContent(), growing).toBe('Dừng trình chiếu');
    expect(await chair.page.getByTestId('presentation-preview').isVisible()).toBe(true);
    await expect.poll(() => room.caption(), growing).toBe('Trình chiếu của chủ trì');
    await expect.poll(() => stillDecoding(() => room.insetFrames()), growing).toBe(true);
    await chair.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => room.caption(), growing).toBe('Hội trường chính (chủ trì)');
  });
});
