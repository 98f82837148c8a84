import fs from 'node:fs';
import path from 'node:path';
import { CodedError, type FloorTurn, type Identity, type RecordingStatus } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import type { Logger } from '../logger.js';
import type { FloorHistory } from '../meetings/live/floorHistory.js';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import { requireModerator } from '../meetings/live/meetingRoles.js';
import { detach } from '../util/detach.js';
import { MeetingRecorder, type RecorderDeps } from './meetingRecorder.js';
import { awaitOrphanRecorder } from './orphanRecorders.js';
import { RecordingFiles } from './recordingFiles.js';
import { ffmpegPartWriter } from './recorderProcess.js';
import { joinParts, RecordingJoiner } from './recordingJoiner.js';
import { RecordingStore } from './recordingStore.js';
import { loadTimelines } from './timelines.js';
import type { DataDirSpace } from '../storage/dataDirSpace.js';

export type RecordingAction = 'start' | 'pause' | 'stop';

export interface RecordingsParts {
  prisma: PrismaClient;
  /** The meetings running on this node (a recording is controlled where its meeting runs). */
  meetings: { running(meetingId: string): Promise<LiveMeeting | undefined> };
  floorHistory: FloorHistory;
  /** Tells the invited sites (wherever their kiosks are) and every staff screen the recording's state. */
  announce(siteIds: string[], status: RecordingStatus): void;
  dataDir: string;
  /** Refuses a new recording when the data disk is nearly full. */
  space: Pick<DataDirSpace, 'assertRoomFor'>;
  log: Logger;
}

/**
 * The recordings of this node: the chair's and operators' commands, what every invited site is
 * told, the files and floor turns for the review page, and, at start, the repair of recordings a
 * crash left unfinished.
 */
export class Recordings {
  readonly files: RecordingFiles;
  private readonly deps: RecorderDeps;
  private readonly store: RecordingStore;
  private readonly joiner: RecordingJoiner;
  private readonly recorders = new Map<string, Promise<MeetingRecorder>>();
  private readonly recovering = new Map<string, Promise<void>>();
  private readonly log: Logger;

  constructor(private readonly parts: RecordingsParts) {
    this.log = parts.log;
    this.files = new RecordingFiles(path.join(parts.dataDir, 'recordings'));
    this.store = new RecordingStore(parts.prisma);
    this.joiner = new RecordingJoiner(this.files, parts.log);
    this.deps = {
      store: this.store,
      files: this.files,
      writer: ffmpegPartWriter(this.files, this.joiner, parts.log),
      join: (meetingId) => joinParts(meetingId, { store: this.store, joiner: this.joiner }),
      log: parts.log,
    };
  }

  async control(identity: Identity, meetingId: string, action: RecordingAction): Promise<RecordingStatus> {
    await this.recovering.get(meetingId);
    const meeting = await this.parts.meetings.running(meetingId);
    if (!meeting) throw new CodedError('CONFLICT', 'the meeting is not running on this server');
    requireModerator(meeting.roleOf(identity), 'record the meeting');
    return this.apply(meeting, action);
  }

  /** Its staff are ending the meeting: a recording under way stops and is joined, as at a stop by hand. */
  async meetingEnding(meeting: LiveMeeting): Promise<void> {
    await this.recovering.get(meeting.id);
    const { state } = await this.status(meeting.id);
    if (state === 'recording' || state === 'paused') await this.apply(meeting, 'stop');
  }

  private async apply(meeting: LiveMeeting, action: RecordingAction): Promise<RecordingStatus> {
    const meetingId = meeting.id;
    if (action === 'start') await this.parts.space.assertRoomFor(0, 'a recording');
    const recorder = await this.recorderFor(meeting, action);
    // Stopped on a node that took the meeting over before its recording went on: join what the
    // lost host recorded.
    if (!recorder && action === 'stop' && (await this.status(meetingId)).state === 'paused') await this.deps.join(meetingId);
    try {
      await recorder?.[action]();
    } catch (error) {
      if (action === 'start' && (await this.status(meetingId)).state === 'idle') {
        recorder?.discard();
        this.recorders.delete(meetingId);
      }
      throw error;
    }
    return this.publish(meeting);
  }

