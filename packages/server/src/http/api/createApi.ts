import { Router } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import type { AttemptCounters } from '../../auth/attemptCounters.js';
import type { SessionNotices } from '../../auth/sessionNotices.js';
import { SignInThrottle } from '../../auth/signInThrottle.js';
import type { SessionStore } from '../../auth/sessions.js';
import type { Config } from '../../config.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import { drainApi } from './drainApi.js';
import type { NodeDrain } from '../../drain/nodeDrain.js';
import type { Logger } from '../../logger.js';
import type { ScheduleNotices } from '../../meetings/schedule/scheduleNotices.js';
import type { RunningMeetings } from '../../meetings/live/hostedMeetings.js';
import type { Recordings } from '../../recording/recordings.js';
import type { DataDirSpace } from '../../storage/dataDirSpace.js';
import { turnApi } from './turnApi.js';
import { originCheck, type PlatformOrigins } from '../originCheck.js';
import { SessionCookie } from '../sessionCookie.js';
import { apiDocs } from './apiDocs.js';
import { apiErrorHandler, apiNotFound } from './apiErrors.js';
import { apiRouter, type ApiHandlers } from './apiRouter.js';
import { attendanceApi } from './attendanceApi.js';
import { auditApi } from './auditApi.js';
import { auditHandlers } from './auditedRoutes.js';
import { authApi } from './authApi.js';
import { directivesApi } from './directivesApi.js';
import { directoryApi } from './directoryApi.js';
import { meetingApi } from './meetingApi.js';
import { minutesApi } from './minutesApi.js';
import { recordingApi } from './recordingApi.js';
import { userApi } from './userApi.js';

export interface ApiParts {
  prisma: PrismaClient;
  config: Config;
  version: string;
  sessions: SessionStore;
  /** What connected clients are told of schedule changes and ended sessions. */
  pushes: ScheduleNotices & SessionNotices;
  running: RunningMeetings;
  recordings: Recordings;
  drain: NodeDrain;
  dataDirSpace: DataDirSpace;
  /** Where every privileged act is recorded. */
  audit: AuditLog;
  /** The platform's address for links sent out (PUBLIC_URL, else where this node listens); never the request's Host. */
  publicUrl: () => string;
  /** Origins whose pages may write (besides the address reached): see originCheck. */
  platformOrigins: PlatformOrigins;
  /** Throttling counters, shared by the cluster's nodes when there is Redis. */
  attempts: AttemptCounters;
  log: Logger;
}

/** Every /api route, its documentation, and JSON errors. */
export function createApi({ prisma, config, version, sessions, pushes, running, recordings, drain, dataDirSpace, audit, publicUrl, platformOrigins, attempts, log }: ApiParts): Router {
  const cookie = new SessionCookie(sessions, config.auth.cookieSecure);
  const deps = {
    prisma,
    cookie,
    pushes,
    throttle: new SignInThrottle(attempts, config.auth.throttle),
    checkInWindowMs: config.schedule.checkInWindowMs,
    attendanceGraceMs: config.attendance.graceMs,
    running,
    recordings,
    dataDir: config.dataDir,
    dataDirSpace,
    attachmentQuota: config.storage.attachmentQuota,
    publicUrl,
  };
  const handlers: ApiHandlers = {
    ...authApi(deps), ...userApi(deps), ...directoryApi(deps), ...meetingApi(deps), ...attendanceApi(deps),
    ...minutesApi(deps), ...directivesApi(deps), ...recordingApi(deps), ...turnApi(config.turn), ...drainApi(drain),
    ...auditApi(deps),
  };
  const router = Router();
  router.use('/api', originCheck(platformOrigins));
  router.use(apiDocs(version));
  router.use(apiRouter(auditHandlers(handlers, audit, prisma), cookie));
  router.use('/api', apiNotFound);
  router.use(apiErrorHandler(log));
  return router;
}
