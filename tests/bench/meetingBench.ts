/**
 * `npm run bench:meeting -- --sites N [--workers N] [--nodes N]`: one live meeting on a real platform node (or a cluster of N), a
 * Chromium chair sending its fake camera, one Chromium site kiosk that will take the floor, and
 * N − 1 bot sites that all join at the same moment. Measures how long until every site receives
 * the programme, the join times, the floor switch to the kiosk and back, worker CPU in a steady
 * window, packet loss and memory. Prints a table and, last, one line of JSON.
 *
 * With --nodes N the meeting's host runs in the platform process and N − 1 more nodes run as
 * server processes on the same database and Redis: sites are placed across them, and at the end
 * one of the other nodes is killed (SIGKILL) to measure how long its sites take to receive the
 * programme again.
 *
 * Processes: this one (orchestration and Chromium), the platform (platformProcess.ts) and the bots
 * (fleetProcess.ts). Everything runs on 127.0.0.1 and stops by itself after --timeout.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { lossBetween, type CountsSnapshot } from '../bots/botStats.ts';
import {
  grantFloorFromChair,
  openMeetingInBrowser,
  revokeFloorFromChair,
  type BrowserParticipant,
} from '../bots/meetingBrowsers.ts';
import { launchChromium } from '../support/chromium.ts';
import { parseBenchOptions, type BenchOptions } from './benchOptions.ts';
import { distribution, formatDistribution, formatTable, type Distribution } from './benchReport.ts';
import { RpcChild } from './childProcessRpc.ts';
import { BotFleets } from './botFleets.ts';
import type { Recovery } from './fleetProcess.ts';
import type { SiteBotStats } from '../bots/siteBot.ts';
import type { BenchSetup, PlatformApi } from './platformProcess.ts';
import { rssMb, startCpuWindow, udpReceiveBufferErrors } from './procStats.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
/** Time given to the join storm and to each floor switch to reach every bot. */
const STORM_TIMEOUT_MS = 120_000;
const SWITCH_TIMEOUT_MS = 30_000;
/** Let the join storm's keyframes and bandwidth probing settle before measuring steady state. */
const SETTLE_MS = 5_000;
const STEADY_WINDOW_MS = 10_000;
/** A killed node's sites must be placed again and receive the programme within this. */
const NODE_RECOVERY_TIMEOUT_MS = 60_000;

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
  const { ensureMediasoupWorker } = (await import(ensure)) as { ensureMediasoupWorker(): Promise<string> };
  return ensureMediasoupWorker();
}

interface Run {
  platform?: RpcChild<PlatformApi>;
  fleet?: BotFleets;
  browser?: Browser;
  pages: BrowserParticipant[];
}


/** Waits until every bot receives `siteId`'s camera (null: the chair) as programme after `since`. */
async function measureSwitch(
  fleet: BotFleets,
  siteId: string | null,
  since: number,
  what: string,
  timeoutMs: number,
): Promise<{ delays: Distribution }> {
  let arrivals: Array<number | null> = [];
  await waitUntil(
    what,
    async () => {
      arrivals = await fleet.arrivals({ siteId, since });
      return arrivals.every((a) => a !== null);
    },
    timeoutMs,
  );
  const delays = arrivals.flatMap((a) => (a === null ? [] : [a - since]));
  return { delays: distribution(delays, arrivals.length) };
}

/** Where a bot got stuck: its joins and what it was offered and received. */
function describeBot(bot: SiteBotStats): string {
  const joins = bot.joins.map((j) => `${j.reason}${j.error ? ` (${j.error})` : j.readyAt ? ' ready' : j.answeredAt ? ' answered' : ''}`);
  const consumers = bot.consumers.map((c) => `${c.purpose}${c.closedAt ? ' closed' : ''}: ${c.counts.packets} packets`);
  return `${bot.username}: joins [${joins.join(', ')}]; consumers [${consumers.join(', ')}]`;
}

