import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFleet } from '../bots/botFleet.ts';
import { programmeVideoArrival, renegotiationsBetween, sourceArrival } from '../bots/botStats.ts';
import { BOT_PASSWORD, pickSites, provisionSiteAccounts, scheduleMeeting } from '../support/meetingFixture.ts';
import { loadReplayClip, sourceOfSize } from '../bots/replayClips.ts';
import { epochMs, RtpCounter } from '../bots/rtpCounter.ts';
import { SourceBot } from '../bots/sourceBot.ts';
import { DEMO_PASSWORD } from '../support/auth.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const BOT_COUNT = 30;
const SWITCH_MS = 10_000;
const RECOVERY_MS = 5_000;

describe('RtpCounter', () => {
  it('counts gaps as lost, fills them with late packets and ignores duplicates', () => {
    const counter = new RtpCounter();
    for (const seq of [10, 11, 13, 14]) counter.add(seq, 100);
    expect(counter.counts()).toMatchObject({ packets: 4, expected: 5, lost: 1, bytes: 400 });
    counter.add(12, 100, undefined, true); // retransmitted
    counter.add(12, 100, undefined, true); // and once more
    expect(counter.counts()).toMatchObject({ packets: 5, expected: 5, lost: 0, repaired: 1 });
  });

  it('follows the sequence number across its 16-bit wrap-around', () => {
    const counter = new RtpCounter();
    for (const seq of [65534, 65535, 1, 2]) counter.add(seq, 1);
    expect(counter.counts()).toMatchObject({ packets: 4, expected: 5, lost: 1 });
    expect(counter.highest).toBe(0x10002);
  });
});

/**
 * Thirty light site bots (ICE, DTLS, SRTP on the wire, counting from RTP headers) in a meeting on
 * two real mediasoup workers; the chair and two floor-taking sites are replay sources whose
 * pictures differ in size, so each bot knows from the keyframes it receives whose picture it shows.
 */
