import express from 'express';
import type { Redis } from 'ioredis';
import { PrismaAttendanceStore } from './attendance/attendanceStore.js';
import { PrismaAuditLog } from './audit/auditLog.js';
import { MemoryAttemptCounters, RedisAttemptCounters } from './auth/attemptCounters.js';
import { SessionStore } from './auth/sessions.js';
import { ClusterNode } from './cluster/clusterNode.js';
import { closeRedis, connectRedis } from './cluster/redisConnection.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { seedDemoData } from './directory/seed.js';
import { NodeDrain } from './drain/nodeDrain.js';
import { createApi } from './http/api/createApi.js';
import { requestsPerAddress, socketsPerAddress } from './http/addressLimits.js';
import { healthRoutes, type HealthCheck } from './http/healthRoutes.js';
import { securityHeaders } from './http/securityHeaders.js';
import { webAppRoutes } from './http/webApp.js';
import type { Logger } from './logger.js';
import { PrismaFloorHistory } from './meetings/live/floorHistory.js';
import { HostedMeetings } from './meetings/live/hostedMeetings.js';
import { LiveMeeting } from './meetings/live/liveMeeting.js';
import { LiveMeetings } from './meetings/live/liveMeetings.js';
import { PrismaMessageLog } from './meetings/live/messageLog.js';
import { TechnicalCheck } from './meetings/live/technicalCheck.js';
import { PrismaMeetingPlans } from './meetings/meetingPlans.js';
import { nodeMetrics } from './metrics/nodeMetrics.js';
import { Recordings } from './recording/recordings.js';
import type { ClusterMedia } from './sfu/cascade/meetingCascade.js';
import { MediaAgent } from './sfu/cascade/mediaAgent.js';
import { SitePlacement } from './sfu/cascade/sitePlacement.js';
import { DataDirSpace } from './storage/dataDirSpace.js';
import { SfuMeetingMedia } from './sfu/sfuMeetingMedia.js';
import { WorkerPool } from './sfu/workerPool.js';
import { detach } from './util/detach.js';
import { attendanceHandlers } from './signalling/attendanceHandlers.js';
import { messageHandlers } from './signalling/messageHandlers.js';
import { checkHandlers } from './signalling/checkHandlers.js';
import { attachClusterAdapter } from './signalling/clusterAdapter.js';
import { auditRequests } from './signalling/auditedRequests.js';
import { noticeDrainOnConnect, refuseJoinsWhileDraining } from './signalling/drainSignalling.js';
import { mediaHandlers } from './signalling/mediaHandlers.js';
import { meetingHandlers } from './signalling/meetingHandlers.js';
import { recordingHandlers } from './signalling/recordingHandlers.js';
import { socketAuth } from './signalling/socketAuth.js';
import { socketMeetingChannels } from './signalling/socketMeetingChannel.js';
import { SocketPushes } from './signalling/socketPushes.js';
import { createSocketServer, serveSignalling } from './signalling/socketServer.js';
import type { LocalCertificate } from './tls/localCa.js';
import { WebServer } from './tls/webServer.js';
import { tlsRoutes } from './http/tlsRoutes.js';
import type { PlatformOrigins } from './http/originCheck.js';

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
 * Starts one node of the platform, each part built once from the parts before it: database
 * (migrated, seeded), Redis and the cluster's stores, the mediasoup workers, the socket server,
 * the meetings and recordings, the HTTP routes; the socket server is attached to the HTTP server
 * last and the node joins the cluster once it listens. Each step logs what it did, so a first
 * start that takes a while shows why.
 */