  /**
   * A meeting reopened on this node while it was being recorded (its host was lost): the parts
   * the lost host had open are closed in the store (its recorder, in a process group of its own,
   * finishes its file once its input falls silent; the join measures it), the recording shows as
   * paused, and it goes on in a new part as soon as the programme has video again here.
   */
  async continueAfterTakeover(meeting: LiveMeeting): Promise<void> {
    await this.recovering.get(meeting.id);
    if ((await this.status(meeting.id)).state !== 'recording') return;
    const { store, log } = this;
    for (const part of await store.parts(meeting.id)) if (!part.closed) await store.closePart(meeting.id, part.index);
    await store.setState(meeting.id, 'PAUSED');
    log.warn({ meeting: meeting.id }, 'meeting taken over while recording: the recording goes on once the programme has video');
    await this.publish(meeting);
    let resumed = false;
    const resume = async () => {
      // A command may have come first (a stop, or a start by hand).
      if ((await this.status(meeting.id)).state !== 'paused' || this.recorders.has(meeting.id)) return;
      const recorder = await this.recorderFor(meeting, 'start');
      await recorder?.start();
      await this.publish(meeting);
    };
    const stopWatching = meeting.watchProgramme((selection) => {
      if (resumed || !selection.video) return;
      resumed = true;
      queueMicrotask(() => stopWatching());
      resume().catch((err: unknown) => log.error({ err, meeting: meeting.id }, 'could not resume the recording after a takeover'));
    });
  }

  status(meetingId: string): Promise<RecordingStatus> {
    return this.store.status(meetingId);
  }

  /** Who held the floor when, on the recording's timeline. */
  async floorTurns(meetingId: string): Promise<FloorTurn[]> {
    const { prisma, floorHistory } = this.parts;
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { id: true, startsAt: true } });
    const [timelines, turns] = await Promise.all([loadTimelines(prisma, [meeting]), floorHistory.turns(meetingId)]);
    const timeline = timelines.get(meetingId)!;
    return turns.map((t) => ({ siteId: t.siteId, siteName: t.siteName, at: t.at.toISOString(), offsetMs: timeline.offsetOf(t.at) }));
  }

  async stopAll(): Promise<void> {
    const recorders = await Promise.allSettled([...this.recorders.values()]);
    await Promise.all(recorders.flatMap((r) => (r.status === 'fulfilled' ? [r.value.stop()] : [])));
  }

  /** Repairs and joins the recordings a crash left unfinished (in the background; commands wait). */
  recoverUnfinished(): void {
    const recoveries = this.store.unfinished().then((meetingIds) => {
      for (const meetingId of meetingIds) {
        const recovery = this.recover(meetingId)
          .catch((err: unknown) => this.log.error({ err, meeting: meetingId }, 'could not repair the recording'))
          .finally(() => this.recovering.delete(meetingId));
        this.recovering.set(meetingId, recovery);
      }
    });
    detach(recoveries, this.log, 'looking for recordings left unfinished');
  }

  private async recover(meetingId: string): Promise<void> {
    // Another node's recording (its files are on its own disk) is that node's to repair.
    if (!fs.existsSync(this.files.dir(meetingId))) return;
    for (const part of await this.store.parts(meetingId)) {
      if (!part.closed) await awaitOrphanRecorder(part.pid, this.files.part(meetingId, part.index));
    }
    await this.deps.join(meetingId);
    this.log.info({ meeting: meetingId }, 'recording left by a crash repaired and joined');
  }

  /** The meeting's recorder; a new one to start with (the first time, or after a stop). */
  private async recorderFor(meeting: LiveMeeting, action: RecordingAction): Promise<MeetingRecorder | undefined> {
    const existing = await this.recorders.get(meeting.id)?.catch(() => undefined);
    if (existing && !existing.ended) return existing;
    if (action !== 'start') return undefined;
    const opened = MeetingRecorder.open(meeting, this.deps, () => detach(this.publish(meeting), this.log, 'announcing the recording'));
    this.recorders.set(meeting.id, opened);
    return opened;
  }

  /** Every invited site and every staff screen hear the state. */
  private async publish(meeting: LiveMeeting): Promise<RecordingStatus> {
    const status = await this.status(meeting.id);
    this.parts.announce(
      meeting.plan.sites.map((s) => s.siteId),
      status,
    );
    return status;
  }
}
