import { DEFAULT_DEMO_PASSWORD } from '@pm/server/directory/seedData.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { programmeVideoArrival } from '../bots/botStats.ts';
import {
  grantFloorFromChair,
  openMeetingInBrowser,
  revokeFloorFromChair,
  type BrowserParticipant,
} from '../bots/meetingBrowsers.ts';
import { pickSites, provisionSiteAccounts, scheduleMeeting } from '../bots/meetingFixture.ts';
import { epochMs, RtpCounter } from '../bots/rtpCounter.ts';
import { BotFleet } from '../bots/botFleet.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const BOT_COUNT = 10;
/** The seeded site account whose kiosk runs in Chromium and is given the floor. */
const SPEAKER = 'huyen-hoanghoa';
const RECOVERY_MS = 5_000;

describe('RtpCounter', () => {
  it('counts gaps as lost, fills them with late packets and ignores duplicates', () => {
    const counter = new RtpCounter();
    for (const seq of [10, 11, 13, 14]) counter.add(seq, 100);
    expect(counter.counts()).toMatchObject({ packets: 4, expected: 5, lost: 1, bytes: 400 });
    counter.add(12, 100); // retransmitted
    counter.add(12, 100); // and once more
    expect(counter.counts()).toMatchObject({ packets: 5, expected: 5, lost: 0 });
  });

  it('follows the sequence number across its 16-bit wrap-around', () => {
    const counter = new RtpCounter();
    for (const seq of [65534, 65535, 1, 2]) counter.add(seq, 1);
    expect(counter.counts()).toMatchObject({ packets: 4, expected: 5, lost: 1 });
  });
});

describe('site bots in a live meeting: real SFU on two workers, chair and speaker in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let chair: BrowserParticipant;
  let speaker: BrowserParticipant;
  let speakerSite: { id: string; name: string };
  let bots: BotFleet;

  const fleet = () => bots.stats();
  /** Waits until the workers carry `count` producers (cameras and microphones being sent). */
  const producersOnWorkers = (count: number) =>
    vi.waitFor(
      () => expect(platform.workers.all().reduce((n, slot) => n + slot.load.producers, 0)).toBeGreaterThanOrEqual(count),
      { timeout: 30_000, interval: 200 },
    );

  beforeAll(async () => {
    platform = await startTestPlatform({ MEDIASOUP_NUM_WORKERS: '2' });
    browser = await launchChromium();
    const prisma = platform.db.prisma;
    const speakerAccount = await prisma.user.findUniqueOrThrow({ where: { username: SPEAKER }, include: { site: true } });
    speakerSite = speakerAccount.site!;
    const botSites = await pickSites(prisma, BOT_COUNT, [speakerSite.id]);
    const accounts = await provisionSiteAccounts(prisma, botSites);
    const meetingId = await scheduleMeeting(prisma, {
      title: 'Họp thử với điểm cầu tự động',
      chairUsername: 'chutich',
      siteIds: [speakerSite.id, ...botSites],
    });

    // The chair and the speaking site send camera and microphone before the bots arrive.
    chair = await openMeetingInBrowser(browser, platform.url, meetingId, { username: 'chutich', password: DEFAULT_DEMO_PASSWORD });
    await producersOnWorkers(2);
    speaker = await openMeetingInBrowser(browser, platform.url, meetingId, { username: SPEAKER, password: DEFAULT_DEMO_PASSWORD });
    await producersOnWorkers(4);

    // One after another, as rooms arrive: each lands on the worker least loaded by those before it.
    // (All at once is the benchmark's join storm.)
    bots = await BotFleet.start(platform.url, meetingId, accounts);
  }, 120_000);

  afterAll(async () => {
    bots?.close();
    await chair?.context.close();
    await speaker?.context.close();
    await browser?.close();
    await platform?.stop();
  });

  it('every bot receives the chair’s programme video, and the bots are spread over both workers', async () => {
    await expect.poll(() => bots.receiving(null), { timeout: 20_000 }).toBe(BOT_COUNT);
    for (const bot of fleet()) {
      expect(bot.siteId).not.toBeNull();
      expect(bot.firstProgrammeVideoAt).toBeGreaterThan(bot.joins[0]!.requestedAt);
    }
    // Each worker carries some of the bots' consumers (placement by load), so the kill below hits some bots only.
    expect(platform.workers.all().map((slot) => slot.load.consumers >= BOT_COUNT / 4)).toEqual([true, true]);
  }, 30_000);

  it('the chair grants the floor to the browser site: every bot receives it; revoking returns the chair', async () => {
    const grantedAt = await grantFloorFromChair(chair.screen, speaker.screen, speakerSite.name);
    await expect
      .poll(() => fleet().filter((bot) => programmeVideoArrival(bot, speakerSite.id, grantedAt) !== undefined).length, {
        timeout: 15_000,
      })
      .toBe(BOT_COUNT);
    expect(await bots.receiving(speakerSite.id)).toBe(BOT_COUNT);

    const revokedAt = await revokeFloorFromChair(chair.screen);
    await expect
      .poll(() => fleet().filter((bot) => programmeVideoArrival(bot, null, revokedAt) !== undefined).length, {
        timeout: 15_000,
      })
      .toBe(BOT_COUNT);
    expect(await bots.receiving(null)).toBe(BOT_COUNT);
  }, 60_000);

  it(`a worker killed with SIGKILL: its bots rejoin by themselves and receive the programme within ${RECOVERY_MS / 1000} s`, async () => {
    const joinsBefore = fleet().map((bot) => bot.joins.length);
    const killedAt = epochMs();
    process.kill(platform.workers.slot(0).worker.pid, 'SIGKILL');

    await expect
      .poll(() => fleet().filter((bot) => programmeVideoArrival(bot, null, killedAt) !== undefined).length, {
        timeout: RECOVERY_MS,
        interval: 100,
      })
      .toBe(BOT_COUNT);
    const after = fleet();
    for (const bot of after) expect(programmeVideoArrival(bot, null, killedAt)! - killedAt).toBeLessThan(RECOVERY_MS);
    const rejoined = after.filter((bot, i) =>
      bot.joins.slice(joinsBefore[i]).some((join) => join.reason === 'reconnectRequired' && !join.error),
    );
    // The bots of the killed worker were told to reconnect; the others kept their transports.
    expect(rejoined.length).toBeGreaterThan(0);
    expect(rejoined.length).toBeLessThan(BOT_COUNT);
    expect(await bots.receiving(null)).toBe(BOT_COUNT);
    expect(bots.warnings).toEqual([]);
  }, 30_000);
});
