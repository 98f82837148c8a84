import { Router } from 'express';
import { SessionCookie } from '../../auth/sessionCookie.js';
import { SessionStore } from '../../auth/sessions.js';
import type { Config } from '../../config.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import { drainApi } from '../../drain/drainApi.js';
import type { NodeDrain } from '../../drain/nodeDrain.js';
import type { Logger } from '../../logger.js';
import type { Recordings } from '../../recording/recordings.js';
import { SocketPushes } from '../../signalling/socketPushes.js';
import type { PlatformIo } from '../../signalling/socketServer.js';
import { turnApi } from '../../turn/turnApi.js';
import { apiDocs } from './apiDocs.js';
import { apiErrorHandler, apiNotFound } from './apiErrors.js';
import { apiRouter, type ApiHandlers } from './apiRouter.js';
import { attendanceApi } from './attendanceApi.js';
import { authApi } from './authApi.js';
import { directivesApi } from './directivesApi.js';
import { directoryApi } from './directoryApi.js';
import { meetingApi } from './meetingApi.js';
import { minutesApi } from './minutesApi.js';
import { recordingApi } from './recordingApi.js';
import { userApi } from './userApi.js';

export interface Api {
  /** Every /api route, its documentation, and JSON errors. */
  router: Router;
  sessions: SessionStore;
  /** Hands the socket server to the HTTP side, for pushes and ending live connections. */
  attachSocketServer(io: PlatformIo): void;
}

export function createApi(
  prisma: PrismaClient,
  config: Config,
  version: string,
  log: Logger,
  recordings: Recordings,
  drain: NodeDrain,
): Api {
  const sessions = new SessionStore(prisma, config.auth.sessionTtlMs);
  const cookie = new SessionCookie(sessions, config.auth.cookieSecure);
  const pushes = new SocketPushes();
  const deps = {
    prisma,
    cookie,
    pushes,
    lockout: { maxFailures: config.auth.maxFailures, lockMs: config.auth.lockMs },
    checkInWindowMs: config.schedule.checkInWindowMs,
    attendanceGraceMs: config.attendance.graceMs,
    recordings,
    dataDir: config.dataDir,
  };
  const handlers: ApiHandlers = {
    ...authApi(deps), ...userApi(deps), ...directoryApi(deps), ...meetingApi(deps), ...attendanceApi(deps),
    ...minutesApi(deps), ...directivesApi(deps), ...recordingApi(deps), ...turnApi(config.turn), ...drainApi(drain),
  };
  const router = Router();
  router.use(apiDocs(version));
  router.use(apiRouter(handlers, cookie));
  router.use('/api', apiNotFound);
  router.use(apiErrorHandler(log));
  return { router, sessions, attachSocketServer: (io) => pushes.attach(io) };
}
