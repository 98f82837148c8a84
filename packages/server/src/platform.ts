import express from 'express';
import type { Redis } from 'ioredis';
import { socketAuth } from './auth/socketAuth.js';
import { PrismaAttendanceStore } from './attendance/attendanceStore.js';
import { ClusterNode } from './cluster/clusterNode.js';
import { connectRedis } from './cluster/redisConnection.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { seedDemoData } from './directory/seed.js';
import { NodeDrain } from './drain/nodeDrain.js';
import { createApi } from './http/api/createApi.js';
import { healthRoutes, type HealthCheck } from './http/healthRoutes.js';
import { webAppRoutes } from './http/webApp.js';
import type { Logger } from './logger.js';
import { LiveMeetings } from './meetings/live/liveMeetings.js';
import { TechnicalCheck } from './meetings/live/technicalCheck.js';
import { PrismaMeetingPlans } from './meetings/meetingPlans.js';
import { nodeMetrics } from './metrics/nodeMetrics.js';
import { Recordings } from './recording/recordings.js';
import { RunningMeetings } from './recording/runningMeetings.js';
import type { ClusterMedia } from './sfu/cascade/meetingCascade.js';
import { MediaAgent } from './sfu/cascade/mediaAgent.js';
import { SitePlacement } from './sfu/cascade/sitePlacement.js';
import { WorkerPool } from './sfu/workerPool.js';
import { attendanceHandlers } from './signalling/attendanceHandlers.js';
import { checkHandlers } from './signalling/checkHandlers.js';
import { mediaHandlers } from './signalling/mediaHandlers.js';
import { recordingHandlers } from './signalling/recordingHandlers.js';
import { meetingHandlers } from './signalling/meetingHandlers.js';
import { createSocketServer } from './signalling/socketServer.js';
import type { LocalCertificate } from './tls/localCa.js';
import { WebServer } from './tls/webServer.js';

export const VERSION = '0.1.0';

export interface Platform {
  /** The base URL the HTTP server answers on. */
  url: string;
  /** The express application, so a test can walk every registered route. */
  app: express.Express;
  db: Database;
  workers: WorkerPool;
  /** The certificate authority the node made for itself (a trial across a network), for the start banner. */
  localCa?: LocalCertificate;
  /** Takes this node out of service without cutting meetings (SIGTERM, POST /api/admin/drain). */
  drain: NodeDrain;
  close(): Promise<void>;
}

/**
 * Starts one node of the platform: database (migrated, seeded), Redis when configured, the
 * mediasoup workers, then HTTP and signalling. Each step logs what it did, so a first start that
 * takes a while shows why.
 */
