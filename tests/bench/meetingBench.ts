/**
 * `npm run bench:meeting -- --sites N [--workers N] [--nodes N]`: one live meeting on a real platform node (or a cluster of N),
 * measured from N light site bots (ICE, DTLS, SRTP on the wire; counting from RTP headers) that all
 * join at the same moment. The programme's sources send a fixed, known load: the chair and the
 * site that takes the floor are replay sources (a recorded VP8 simulcast clip and Opus, ~1.2–1.5
 * Mbps), whose pictures differ in size, so each bot knows whose picture it shows from the
 * keyframes it receives. One Chromium kiosk rides along and must decode each source, to prove the
 * pictures are right. Measures the join storm (until every site shows the programme), the first
 * picture, a steady window (loss, what the bots received against what was sent, CPU, memory),
 * ten floor switches in a row (grant / revoke) with the renegotiations they cost, and with
 * --nodes > 1 a node killed. Prints a table and, last, one line of JSON.
 *
 * Processes: this one (orchestration, the replay sources, Chromium), the platform
 * (platformProcess.ts) and the bots (fleetProcess.ts, several above 100 sites). Everything runs
 * on 127.0.0.1 and stops by itself after --timeout.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { lossBetween, type CountsSnapshot } from '../bots/botStats.ts';
import { openMeetingInBrowser, type BrowserParticipant } from '../bots/meetingBrowsers.ts';
import { loadReplayClip, type ReplayClip } from '../bots/replayClips.ts';
import { epochMs, SILENCE_MS, type Silence } from '../bots/rtpCounter.ts';
import { SourceBot } from '../bots/sourceBot.ts';
import type { PictureSeen, SiteBotStats } from '../bots/siteBot.ts';
import { launchChromium } from '../support/chromium.ts';
import { parseBenchOptions, type BenchOptions } from './benchOptions.ts';
import {
  distribution,
  formatDistribution,
  formatTable,
  histogramDistribution,
  percentile,
  type Distribution,
} from './benchReport.ts';
import { RpcChild } from './childProcessRpc.ts';
import { BotFleets } from './botFleets.ts';
import type { JoinTimes, Recovery } from './fleetProcess.ts';
import type { BenchSetup, PlatformApi } from './platformProcess.ts';
import { descendants, eventLoopDelay, rssMb, startCpuWindow, startMachineCpuWindow, udpDropsAt, udpReceiveBufferErrors } from './procStats.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
/** Time given to the join storm and to each floor switch to reach every bot. */
const STORM_TIMEOUT_MS = 120_000;
const SWITCH_TIMEOUT_MS = 30_000;
/** Floor switches in a row (grant, revoke, grant, …) and the pause between them. */
const SWITCHES = 10;
const BETWEEN_SWITCHES_MS = 2_000;
/** Let the join storm's keyframes and bandwidth probing settle before measuring steady state. */
const SETTLE_MS = 5_000;
const STEADY_WINDOW_MS = 10_000;
/**
 * Bots that sit out the join storm and then join the running meeting one at a time: a room's first
 * picture when it joins alone, apart from the storm's queue and the bots' own handshakes (one after
 * another in a bot process).
 */
const LATE_JOINERS = 5;
/** A killed node's sites must be placed again and receive the programme within this. */
const NODE_RECOVERY_TIMEOUT_MS = 60_000;
/** What the bots received may fall short of what was sent by this much before the bench says so. */
const RECEIVED_TOLERANCE = 0.95;
/** The chair's picture and the floor-taking site's. */
const CHAIR_SOURCE = 'A';
const SPEAKER_SOURCE = 'B';

/** A floor request of a source, once it is joined (it may be rejoining after its transport failed). */
async function floorRequest(
  source: SourceBot,
  name: 'floor:request' | 'floor:revoke' | 'floor:grant',
  payload: { siteId?: string },
): Promise<void> {
  const deadline = performance.now() + SWITCH_TIMEOUT_MS;
  for (;;) {
    await source.joined();
    try {
      await source.client.request(name, payload as never);
      return;
    } catch (error) {
      if (performance.now() > deadline || (error as { code?: string }).code !== 'CONFLICT') throw error;
      progress(`${source.username} is not in the meeting (${name}): it joins again`);
      await source.rejoin();
    }
  }
}

function progress(message: string): void {
  console.log(`[bench] ${message}`);
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  progress(`gave up waiting after ${timeoutMs / 1000} s: ${what}`);
  return false;
}

