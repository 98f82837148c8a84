import type { SignInThrottle } from '../../auth/signInThrottle.js';
import type { SessionCookie } from '../sessionCookie.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { SessionNotices } from '../../auth/sessionNotices.js';
import type { ScheduleNotices } from '../../meetings/schedule/scheduleNotices.js';
import type { RunningMeetings } from '../../meetings/live/hostedMeetings.js';
import type { Recordings } from '../../recording/recordings.js';
import type { ApiHandler, ApiHandlers } from './apiRouter.js';
import type { AttachmentQuota } from '../../directives/directiveReports.js';
import type { DataDirSpace } from '../../storage/dataDirSpace.js';
import type { ApiRouteName } from '@pm/shared';

/** What the route handlers of the API are given. */
export interface ApiDeps {
  prisma: PrismaClient;
  cookie: SessionCookie;
  /** Password guessing, throttled by client address and account (sign-in, password change). */
  throttle: SignInThrottle;
  pushes: ScheduleNotices & SessionNotices;
  /** How long before a meeting its sites may check in. */
  checkInWindowMs: number;
  /** Reconnections within this time are one presence (attendance reports). */
  attendanceGraceMs: number;
  /** The live meetings of this node (who holds the floor). */
  running: RunningMeetings;
  /** Meetings' recordings. */
  recordings: Recordings;
  /** PM_DATA_DIR: attachments and recordings live under it. */
  dataDir: string;
  /** Its disk's free space, checked before an upload is stored. */
  dataDirSpace: DataDirSpace;
  attachmentQuota: AttachmentQuota;
  /** The platform's address for links in invitations: PUBLIC_URL, never a request's Host header. */
  publicUrl: () => string;
}

/** The handlers of one area of the API (a subset of the routes). */
export type HandlerGroup<N extends ApiRouteName> = { [K in N]: ApiHandler<K> } & Partial<ApiHandlers>;