async function runBench(options: BenchOptions, run: Run): Promise<void> {
  progress(
    `${options.sites} sites (1 Chromium kiosk + ${options.sites - 1} bots in ${options.botProcesses} process(es)), ` +
      `${options.nodes} node(s) × ${options.workers} mediasoup workers`,
  );
  progress('mediasoup worker binary…');
  const workerBin = await resolveWorkerBinary();

  progress('database, platform, accounts and meeting…');
  const platform = RpcChild.start<PlatformApi>(path.join(HERE, 'platformProcess.ts'), {
    ...process.env,
    MEDIASOUP_WORKER_BIN: workerBin,
  });
  run.platform = platform;
  const setup: BenchSetup = await platform.call('start', { workers: options.workers, sites: options.sites, nodes: options.nodes });
  progress(`platform at ${setup.url}, meeting ${setup.meetingId}`);
  const producers = async () => (await platform.call('workerLoad')).reduce((n, w) => n + w.producers, 0);

  progress('Chromium chair (camera and microphone)…');
  const browser = await launchChromium();
  run.browser = browser;
  const chair = await openMeetingInBrowser(browser, setup.url, setup.meetingId, setup.chair);
  run.pages.push(chair);
  if (!(await waitUntil('the chair sends camera and microphone', async () => (await producers()) >= 2, 60_000))) {
    throw new Error('the Chromium chair never sent its camera and microphone');
  }
  progress(`Chromium site kiosk ${setup.speaker.username} (camera and microphone)…`);
  const speaker = await openMeetingInBrowser(browser, setup.url, setup.meetingId, setup.speaker);
  run.pages.push(speaker);
  if (!(await waitUntil('the kiosk sends camera and microphone', async () => (await producers()) >= 4, 60_000))) {
    throw new Error('the Chromium kiosk never sent its camera and microphone');
  }

  progress(`signing in and connecting ${setup.bots.length} bots…`);
  const fleet = BotFleets.start(options.botProcesses);
  run.fleet = fleet;
  const connected = await fleet.connect({ baseUrl: setup.url, meetingId: setup.meetingId, accounts: setup.bots });
  if (connected.failures.length > 0) progress(`${connected.failures.length} bots could not connect, e.g. ${connected.failures[0]}`);

  const udpDropsAtStart = udpReceiveBufferErrors();
  progress(`all ${setup.bots.length} bots join at once…`);
  const storm = await fleet.joinAll();
  if (storm.failures.length > 0) progress(`${storm.failures.length} joins failed, e.g. ${storm.failures[0]}`);
  const received = await measureSwitch(fleet, null, storm.startedAt, 'join storm: every bot receives the chair', STORM_TIMEOUT_MS);
  const botStats = await fleet.stats();
  for (const bot of botStats.filter((b) => b.firstProgrammeVideoAt === undefined).slice(0, 5)) {
    progress(`never received: ${describeBot(bot)}`);
  }
  const firstJoins = botStats.map((b) => b.joins[0]);
  const joinDelays = botStats.flatMap((b) =>
    b.firstProgrammeVideoAt !== undefined && b.joins[0] ? [b.firstProgrammeVideoAt - b.joins[0].requestedAt] : [],
  );
  // Audio needs no keyframe: its first packet shows when the transport was up, video's the keyframe too.
  const audioDelays = botStats.flatMap((b) => {
    const audio = b.consumers.find((c) => c.purpose === 'programme-audio' && c.siteId === null);
    return audio?.counts.firstPacketAt !== undefined && b.joins[0] ? [audio.counts.firstPacketAt - b.joins[0].requestedAt] : [];
  });
  const answerDelays = firstJoins.flatMap((j) => (j?.answeredAt !== undefined ? [j.answeredAt - j.requestedAt] : []));
  const readyDelays = firstJoins.flatMap((j) => (j?.readyAt !== undefined ? [j.readyAt - j.requestedAt] : []));
  const everyoneReceived = received.delays.count === setup.bots.length;
  const allReceivingMs = everyoneReceived ? received.delays.max : null;
  progress(`${received.delays.count}/${setup.bots.length} bots receive the programme`);

  progress(`settling ${SETTLE_MS / 1000} s, then a steady ${STEADY_WINDOW_MS / 1000} s window…`);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const load = await platform.call('workerLoad');
  const workerPids = load.map((w) => w.pid);
  const otherServerPids = await platform.call('nodePids');
  const countsBefore: CountsSnapshot = new Map(await fleet.counts());
  const udpDropsBeforeWindow = udpReceiveBufferErrors();
  const cpu = startCpuWindow([...workerPids, platform.pid, ...otherServerPids, ...fleet.pids]);
  await new Promise((r) => setTimeout(r, STEADY_WINDOW_MS));
  const cpuPct = cpu.stop().map((pct) => Math.round(pct * 10) / 10);
  const steady = lossBetween(countsBefore, new Map(await fleet.counts()));
  const udpDropsInWindow = udpReceiveBufferErrors() - udpDropsBeforeWindow;
  const lossPct = steady.expected > 0 ? (steady.lost / steady.expected) * 100 : null;
  const memory = {
    server: rssMb(platform.pid),
    workers: workerPids.map(rssMb),
    bots: fleet.pids.map(rssMb),
  };

  progress('the chair grants the floor to the Chromium kiosk…');
  const grantedAt = await grantFloorFromChair(chair.screen, speaker.screen, setup.speaker.siteName);
  const floor = await measureSwitch(fleet, setup.speaker.siteId, grantedAt, 'every bot receives the kiosk', SWITCH_TIMEOUT_MS);
  progress('the chair ends the floor…');
  const revokedAt = await revokeFloorFromChair(chair.screen);
  const back = await measureSwitch(fleet, null, revokedAt, 'every bot receives the chair again', SWITCH_TIMEOUT_MS);

  // Clients whose media run on each node (the chair and kiosk included).
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
  const warnings = await fleet.takeWarnings();
  const workerCpuPct = cpuPct.slice(0, workerPids.length);
  const serverCpuPct = cpuPct[workerPids.length];
  const otherServersCpuPct = cpuPct.slice(workerPids.length + 1, workerPids.length + 1 + otherServerPids.length);
  const botCpuPct = cpuPct.slice(workerPids.length + 1 + otherServerPids.length);
  const mb = (v: number) => `${Math.round(v)} MB`;

  console.log(
    formatTable(`Meeting benchmark — ${options.sites} sites, ${options.nodes} node(s) × ${options.workers} workers`, [
      ['sites receiving the programme', `${received.delays.count} bots of ${setup.bots.length} (+ Chromium kiosk)`],
      ['all receiving after', allReceivingMs === null ? 'never (see above)' : `${allReceivingMs} ms`],
      ['join → first programme packet', formatDistribution(distribution(joinDelays, setup.bots.length))],
      ['join → first programme audio packet', formatDistribution(distribution(audioDelays, setup.bots.length))],
      ['join request → answer', formatDistribution(distribution(answerDelays, setup.bots.length))],
      ['join request → ready acknowledged', formatDistribution(distribution(readyDelays, setup.bots.length))],
      ['floor grant → kiosk on every bot', formatDistribution(floor.delays)],
      ['floor revoke → chair on every bot', formatDistribution(back.delays)],
      ['loss, steady 10 s window', `${lossPct === null ? '—' : lossPct.toFixed(3)} % (${steady.lost} of ${steady.expected} packets)`],
      ['loss, whole run', `${wholeRun.expected > 0 ? ((wholeRun.lost / wholeRun.expected) * 100).toFixed(3) : '—'} %`],
      ['UDP receive-buffer drops (machine)', `${udpDropsInWindow} in the window, ${udpDropsInRun} in the run`],
      ['programme packets per bot per s', `${Math.round(steady.packets / STEADY_WINDOW_MS * 1000 / Math.max(1, setup.bots.length))}`],
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
      ['worker CPU (% of a core)', workerCpuPct.join(' / ')],
      ['server process CPU (host)', `${serverCpuPct} %`],
      ...(otherServersCpuPct.length > 0 ? [['server process CPU (other nodes)', otherServersCpuPct.map((c) => `${c} %`).join(' / ')] as [string, string]] : []),
      ['bot processes CPU', botCpuPct.map((c) => `${c} %`).join(' / ')],
      ['server RSS (node)', mb(memory.server)],
      ['worker RSS', memory.workers.map(mb).join(' / ')],
      ['bot processes RSS', memory.bots.map(mb).join(' / ')],
      ['bot warnings', warnings.length === 0 ? 'none' : `${warnings.length}, e.g. ${warnings[0]}`],
    ]),
  );
  console.log(
    JSON.stringify({
      sites: options.sites,
      bots: setup.bots.length,
      workers: options.workers,
      nodes: options.nodes,
      botProcesses: options.botProcesses,
      clientsPerNode,
      nodeKillRecoveryMs: nodeKill?.lastMs == null ? null : Math.round(nodeKill.lastMs),
      nodeKillSitesMoved: nodeKill?.moved ?? null,
      everyoneReceived,
      allReceivingMs,
      joinP50Ms: distribution(joinDelays, setup.bots.length).p50,
      joinP99Ms: distribution(joinDelays, setup.bots.length).p99,
      floorSwitchP50Ms: floor.delays.p50,
      floorSwitchP99Ms: floor.delays.count === setup.bots.length ? floor.delays.p99 : null,
      floorReturnP99Ms: back.delays.count === setup.bots.length ? back.delays.p99 : null,
      lossPct: lossPct === null ? null : Number(lossPct.toFixed(4)),
      lossWholeRunPct: wholeRun.expected > 0 ? Number(((wholeRun.lost / wholeRun.expected) * 100).toFixed(4)) : null,
      workerCpuPct,
      consumersPerWorker: load.map((w) => w.consumers),
      serverCpuPct,
      otherServersCpuPct,
      botProcessCpuPct: botCpuPct,
      serverRssMb: Math.round(memory.server),
      workerRssMb: memory.workers.map(Math.round),
      botProcessRssMb: memory.bots.map(Math.round),
      udpReceiveBufferDrops: udpDropsInRun,
      botWarnings: warnings.length,
    }),
  );
}

async function cleanUp(run: Run): Promise<void> {
  await run.fleet?.stop();
  for (const page of run.pages) await page.context.close().catch(() => undefined);
  await run.browser?.close().catch(() => undefined);
  await run.platform?.stop();
}

const options = parseBenchOptions(process.argv.slice(2));
const run: Run = { pages: [] };
const deadline = setTimeout(() => {
  progress(`global timeout (${options.timeoutMs / 1000} s): stopping`);
  void cleanUp(run).finally(() => process.exit(2));
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