/** The project's worker binary, built or found by infra/mediasoup-worker (a plain .mjs module). */
async function resolveWorkerBinary(): Promise<string> {
  const ensure = pathToFileURL(path.join(REPO_ROOT, 'infra/mediasoup-worker/ensure.mjs')).href;
  const { ensureMediasoupWorker } = (await import(ensure)) as { ensureMediasoupWorker: () => Promise<string> };
  return ensureMediasoupWorker();
}

interface Run {
  platform?: RpcChild<PlatformApi>;
  fleet?: BotFleets;
  browser?: Browser;
  pages: BrowserParticipant[];
  sources: SourceBot[];
}

interface SwitchDelays extends Distribution {
  delays: number[];
  /** Bots (by index) that did not get there in time. */
  missing: number[];
  /** Each bot's delay, or null. */
  perBot: Array<number | null>;
}

/**
 * The switches' delays at the bots the SFU was sending video to when each switch began, the others
 * counted apart: a bot in a video silence (its estimate below the lowest layer) cannot see any
 * switch, so its delay says nothing of how fast the SFU switches.
 */
function switchesWhileSentVideo(
  switches: Array<{ from: number; delays: SwitchDelays }>,
  silences: Silence[][],
): { delays: number[]; missed: number; leftOut: number } {
  const result = { delays: [] as number[], missed: 0, leftOut: 0 };
  for (const { from, delays } of switches) {
    delays.perBot.forEach((delay, bot) => {
      const until = from + (delay ?? SWITCH_TIMEOUT_MS);
      // Only a silence that began before the switch: one that begins during it may be the switch's own.
      if ((silences[bot] ?? []).some((silence) => silence.from < from && silence.to > from && silence.from < until))
        result.leftOut++;
      else if (delay === null) result.missed++;
      else result.delays.push(delay);
    });
  }
  return result;
}

/** Waits until every bot shows `source`'s picture after `since`; how long each took (ms), and how many never did. */
async function measureSwitch(
  fleet: BotFleets,
  source: string,
  since: number,
  what: string,
  timeoutMs: number,
): Promise<SwitchDelays> {
  let arrivals: Array<number | null> = [];
  await waitUntil(
    what,
    async () => {
      arrivals = await fleet.sourceArrivals({ source, since });
      return arrivals.every((a) => a !== null);
    },
    timeoutMs,
  );
  const delays = arrivals.flatMap((a) => (a === null ? [] : [a - since]));
  const missing = arrivals.flatMap((a, bot) => (a === null ? [bot] : []));
  const perBot = arrivals.map((a) => (a === null ? null : a - since));
  return { ...distribution(delays, arrivals.length), delays, missing, perBot };
}

/** A layer of the clip has a keyframe every 2 s: a bot sent none for longer is sent no video. */
const NO_PICTURE_AFTER_MS = 4_000;

/**
 * Which of the chair's simulcast layers the SFU sends each bot, from the size of the last
 * keyframe it received: fewer packets than the chair's top layer with no loss means the SFU's
 * bandwidth estimation chose a lower layer for some bots, not that packets went missing.
 */
function layersSent(
  pictures: Array<PictureSeen | undefined>,
  chairClip: ReplayClip,
  now: number,
): { top: number; middle: number; low: number; none: number } {
  const layerOf = (p: PictureSeen | undefined) =>
    p && now - p.at <= NO_PICTURE_AFTER_MS
      ? chairClip.layers.findIndex((l) => l.width === p.width && l.height === p.height)
      : -1;
  const counts = { top: 0, middle: 0, low: 0, none: 0 };
  for (const layer of pictures.map(layerOf)) counts[(['low', 'middle', 'top'] as const)[layer] ?? 'none']++;
  return counts;
}

/** Over joins: the time from one of their moments to a later one, where both happened. */
function sinceEach(joins: JoinTimes[], from: keyof JoinTimes, to: keyof JoinTimes, of: number): Distribution {
  return distribution(
    joins.flatMap((j) => {
      const [start, end] = [j[from], j[to]];
      return start !== null && end !== null ? [end - start] : [];
    }),
    of,
  );
}

/** Where a bot got stuck: its joins and what it was offered and received. */
function describeBot(bot: SiteBotStats): string {
  const joins = bot.joins.map(
    (j) => `${j.reason}${j.error ? ` (${j.error})` : j.readyAt ? ' ready' : j.answeredAt ? ' answered' : ''}`,
  );
  const now = epochMs();
  const consumers = bot.consumers.map(
    (c) =>
      `${c.purpose}${c.closedAt ? ' closed' : ''}: ${c.counts.packets} packets` +
      (c.counts.lastPacketAt ? `, the last ${Math.round(now - c.counts.lastPacketAt)} ms ago` : ''),
  );
  return `${bot.username}: joins [${joins.join(', ')}]; consumers [${consumers.join(', ')}]; sources [${bot.sourceChanges.map((c) => c.source).join(', ')}]`;
}

