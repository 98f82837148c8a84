import { CodedError } from '@pm/shared';
import { assertMeetingVisible } from '../../meetings/schedule/meetingAccess.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';
import { sendStoredFile } from './sendStoredFile.js';

type RecordingRoutes = 'recording.status' | 'recording.get' | 'recording.file';

/** A meeting's recording: its state, its floor turns, and the file itself (range requests). */
export function recordingApi({ prisma, recordings }: ApiDeps): HandlerGroup<RecordingRoutes> {
  return {
    'recording.status': async ({ identity, params }) => {
      await assertMeetingVisible(prisma, identity, params.id!);
      return recordings.status(params.id!);
    },
    'recording.get': async ({ identity, params }) => {
      await assertMeetingVisible(prisma, identity, params.id!);
      const [status, floorTurns] = await Promise.all([recordings.status(params.id!), recordings.floorTurns(params.id!)]);
      return { status, floorTurns };
    },
    'recording.file': async ({ identity, params, res }) => {
      await assertMeetingVisible(prisma, identity, params.id!);
      if (!(await recordings.status(params.id!)).playable) throw new CodedError('NOT_FOUND', 'no playable recording of this meeting (yet)');
      await sendStoredFile(res, recordings.files.joined(params.id!), 'video/webm');
      return undefined;
    },
  };
}