describe('light site bots in a live meeting on two workers, with replay sources', () => {
  let platform: TestPlatform;
  let bots: BotFleet;
  const sources: SourceBot[] = [];
  let siteOf: Record<'B' | 'C', string>;
  /** Renegotiations at the bots per floor change, for the assertion the stable programme will make. */
  const renegotiations: Record<string, number> = {};

  const fleet = () => bots.stats();
  const switchedTo = (source: string, since: number) =>
    fleet().filter((bot) => sourceArrival(bot, source, since) !== undefined).length;
  /** A floor change; resolves once every bot shows `source`; records the bots' renegotiations. */
  async function floorChange(name: string, source: string, change: () => Promise<unknown>): Promise<number[]> {
    const since = epochMs();
    await change();
    await expect.poll(() => switchedTo(source, since), { timeout: SWITCH_MS, interval: 100 }).toBe(BOT_COUNT);
    const delays = fleet().map((bot) => sourceArrival(bot, source, since)! - since);
    const until = epochMs();
    renegotiations[name] = fleet().reduce((n, bot) => n + renegotiationsBetween(bot, since, until), 0) / BOT_COUNT;
    return delays;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ MEDIASOUP_NUM_WORKERS: '2' });
    const prisma = platform.db.prisma;
    const [siteB, siteC, ...botSites] = await pickSites(prisma, BOT_COUNT + 2);
    const accounts = await provisionSiteAccounts(prisma, [siteB!, siteC!, ...botSites]);
    const meetingId = await scheduleMeeting(prisma, {
      title: 'Họp thử với điểm cầu tự động',
      chairUsername: 'chutich',
      siteIds: [siteB!, siteC!, ...botSites],
    });
    const clips = await Promise.all(['A', 'B', 'C'].map(loadReplayClip));
    const account = (siteId: string) => accounts.find((a) => a.siteId === siteId)!;
    siteOf = { B: siteB!, C: siteC! };
    const start = (username: string, password: string, clip: number) =>
      SourceBot.start({ baseUrl: platform.url, meetingId, username, password, clip: clips[clip]! });
    sources.push(await start('chutich', DEMO_PASSWORD, 0));
    sources.push(await start(account(siteB!).username, BOT_PASSWORD, 1));
    sources.push(await start(account(siteC!).username, BOT_PASSWORD, 2));
    // One after another, as rooms arrive: each lands on the worker least loaded by those before it.
    bots = await BotFleet.start(
      platform.url,
      meetingId,
      accounts.filter((a) => botSites.includes(a.siteId)),
      sourceOfSize(clips),
    );
  }, 180_000);

  afterAll(async () => {
    bots?.close();
    for (const source of sources) source.close();
    await platform?.stop();
  });

  it('every bot shows the chair’s picture, and the bots are spread over both workers', async () => {
    await expect.poll(() => bots.receivingSource('A'), { timeout: 20_000 }).toBe(BOT_COUNT);
    for (const bot of fleet()) {
      expect(bot.siteId).not.toBeNull();
      expect(bot.firstPictureAt).toBeGreaterThan(bot.joins[0]!.requestedAt);
    }
    expect(platform.workers.all().map((slot) => slot.load.consumers >= BOT_COUNT / 2)).toEqual([true, true]);
  }, 30_000);

  it('grant, next and revoke: every bot shows each new source’s picture', async () => {
    const [, siteB, siteC] = sources;
    await siteB!.client.request('floor:request', {});
    await siteC!.client.request('floor:request', {});
    const chair = sources[0]!.client;
    const grant = await floorChange('grant', 'B', () => chair.request('floor:grant', { siteId: siteOf.B }));
    const next = await floorChange('next', 'C', () => chair.request('floor:next', {}));
    const revoke = await floorChange('revoke', 'A', () => chair.request('floor:revoke', {}));
    const p99 = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!);
    console.log(
      `[site bots] floor change → every bot shows the new source, p99: grant ${p99(grant)} ms, next ${p99(next)} ms, revoke ${p99(revoke)} ms; ` +
        `renegotiations per bot: ${JSON.stringify(renegotiations)}`,
    );
    expect(await bots.receivingSource('A')).toBe(BOT_COUNT);
    // The stable programme: the bots neither take nor leave the floor, so no consumer is offered
    // or closed at them for any floor change (the old server offered three per bot per switch).
    expect(renegotiations).toEqual({ grant: 0, next: 0, revoke: 0 });
  }, 60_000);

  it(`a worker killed with SIGKILL: its bots rejoin by themselves and show the programme within ${RECOVERY_MS / 1000} s`, async () => {
    const joinsBefore = fleet().map((bot) => bot.joins.length);
    const killedAt = epochMs();
    process.kill(platform.workers.slot(0).worker.pid, 'SIGKILL');
    const rejoinedSince = () =>
      fleet().filter((bot, i) =>
        bot.joins.slice(joinsBefore[i]).some((join) => join.reason === 'reconnectRequired' && !join.error),
      );
    const recovered = () => {
      const rejoined = rejoinedSince();
      return rejoined.length > 0 && rejoined.every((bot) => programmeVideoArrival(bot, null, killedAt) !== undefined);
    };
    await expect.poll(recovered, { timeout: RECOVERY_MS, interval: 100 }).toBe(true);
    const rejoined = rejoinedSince();
    for (const bot of rejoined) expect(programmeVideoArrival(bot, null, killedAt)! - killedAt).toBeLessThan(RECOVERY_MS);
    // The bots of the killed worker were told to reconnect; the others kept their transports.
    expect(rejoined.length).toBeGreaterThan(0);
    expect(rejoined.length).toBeLessThan(BOT_COUNT);
    await expect.poll(() => bots.receivingSource('A'), { timeout: RECOVERY_MS }).toBe(BOT_COUNT);
    expect(bots.warnings).toEqual([]);
  }, 30_000);
});