export async function startPlatform(config: Config, log: Logger): Promise<Platform> {
  const db = await openDatabase({ databaseUrl: config.database.url, embedded: config.database.embedded, log: log.child({ module: 'db' }) });
  const closers: Array<() => Promise<void>> = [() => db.close()];
  try {
    if (config.demo.seed) await seedDemoData(db.prisma, { password: config.demo.password }, log.child({ module: 'seed' }));

    const redis: Redis | undefined = config.redisUrl
      ? await connectRedis(config.redisUrl, config.cluster.name, log.child({ module: 'redis' }))
      : undefined;
    if (redis) closers.unshift(() => closeRedis(redis));
    const cluster = new ClusterNode(
      { redis, workers: config.mediasoup.numWorkers, joinsPerSecond: config.cluster.joinsPerSecond },
      log.child({ module: 'cluster' }),
    );

    const workers = await WorkerPool.start(config.mediasoup, log.child({ module: 'sfu' }));
    closers.unshift(() => workers.close());
    const clusterMedia = cluster.rpc ? await startClusterMedia(cluster, workers, config, log, closers) : undefined;

    const { pacer } = cluster;
    // The platform's own pages: PUBLIC_URL and every live node (a page follows its meeting's host).
    const platformOrigins: PlatformOrigins = async () => [
      ...(config.publicUrl ? [config.publicUrl] : []),
      ...(await cluster.liveNodes()).map((node) => node.url),
    ];
    const io = createSocketServer(platformOrigins);
    if (redis) {
      const closeAdapter = attachClusterAdapter(io, redis, log.child({ module: 'signalling' }));
      closers.unshift(closeAdapter);
    }
    const pushes = new SocketPushes(io);
    const meetingChannels = socketMeetingChannels(io);
    const floorHistory = new PrismaFloorHistory(db.prisma);
    const attendanceStore = new PrismaAttendanceStore(db.prisma);
    const messages = new PrismaMessageLog(db.prisma);
    const live = new LiveMeetings({
      plans: new PrismaMeetingPlans(db.prisma, config.schedule.checkInWindowMs),
      hosts: cluster.hosts,
      sampleMs: config.attendance.sampleMs,
      log: log.child({ module: 'meeting' }),
      create: (plan) => {
        const meetingLog = log.child({ module: 'meeting', meeting: plan.id });
        return new LiveMeeting({
          plan,
          media: new SfuMeetingMedia(workers, plan.id, clusterMedia, meetingLog),
          channel: meetingChannels(plan.id),
          attendance: { store: attendanceStore, graceMs: config.attendance.graceMs },
          stateStore: cluster.stateStore,
          floorHistory,
          messages,
          admitSite: pacer && (async () => void (await pacer.admit())),
          log: meetingLog,
        });
      },
    });
    const hostedMeetings = new HostedMeetings(live, cluster.hosts, cluster.rpc, log.child({ module: 'meeting' }));
    cluster.rpc?.serve(hostedMeetings.rpcMethods());
    const dataDirSpace = new DataDirSpace(config.dataDir, config.storage.minFreeBytes, log.child({ module: 'storage' }));
    const stopWatchingSpace = dataDirSpace.watch();
    closers.unshift(async () => stopWatchingSpace());
    const recordings = new Recordings({
      prisma: db.prisma,
      meetings: live,
      floorHistory,
      announce: (siteIds, status) => pushes.recordingState(siteIds, status),
      dataDir: config.dataDir,
      space: dataDirSpace,
      log: log.child({ module: 'recording' }),
    });
    recordings.recoverUnfinished();
    live.onOpened((meeting) => detach(recordings.continueAfterTakeover(meeting), log, `continuing the recording of ${meeting.id}`));
    live.onEnding((meeting) => recordings.meetingEnding(meeting));

    const census = async () => ({
      ...(await live.census()),
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
        changed: (draining) => {
          const announced = cluster.announce().finally(() => {
            if (draining) clusterMedia?.agent.evacuate('node draining');
          });
          announced.catch((err: unknown) => log.warn({ err }, 'could not announce the drain'));
        },
        reconnectWithinSeconds: config.drain.timeoutMs / 1000,
        // Only this node's clients: with the cluster's adapter a plain emit would move every node's.
        tellClients: (notice) => io.local.emit('node:draining', notice),
      },
      log.child({ module: 'drain' }),
    );
    noticeDrainOnConnect(io, drain);

    const sessions = new SessionStore(db.prisma, config.auth.sessionTtlMs, config.auth.sessionMaxAgeMs, config.demo.publishedPasswordLocks);
    const audit = new PrismaAuditLog(db.prisma, log.child({ module: 'audit' }));
    const metrics = nodeMetrics({ workers, census, draining: () => drain.draining, dataDirFreeBytes: () => dataDirSpace.freeBytes() }, config.metrics);
    const attempts = redis ? new RedisAttemptCounters(redis) : new MemoryAttemptCounters();
    const checks = (): HealthCheck[] => [
      { name: 'database', check: async () => void (await db.ping()) },
      ...(redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : []),
    ];
    const app = express();
    const web = await WebServer.create(app, config, log.child({ module: 'web' }));
    closers.unshift(() => web.close());
    app.disable('x-powered-by');
    if (config.trustProxy) app.set('trust proxy', config.trustProxy);
    app.use(securityHeaders({ cluster: redis !== undefined }));
    app.use(requestsPerAddress(config.addressLimits.requests));
    app.use(tlsRoutes(web));
    app.use(metrics.http);
    app.use(healthRoutes(checks, () => [...workers.health(), drain.health()], VERSION));
    app.use(metrics.router);
    app.use(
      createApi({
        prisma: db.prisma,
        config,
        version: VERSION,
        sessions,
        pushes,
        running: hostedMeetings,
        recordings,
        drain,
        dataDirSpace,
        audit,
        publicUrl: () => config.publicUrl ?? web.url,
        platformOrigins,
        attempts,
        log: log.child({ module: 'api' }),
      }),
    );
    app.use(webAppRoutes(config.webDist));

    io.use(socketAuth(sessions));
    // After authentication: a refused handshake never connects, so it holds no place.
    socketsPerAddress(io, app, config.addressLimits.sockets);
    serveSignalling(
      io,
      web.server,
      auditRequests(
        [
          mediaHandlers,
          checkHandlers(new TechnicalCheck(workers, log.child({ module: 'check' }))),
          refuseJoinsWhileDraining(drain, meetingHandlers(live)),
          attendanceHandlers,
          messageHandlers(),
          recordingHandlers(recordings),
        ],
        audit,
      ),
      log.child({ module: 'signalling' }),
      { observer: metrics.signalling, rateFactor: config.signalling.rateFactor },
    );
    closers.unshift(async () => {
      await live.closeAll();
      await io.close();
      web.server.closeAllConnections();
    });
    // Before the meetings close: recordings finish their parts (the next start joins them if the
    // join is cut short).
    closers.unshift(() => recordings.stopAll());
    const url = await web.listen();
    await cluster.start({
      url: config.publicUrl ?? url,
      load: () => workers.peers,
      draining: () => drain.draining,
      hostedMeetings: () => live.openMeetingIds(),
      persistState: () => live.persistState(),
    });
    closers.unshift(() => cluster.stop());
    log.info({ url }, 'platform listening');
    return { url, app, db, workers, drain, localCa: web.localCa, close: () => runClosers(closers, log) };
  } catch (error) {
    await runClosers(closers, log);
    throw error;
  }
}

/**
 * With Redis, a meeting spans the nodes: this node holds the media of sites placed here by
 * meetings hosted elsewhere, and places its own meetings' sites across the cluster.
 */
async function startClusterMedia(
  cluster: ClusterNode,
  workers: WorkerPool,
  config: Config,
  log: Logger,
  closers: Array<() => Promise<void>>,
): Promise<ClusterMedia> {
  const agent = new MediaAgent(
    cluster.rpc!,
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
  return { agent, placement };
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
