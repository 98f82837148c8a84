import { meetingReadiness, recordCheck } from '../../meetings/schedule/readiness.js';
import { meetingInvitationIcs } from '../../meetings/schedule/ics.js';
import { ScheduleReader } from '../../meetings/schedule/scheduleReader.js';
import { ScheduleWriter } from '../../meetings/schedule/scheduleWriter.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

type MeetingRoutes =
  | 'meetings.list'
  | 'meetings.create'
  | 'meetings.get'
  | 'meetings.update'
  | 'meetings.cancel'
  | 'meetings.overlaps'
  | 'meetings.invitation'
  | 'meetings.readiness'
  | 'checks.report';

/** The schedule, its invitations and the check-in readiness of invited sites. */
export function meetingApi({ prisma, pushes, checkInWindowMs, publicUrl }: ApiDeps): HandlerGroup<MeetingRoutes> {
  const reader = new ScheduleReader(prisma, checkInWindowMs);
  const writer = new ScheduleWriter(prisma, reader, pushes);
  return {
    'meetings.list': async ({ identity, query }) => ({ meetings: await reader.list(identity, query) }),
    'meetings.create': async ({ identity, body }) => writer.create(identity, body),
    'meetings.get': async ({ identity, params }) => ({ meeting: await reader.get(identity, params.id!) }),
    'meetings.update': async ({ identity, params, body }) => writer.update(identity, params.id!, body),
    'meetings.cancel': async ({ identity, params, body }) => writer.cancel(identity, params.id!, body),
    'meetings.overlaps': async ({ identity, body }) => writer.checkOverlaps(identity, body),
    'meetings.invitation': async ({ identity, params, res }) => {
      const meeting = await reader.get(identity, params.id!);
      res.attachment(`cuoc-hop-${meeting.id}.ics`);
      return meetingInvitationIcs(meeting, publicUrl());
    },
    'meetings.readiness': async ({ identity, params }) => meetingReadiness(prisma, reader, identity, params.id!),
    'checks.report': async ({ identity, body }) => recordCheck(prisma, identity, body),
  };
}