export async function startPlatform(config: Config, log: Logger): Promise<Platform> {
  const db = await openDatabase({
    databaseUrl: config.database.url,
    embedded: config.database.embedded,
    log: log.child({ module: 'db' }),
  });
  const closers: Array<() => Promise<void>> = [() => db.close()];
  try {
    if (config.demo.seed) await seedDemoData(db.prisma, { password: config.demo.password }, log.child({ module: 'seed' }));

    let redis: Redis | undefined;
    if (config.redisUrl) {
      redis = await connectRedis(config.redisUrl, config.cluster.name, log.child({ module: 'redis' }));
      const r = redis;
      closers.unshift(async () => void r.disconnect());
    }

    let publicUrl = '';
    let live: LiveMeetings | undefined;
    const cluster = new ClusterNode(
      {
        redis,
        url: () => publicUrl,
        load: () => workers.peers,
        workers: config.mediasoup.numWorkers,
        joinsPerSecond: config.cluster.joinsPerSecond,
        // Read at each heartbeat, after the drain below exists: other nodes stop sending sites here.
        draining: () => drain.draining,
        hostedMeetings: () => live?.openMeetingIds() ?? [],
        persistState: async () => live?.persistState(),
      },
      log.child({ module: 'cluster' }),
    );

    const workers = await WorkerPool.start(
      {
        workerBin: config.mediasoup.workerBin,
        numWorkers: config.mediasoup.numWorkers,
        listenIp: config.mediasoup.listenIp,
        announcedIp: config.mediasoup.announcedIp,
        portBase: config.mediasoup.portBase,
        rtcPorts: config.mediasoup.rtcPorts,
      },
      log.child({ module: 'sfu' }),
    );
    closers.unshift(() => workers.close());

    // With Redis, a meeting spans the nodes: this node holds the media of sites placed here by
    // meetings hosted elsewhere, and places its own meetings' sites across the cluster.
    let clusterMedia: ClusterMedia | undefined;
    if (cluster.rpc) {
      const agent = new MediaAgent(
        cluster.rpc,
        workers,
        { ip: config.mediasoup.listenIp, announcedIp: config.mediasoup.announcedIp },
        log.child({ module: 'cascade' }),
      );
      await agent.start();
      closers.unshift(() => agent.stop());
      const placement = new SitePlacement({
        selfId: cluster.nodeId,
        liveNodes: () => cluster.liveNodes(),
        localLoad: () => workers.peers,
        localWorkers: config.mediasoup.numWorkers,
        usable: (nodeId) => !agent.isLost(nodeId),
      });
      clusterMedia = { agent, placement };
    }

    const checks = (): HealthCheck[] => [
      { name: 'database', check: async () => void (await db.ping()) },
      ...(redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : []),
    ];
    const census = async () => ({
      ...(live ? await live.census() : { meetings: 0, participants: 0, sites: 0 }),
      ...(clusterMedia?.agent.census() ?? { remoteSites: 0, camerasFlowing: 0, camerasHeld: 0 }),
    });
    const drain = new NodeDrain(
      {
        participants: async () => {
          const now = await census();
          return now.participants + now.remoteSites;
        },
        // The registry says so at once; then sites of other nodes' meetings whose media run here
        // are placed again elsewhere (before, they could be placed right back here).
        changed: (draining) =>
          void cluster.announce().finally(() => {
            if (draining) clusterMedia?.agent.evacuate('node draining');
          }),
        reconnectWithinSeconds: config.drain.timeoutMs / 1000,
      },
      log.child({ module: 'drain' }),
    );
    const metrics = nodeMetrics({ workers, census, draining: () => drain.draining }, config.metrics.token);
    const app = express();
    const web = await WebServer.create(app, config, log.child({ module: 'web' }));
    closers.unshift(() => web.close());
    app.disable('x-powered-by');
    app.use(web.routes());
    app.use(metrics.http);
    app.use(healthRoutes(checks, () => [...workers.health(), drain.health()], VERSION));
    app.use(metrics.router);
    const running = new RunningMeetings();
    const recordings = new Recordings(db.prisma, running, config.dataDir, log.child({ module: 'recording' }));
    recordings.recoverUnfinished();
    const api = createApi(db.prisma, config, VERSION, log.child({ module: 'api' }), recordings, drain);
    app.use(api.router);
    app.use(webAppRoutes(config.webDist));

    const { server } = web;
    const technicalCheck = new TechnicalCheck(workers, log.child({ module: 'check' }));
    const io = createSocketServer(
      server,
      (io) => {
        cluster.attachSocketAdapter(io);
        io.use(socketAuth(api.sessions));
        api.attachSocketServer(io);
        live = new LiveMeetings(
          workers,
          io,
          new PrismaMeetingPlans(db.prisma),
          { prisma: db.prisma, store: new PrismaAttendanceStore(db.prisma), ...config.attendance },
          cluster.stateStore,
          cluster.hosts,
          { media: clusterMedia, pacer: cluster.pacer },
          log.child({ module: 'meeting' }),
        );
        running.attach(live);
        live.onOpened((meeting) =>
          recordings.continueAfterTakeover(meeting).catch((err: unknown) => log.error({ err, meeting: meeting.id }, 'could not continue the recording')),
        );
        recordings.attachSocketServer(io);
        drain.attach(io);
        return [mediaHandlers, checkHandlers(technicalCheck), drain.refuseJoinsWhileDraining(meetingHandlers(live)), attendanceHandlers,
          recordingHandlers(recordings)];
      },
      log.child({ module: 'signalling' }),
      metrics.signalling,
    );
    closers.unshift(() => cluster.closeAdapter());
    closers.unshift(async () => {
      await live?.closeAll();
      await io.close();
      server.closeAllConnections();
    });
    // Before the meetings close: recordings finish their parts (the next start joins them if the
    // join is cut short).
    closers.unshift(() => recordings.stopAll());
    const url = await web.listen();
    publicUrl = config.publicUrl ?? url;
    await cluster.start();
    closers.unshift(() => cluster.stop());
    log.info({ url }, 'platform listening');
    return { url, app, db, workers, drain, localCa: web.localCa, close: () => runClosers(closers, log) };
  } catch (error) {
    await runClosers(closers, log);
    throw error;
  }
}

async function runClosers(closers: Array<() => Promise<void>>, log: Logger): Promise<void> {
  for (const close of closers) {
    try {
      await close();
    } catch (err) {
      log.warn({ err }, 'error while shutting down');
    }
  }
}