/** Picture sizes of every layer of the clips, for the bots to name the source of a keyframe. */
function sourceSizes(clips: ReplayClip[]): Record<string, string> {
  return Object.fromEntries(clips.flatMap((clip) => clip.layers.map((l) => [`${l.width}x${l.height}`, clip.name])));
}

async function runBench(options: BenchOptions, run: Run): Promise<void> {
  progress(
    `${options.sites} sites (${options.sites - (options.kiosk ? 2 : 1)} light bots in ${options.botProcesses} process(es), ` +
      `${options.kiosk ? '1 Chromium kiosk, ' : ''}` +
      `1 replay source taking the floor) and a replay chair, ${options.nodes} node(s) × ${options.workers} mediasoup workers`,
  );
  progress('mediasoup worker binary and replay clips…');
  const workerBin = await resolveWorkerBinary();
  const clips = await Promise.all([CHAIR_SOURCE, SPEAKER_SOURCE].map(loadReplayClip));

  progress('database, platform, accounts and meeting…');
  const platform = RpcChild.start<PlatformApi>(path.join(HERE, 'platformProcess.ts'), {
    ...process.env,
    MEDIASOUP_WORKER_BIN: workerBin,
    ...(options.workerNice === undefined ? {} : { MEDIASOUP_WORKER_NICE: String(options.workerNice) }),
  });
  run.platform = platform;
  const setup: BenchSetup = await platform.call('start', {
    workers: options.workers,
    sites: options.sites,
    nodes: options.nodes,
  });
  progress(`platform at ${setup.url}, meeting ${setup.meetingId}`);
  const warnings: string[] = [];
  const warn = (message: string, error: unknown) => warnings.push(`${message}: ${String(error)}`);

  progress('replay sources: the chair and the site that will take the floor…');
  const chair = await SourceBot.start({
    baseUrl: setup.url,
    meetingId: setup.meetingId,
    ...setup.chair,
    clip: clips[0]!,
    onWarning: warn,
  });
  run.sources.push(chair);
  const speaker = await SourceBot.start({
    baseUrl: setup.url,
    meetingId: setup.meetingId,
    ...setup.speaker,
    clip: clips[1]!,
    onWarning: warn,
  });
  run.sources.push(speaker);

  const kioskAccount = options.kiosk ? setup.bots[0] : undefined;
  const botAccounts = options.kiosk ? setup.bots.slice(1) : setup.bots;
  let kiosk: BrowserParticipant | undefined;
  if (kioskAccount) {
    progress(`Chromium kiosk ${kioskAccount.username} rides along…`);
    // The kiosk rides along to decode the programme; its own camera feeds nothing here (the replay
    // site takes the floor), so it films at 5 frames a second: at 30 its three-layer encode took a
    // quarter of a core that the bots needed at 348 sites.
    run.browser = await launchChromium({ fakeCameraFps: 5 });
    kiosk = await openMeetingInBrowser(run.browser, setup.url, setup.meetingId, kioskAccount);
    run.pages.push(kiosk);
  }

  progress(`signing in and connecting ${botAccounts.length} bots…`);
  const lateJoiners = Math.min(LATE_JOINERS, botAccounts.length - 1);
  const fleet = BotFleets.start(options.botProcesses);
  run.fleet = fleet;
  const connected = await fleet.connect({
    baseUrl: setup.url,
    meetingId: setup.meetingId,
    accounts: botAccounts,
    sourceSizes: sourceSizes(clips),
    transportCc: options.transportCc,
    lateJoiners,
  });
  if (connected.failures.length > 0)
    progress(`${connected.failures.length} bots could not connect, e.g. ${connected.failures[0]}`);
  /** The bots of the storm; the late joiners count among them once joined. */
  const stormBots = botAccounts.length - lateJoiners;
  const botCount = botAccounts.length;

  const udpDropsAtStart = udpReceiveBufferErrors();
  progress(`${stormBots} bots join at once (${lateJoiners} join later, one at a time)…`);
  const storm = await fleet.joinAll();
  if (storm.failures.length > 0) progress(`${storm.failures.length} joins failed, e.g. ${storm.failures[0]}`);
  const received = await measureSwitch(
    fleet,
    CHAIR_SOURCE,
    storm.startedAt,
    'join storm: every bot shows the chair',
    STORM_TIMEOUT_MS,
  );
  for (const bot of (await fleet.stats()).filter((b) => b.firstPictureAt === undefined).slice(0, 5)) {
    progress(`never showed the programme: ${describeBot(bot)}`);
  }
  const joins = await fleet.joinTimes();
  const firstPacket = sinceEach(joins, 'requestedAt', 'firstPacketAt', stormBots);
  const firstPicture = sinceEach(joins, 'requestedAt', 'firstPictureAt', stormBots);
  const answered = sinceEach(joins, 'requestedAt', 'answeredAt', stormBots);
  // Where a first picture's time goes: the transport and `meeting:ready`, then the keyframe.
  const ready = sinceEach(joins, 'requestedAt', 'readyAt', stormBots);
  const readyToPicture = sinceEach(joins, 'readyAt', 'firstPictureAt', stormBots);
  // The bot's own ICE and DTLS run beside `meeting:ready`.
  const secured = sinceEach(joins, 'requestedAt', 'securedAt', stormBots);
  const securedToPicture = sinceEach(joins, 'securedAt', 'firstPictureAt', stormBots);
  const allReceivingMs = received.count === stormBots ? received.max : null;
  progress(`${received.count}/${stormBots} bots show the programme`);

  progress(`${lateJoiners} bots join the running meeting, one at a time…`);
  const lateJoins = await fleet.lateJoins();
  const lateFirstPicture = sinceEach(lateJoins, 'requestedAt', 'firstPictureAt', lateJoiners);
  const lateReady = sinceEach(lateJoins, 'requestedAt', 'readyAt', lateJoiners);
  const lateReadyToPicture = sinceEach(lateJoins, 'readyAt', 'firstPictureAt', lateJoiners);
  const lateSecured = sinceEach(lateJoins, 'requestedAt', 'securedAt', lateJoiners);

  progress(`settling ${SETTLE_MS / 1000} s, then a steady ${STEADY_WINDOW_MS / 1000} s window…`);
  // From here to the last switch (over 30 s: it holds a round of stored quality samples).
  await eventLoopDelay(setup.url);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const load = await platform.call('workerLoad');
  const workerPids = load.map((w) => w.pid);
  // As the kernel runs them: the platform raises their priority (MEDIASOUP_WORKER_NICE) when it may.
  const workerNice = workerPids.map((pid) => os.getPriority(pid));
  const otherServerPids = await platform.call('nodePids');
  const countsBefore: CountsSnapshot = new Map(await fleet.counts());
  const sentBefore = chair.stats();
  const udpDropsBeforeWindow = udpReceiveBufferErrors();
  const workerDropsBeforeWindow = udpDropsAt(workerPids);
  // Chromium's processes (browser, renderer, GPU, network…) are this process's children too.
  const chromiumPids = descendants(process.pid)
    .filter((p) => p.name.startsWith('chrom'))
    .map((p) => p.pid);
  const cpu = startCpuWindow([...workerPids, platform.pid, ...otherServerPids, ...fleet.pids, process.pid]);
  const chromiumCpu = startCpuWindow(chromiumPids);
  const machineCpu = startMachineCpuWindow();
  await new Promise((r) => setTimeout(r, STEADY_WINDOW_MS));
  const cpuPct = cpu.stop().map((pct) => Math.round(pct * 10) / 10);
  const chromiumCpuPct = Math.round(chromiumCpu.stop().reduce((a, b) => a + b, 0));
  const machine = machineCpu.stop();
  const steady = lossBetween(countsBefore, new Map(await fleet.counts()));
  const layers = layersSent(
    (await fleet.stats()).map((bot) => bot.lastPicture),
    clips[0]!,
    epochMs(),
  );
  const sentAfter = chair.stats();
  const udpDropsInWindow = udpReceiveBufferErrors() - udpDropsBeforeWindow;
  const workerDropsInWindow = udpDropsAt(workerPids) - workerDropsBeforeWindow;
  const lossPct = steady.expected > 0 ? (steady.lost / steady.expected) * 100 : null;
  const memory = { server: rssMb(platform.pid), workers: workerPids.map(rssMb), bots: fleet.pids.map(rssMb) };
  // What one site should receive each second: the chair's top layer and its voice.
  const perSecond = (n: number) => (n / STEADY_WINDOW_MS) * 1000;
  const sentPacketsPerSecond = perSecond(
    sentAfter.layerPackets[2]! - sentBefore.layerPackets[2]! + sentAfter.voicePackets - sentBefore.voicePackets,
  );
  const sentKbps = (perSecond(sentAfter.octets - sentBefore.octets) * 8) / 1000;
  const botPacketsPerSecond = perSecond(steady.packets) / Math.max(1, botCount);
  const botKbps = (perSecond(steady.bytes) * 8) / 1000 / Math.max(1, botCount);
  const measuredItself = botPacketsPerSecond < sentPacketsPerSecond * RECEIVED_TOLERANCE;

  progress(`${SWITCHES} floor switches in a row (grant to the replay site, revoke back to the chair)…`);
  // A floor command the overloaded host does not answer fails its switch, not the whole run.
  const command = async (
    source: SourceBot,
    name: 'floor:request' | 'floor:revoke' | 'floor:grant',
    payload: { siteId?: string },
  ) => {
    try {
      await floorRequest(source, name, payload);
      return true;
    } catch (error) {
      warn(`${name} by ${source.username}`, error);
      progress(`${name} failed: ${String(error)}`);
      return false;
    }
  };
  await command(speaker, 'floor:request', {});
  const switches: Array<{ to: string; from: number; delays: SwitchDelays; renegotiations: number }> = [];
  let describedStuck = 0;
  let kioskDecodedSpeaker = false;
  let kioskDecodedChair = false;
  const speakerSiteId = setup.speaker.siteId;
  for (let i = 0; i < SWITCHES; i++) {
    const granting = i % 2 === 0;
    if (granting && i > 0) await command(speaker, 'floor:request', {});
    const from = epochMs();
    const sent = await command(chair, granting ? 'floor:grant' : 'floor:revoke', granting ? { siteId: speakerSiteId } : {});
    const to = granting ? SPEAKER_SOURCE : CHAIR_SOURCE;
    const delays = sent
      ? await measureSwitch(fleet, to, from, `switch ${i + 1}: every bot shows ${to}`, SWITCH_TIMEOUT_MS)
      : { ...distribution([], botCount), delays: [], missing: [], perBot: [] };
    if (delays.missing.length > 0 && describedStuck < 3) {
      const fleetStats = await fleet.stats();
      for (const bot of delays.missing.slice(0, 3 - describedStuck)) {
        describedStuck++;
        progress(`did not show ${to}: ${describeBot(fleetStats[bot]!)}`);
      }
    }
    const renegotiations = (await fleet.renegotiations({ from, to: epochMs() })) / Math.max(1, botCount);
    switches.push({ to, from, delays, renegotiations });
    // The caption is sent once the relay has the new source's keyframe: a late caption is the
    // source's keyframe coming late, a late picture after an early caption is the delivery.
    const captions = (await fleet.arrivals({ siteId: granting ? speakerSiteId : null, since: from })).flatMap((a) =>
      a === null ? [] : [a - from],
    );
    progress(
      `switch ${i + 1} → ${to}: ${formatDistribution(delays)}; caption p50 ${percentile(captions, 50)?.toFixed(0) ?? '—'} ms; ` +
        `${renegotiations.toFixed(2)} renegotiations per bot`,
    );
    // The Chromium kiosk must decode the same source (read from its own WebRTC statistics).
    if (kiosk && granting && !kioskDecodedSpeaker)
      kioskDecodedSpeaker = await waitUntil(
        'the kiosk decodes the floor site',
        () => kiosk.screen.decodesProgrammeOf(speakerSiteId),
        10_000,
      );
    if (kiosk && !granting && !kioskDecodedChair)
      kioskDecodedChair = await waitUntil('the kiosk decodes the chair', () => kiosk.screen.decodesProgrammeOf(null), 10_000);
    await new Promise((r) => setTimeout(r, BETWEEN_SWITCHES_MS));
  }
  const grant = switches[0]!.delays;
  const back = switches[1]!.delays;
  const hostEventLoop = await eventLoopDelay(setup.url);
  // The p99 over every site's delay in every switch.
  const switchP99 = percentile(
    switches.flatMap((s) => s.delays.delays),
    99,
  );
  const sentVideo = switchesWhileSentVideo(switches, await fleet.videoSilences());
  const sentVideoP99 = percentile(sentVideo.delays, 99);

  // Read before a node is killed: its workers' sockets, and their counts, go with it.
  const workerDropsInRun = udpDropsAt(workerPids);
  // Clients whose media run on each node (the sources and the kiosk included).
  const clientsPerNode = Array.from({ length: options.nodes }, (_, node) =>
    load.filter((w) => w.node === node).reduce((sum, w) => sum + w.peers, 0),
  );
  let nodeKill: Recovery | undefined;
  if (options.nodes > 1) {
    progress(`killing node 1 (SIGKILL), which holds ${clientsPerNode[1]} sites' media…`);
    const killedAt = Date.now();
    await platform.call('killNode', { index: 1 });
    await waitUntil(
      'the killed node’s sites receive the programme again',
      async () => {
        nodeKill = await fleet.recovery({ since: killedAt });
        return nodeKill.lastMs !== null && nodeKill.stalled === 0;
      },
      NODE_RECOVERY_TIMEOUT_MS,
    );
    progress(
      `${nodeKill?.recovered}/${nodeKill?.moved} sites of the killed node receive the programme again; ${nodeKill?.stalled} other sites stalled`,
    );
  }

  const wholeRun = lossBetween(new Map(), new Map(await fleet.counts()));
  const udpDropsInRun = udpReceiveBufferErrors() - udpDropsAtStart;
  warnings.push(...(await fleet.takeWarnings()));
  const feedback = await fleet.feedbackSent();
  const readLag = histogramDistribution(await fleet.readLag());
  const workerCpuPct = cpuPct.slice(0, workerPids.length);
  const serverCpuPct = cpuPct[workerPids.length]!;
  const otherServersCpuPct = cpuPct.slice(workerPids.length + 1, workerPids.length + 1 + otherServerPids.length);
  const botCpuPct = cpuPct.slice(workerPids.length + 1 + otherServerPids.length, -1);
  const sourcesCpuPct = cpuPct.at(-1)!;
  const botCpuPerSitePct = botCpuPct.reduce((a, b) => a + b, 0) / Math.max(1, botCount);
  const mb = (v: number) => `${Math.round(v)} MB`;
  const switchesNotComplete = switches.filter((s) => s.delays.count < s.delays.of).length;
  const sitesNotSwitched = grant.of - grant.count;
  // A source rejoins when its transport failed (ICE consent or DTLS under load): every site then renegotiates.
  const sourceRejoins = chair.stats().joins - 1 + speaker.stats().joins - 1;
  const renegotiationsPerSwitch = switches.reduce((n, s) => n + s.renegotiations, 0) / switches.length;

  console.log(
    formatTable(`Meeting benchmark — ${options.sites} sites, ${options.nodes} node(s) × ${options.workers} workers`, [
      [
        'sites showing the programme',
        `${received.count} bots of ${stormBots} in the storm (${kiosk ? '+ Chromium kiosk, ' : ''}+ replay site)`,
      ],
      ['all showing it after', allReceivingMs === null ? 'never (see above)' : `${allReceivingMs} ms`],
      ['join → first programme packet', formatDistribution(firstPacket)],
      ['join → first programme picture (keyframe)', formatDistribution(firstPicture)],
      ['join request → answer', formatDistribution(answered)],
      ['join request → ready (transport connected, programme asked for)', formatDistribution(ready)],
      ['ready → first programme picture', formatDistribution(readyToPicture)],
      ['join request → the bot\'s ICE and DTLS done; → first picture', `${formatDistribution(secured)}; ${formatDistribution(securedToPicture)}`],
      ['a room joining the running meeting alone: join → first picture', formatDistribution(lateFirstPicture)],
      ['… join → ready; ready → first picture', `${formatDistribution(lateReady)}; ${formatDistribution(lateReadyToPicture)}`],
      ['… join → the bot\'s ICE and DTLS done', formatDistribution(lateSecured)],
      ['floor grant → the site’s picture at every bot', formatDistribution(grant)],
      ['floor revoke → the chair’s picture at every bot', formatDistribution(back)],
      [
        `${SWITCHES} switches in a row, p99 over every site and switch`,
        `${switchP99 === undefined ? '—' : Math.round(switchP99)} ms (${switchesNotComplete} switches incomplete)`,
      ],
      [
        '… p99 at the bots the SFU was sending video to',
        `${sentVideoP99 === undefined ? '—' : Math.round(sentVideoP99)} ms (${sentVideo.missed} bot-switches missed; ` +
          `${sentVideo.leftOut} left out: the bot was in a silence of its video (${SILENCE_MS / 1000} s or more) that began before the switch)`,
      ],
      ['renegotiations per bot per switch', renegotiationsPerSwitch.toFixed(2)],
      [
        'Chromium kiosk decodes the floor site / the chair',
        kiosk ? `${kioskDecodedSpeaker ? 'yes' : 'NO'} / ${kioskDecodedChair ? 'yes' : 'NO'}` : '— (--no-kiosk)',
      ],
      [
        'loss, steady 10 s window',
        `${lossPct === null ? '—' : lossPct.toFixed(3)} % (${steady.lost} of ${steady.expected} packets)`,
      ],
      ['loss, whole run', `${wholeRun.expected > 0 ? ((wholeRun.lost / wholeRun.expected) * 100).toFixed(3) : '—'} %`],
      ['UDP receive-buffer drops (machine)', `${udpDropsInWindow} in the window, ${udpDropsInRun} in the run`],
      [
        "… of which at the mediasoup workers' sockets (the SFU not reading in time)",
        `${workerDropsInWindow} in the window, ${workerDropsInRun} in the run`,
      ],
      [
        'chair source sent (all layers + voice)',
        `${Math.round(sentKbps)} kbit/s; top layer + voice ${Math.round(sentPacketsPerSecond)} packets/s`,
      ],
      ['programme received per bot', `${Math.round(botKbps)} kbit/s, ${Math.round(botPacketsPerSecond)} packets/s`],
      [
        'layer each bot is sent at the window\'s end (its last keyframe)',
        `top ${layers.top}, middle ${layers.middle}, low ${layers.low}, no picture for ${NO_PICTURE_AFTER_MS / 1000} s ${layers.none}`,
      ],
      [
        'received against sent',
        !measuredItself
          ? 'as sent'
          : layers.top < botCount
            ? `LESS than the top layer and voice: ${botCount - layers.top} bots were sent a lower layer or none (the SFU's bandwidth estimation, from their feedback: late reads of a starved bot process look like a congested link)`
            : 'LESS than the top layer and voice, with every bot sent the top layer: the bench measured itself',
      ],
      [
        'replay sources: rejoins; keyframe requests to the chair (answered)',
        `${sourceRejoins}; ${chair.stats().keyframeRequests} (${chair.stats().keyframesSentOnRequest})`,
      ],
      ['bots sent NACK / PLI (whole run)', `${feedback.nacks} / ${feedback.plis}`],
      [
        'bots read their datagrams after the kernel received them',
        `${formatDistribution(readLag)} (arrival times are the kernel's; a late read delays only the bots' feedback)`,
      ],
      [
        'host node’s event loop, settling → last switch: longest delay; p99',
        `${hostEventLoop.maxMs} ms; ${hostEventLoop.p99Ms} ms`,
      ],
      ['clients per node (media placed there)', clientsPerNode.join(' / ')],
      [
        'node killed → its sites receive again',
        !nodeKill
          ? '— (one node)'
          : nodeKill.lastMs === null
            ? `${nodeKill.recovered} of ${nodeKill.moved} within ${NODE_RECOVERY_TIMEOUT_MS / 1000} s`
            : `${Math.round(nodeKill.lastMs)} ms (${nodeKill.moved} sites moved; ${nodeKill.stalled} others stalled at the end)`,
      ],
      ['consumers per worker', load.map((w) => w.consumers).join(' / ')],
      ['worker CPU (% of a core); nice', `${workerCpuPct.join(' / ')}; ${workerNice.join(' / ')}`],
      ['server process CPU (host)', `${serverCpuPct} %`],
      ...(otherServersCpuPct.length > 0
        ? [['server process CPU (other nodes)', otherServersCpuPct.map((c) => `${c} %`).join(' / ')] as [string, string]]
        : []),
      ['bot processes CPU; per site', `${botCpuPct.map((c) => `${c} %`).join(' / ')}; ${botCpuPerSitePct.toFixed(3)} %`],
      ['replay sources + orchestration + Chromium driver CPU', `${sourcesCpuPct} %`],
      [
        'Chromium kiosk CPU (all its processes: camera encode, programme decode)',
        kiosk ? `${chromiumCpuPct} %` : '— (--no-kiosk)',
      ],
      [
        `machine CPU busy (${os.availableParallelism()} cores: ${os.availableParallelism() * 100} %); of which kernel softirq (datagrams)`,
        `${Math.round(machine.busyPct)} %; ${Math.round(machine.softirqPct)} %`,
      ],
      ['server RSS (node)', mb(memory.server)],
      ['worker RSS', memory.workers.map(mb).join(' / ')],
      ['bot processes RSS', memory.bots.map(mb).join(' / ')],
      ['warnings', warnings.length === 0 ? 'none' : `${warnings.length}, e.g. ${warnings[0]}`],
    ]),
  );
  console.log(
    JSON.stringify({
      sites: options.sites,
      bots: botCount,
      workers: options.workers,
      nodes: options.nodes,
      botProcesses: options.botProcesses,
      botTransportCc: options.transportCc,
      allReceivingMs,
      joinP50Ms: firstPacket.p50,
      joinP99Ms: firstPacket.p99,
      firstPictureP50Ms: firstPicture.p50,
      firstPictureP99Ms: firstPicture.p99,
      readyP50Ms: ready.p50,
      readyToPictureP50Ms: readyToPicture.p50,
      hostEventLoopMaxMs: hostEventLoop.maxMs,
      hostEventLoopP99Ms: hostEventLoop.p99Ms,
      securedP50Ms: secured.p50,
      lateJoinFirstPictureP50Ms: lateFirstPicture.p50,
      lateJoinFirstPictureMaxMs: lateFirstPicture.count === lateFirstPicture.of ? lateFirstPicture.max : null,
      lateJoinReadyP50Ms: lateReady.p50,
      floorSwitchP50Ms: grant.p50,
      floorSwitchP99Ms: grant.count === grant.of ? grant.p99 : null,
      floorReturnP99Ms: back.count === back.of ? back.p99 : null,
      sitesNotSwitched,
      switchesP99Ms: switchesNotComplete === 0 && switchP99 !== undefined ? Math.round(switchP99) : null,
      switchesIncomplete: switchesNotComplete,
      switchesSentVideoP99Ms: sentVideo.missed === 0 && sentVideoP99 !== undefined ? Math.round(sentVideoP99) : null,
      switchesSentVideoMissed: sentVideo.missed,
      botSwitchesWithoutVideo: sentVideo.leftOut,
      renegotiationsPerSwitch: Number(renegotiationsPerSwitch.toFixed(2)),
      kioskDecoded: kiosk ? kioskDecodedSpeaker && kioskDecodedChair : null,
      lossPct: lossPct === null ? null : Number(lossPct.toFixed(4)),
      lossWholeRunPct: wholeRun.expected > 0 ? Number(((wholeRun.lost / wholeRun.expected) * 100).toFixed(4)) : null,
      botPacketsPerSecond: Math.round(botPacketsPerSecond),
      sentPacketsPerSecond: Math.round(sentPacketsPerSecond),
      botLayers: layers,
      sourceKbps: Math.round(sentKbps),
      botReceivedKbps: Math.round(botKbps),
      benchMeasuredItself: measuredItself,
      botReadLagP99Ms: readLag.p99,
      workerCpuPct,
      workerNice,
      consumersPerWorker: load.map((w) => w.consumers),
      serverCpuPct,
      otherServersCpuPct,
      botProcessCpuPct: botCpuPct,
      botCpuPerSitePct: Number(botCpuPerSitePct.toFixed(3)),
      chromiumCpuPct,
      machineCpuPct: Math.round(machine.busyPct),
      softirqCpuPct: Math.round(machine.softirqPct),
      serverRssMb: Math.round(memory.server),
      workerRssMb: memory.workers.map(Math.round),
      botProcessRssMb: memory.bots.map(Math.round),
      clientsPerNode,
      recoveryMs: nodeKill?.lastMs == null ? null : Math.round(nodeKill.lastMs),
      recoverySitesMoved: nodeKill?.moved ?? null,
      udpReceiveBufferDrops: udpDropsInRun,
      udpDropsAtWorkers: workerDropsInRun,
      sourceRejoins,
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
      warnings: warnings.length,
    }),
  );
}

async function cleanUp(run: Run): Promise<void> {
  await run.fleet?.stop();
  for (const source of run.sources) source.close();
  for (const page of run.pages) await page.context.close().catch(() => undefined);
  await run.browser?.close().catch(() => undefined);
  await run.platform?.stop();
}

const options = parseBenchOptions(process.argv.slice(2));
const run: Run = { pages: [], sources: [] };
const deadline = setTimeout(() => {
  progress(`global timeout (${options.timeoutMs / 1000} s): stopping`);
  const exit = () => process.exit(2);
  cleanUp(run).then(exit, exit);
}, options.timeoutMs);
let failed = false;
try {
  await runBench(options, run);
} catch (error) {
  failed = true;
  console.error('[bench] failed:', error);
} finally {
  clearTimeout(deadline);
  await cleanUp(run);
}
process.exit(failed ? 1 : 0);
