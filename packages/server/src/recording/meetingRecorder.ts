import fs from 'node:fs/promises';
import { CodedError } from '@pm/shared';
import type { Logger } from '../logger.js';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import { detach } from '../util/detach.js';
import { SerialQueue } from '../util/serialQueue.js';
import { FeedRelay } from './feedRelay.js';
import { ProgrammeCapture, type Slot } from './programmeCapture.js';
import type { PartProcess, PartWriter } from './recorderProcess.js';
import type { RecordingFiles } from './recordingFiles.js';
import type { RecordingStore } from './recordingStore.js';

const KEYFRAME_WAIT_MS = 3000;
const RESTART_DELAY_MS = 1000;
/** A keyframe this often while recording: a player seeking into the file decodes from the one before. */
const KEYFRAME_EVERY_MS = 10_000;

/**
 * Ends a part: the recorder is told to finish while the feeds still reach it, and they are held
 * only once it has exited. ffmpeg reacts to SIGINT only when a packet wakes its read; with the
 * feeds held first it waited for one that never came, until it was killed 10 s later without
 * writing its last cluster (seconds of the part lost, and a pause that took 10 s).
 */
export async function finishPart(process: PartProcess, relays: Array<Pick<FeedRelay, 'hold'>>): Promise<void> {
  try {
    await process.stop();
  } finally {
    for (const relay of relays) relay.hold();
  }
}

export interface RecorderDeps {
  store: Pick<RecordingStore, 'begin' | 'addPart' | 'setDuration' | 'setState'>;
  files: RecordingFiles;
  writer: PartWriter;
  /** Joins the parts into the one playable file and marks it so. */
  join(meetingId: string): Promise<void>;
  log: Logger;
}

/** What the recorder needs of the programme: whether it has a picture, and keyframes. */
export type RecorderCapture = Pick<ProgrammeCapture, 'hasVideo' | 'requestKeyFrame' | 'close'>;
export type RecorderRelays = Record<Slot, Pick<FeedRelay, 'sendTo' | 'hold' | 'close'>>;

/**
 * A meeting's recording while the meeting runs on this node: the programme capture and its relays
 * for the whole time, and a recorder process per part. Start (or resume) opens a part, pause and
 * stop close it; stop then joins the parts into the one playable file. Commands run in order.
 */
export class MeetingRecorder {
  private part: { index: number; process: PartProcess; keyframes: NodeJS.Timeout } | undefined;
  private readonly commands = new SerialQueue();
  private stopped = false;

  constructor(
    private readonly meetingId: string,
    private readonly relays: RecorderRelays,
    private readonly capture: RecorderCapture,
    private readonly deps: RecorderDeps,
    /** Told whenever the state changed by itself (the meeting ended, the join finished). */
    private readonly changed: () => void,
  ) {}

  /** A recorder of the meeting's programme: its relays and its capture, ready to start. */
  static async open(meeting: LiveMeeting, deps: RecorderDeps, changed: () => void): Promise<MeetingRecorder> {
    const relays = { video: await FeedRelay.open('video'), chair: await FeedRelay.open('audio'), floor: await FeedRelay.open('audio') };
    const capture = await ProgrammeCapture.open(meeting, relays);
    relays.video.askKeyframesWith(() => detach(capture.requestKeyFrame(), deps.log, 'asking the programme for a keyframe'));
    const recorder = new MeetingRecorder(meeting.id, relays, capture, deps, changed);
    capture.onRouterClosed(() => detach(recorder.stop().then(changed), deps.log, 'stopping the recording of a closed meeting'));
    return recorder;
  }

  get ended(): boolean {
    return this.stopped;
  }

  /** Starts, or resumes after a pause. */
  start(): Promise<void> {
    return this.commands.push(async () => {
      if (this.stopped) throw new CodedError('CONFLICT', 'this recorder has stopped');
      if (this.part) return;
      if (!this.capture.hasVideo()) throw new CodedError('CONFLICT', 'the programme has no video to record yet');
      await this.openPart(await this.deps.store.begin(this.meetingId));
    });
  }

  pause(): Promise<void> {
    return this.commands.push(async () => {
      if (this.stopped || !this.part) return;
      await this.closePart();
      await this.deps.store.setState(this.meetingId, 'PAUSED');
    });
  }

  /** Gives up a recorder that never started (nothing to record yet): nothing was written. */
  discard(): void {
    this.stopped = true;
    this.capture.close();
    for (const relay of Object.values(this.relays)) relay.close();
  }

  /** Stops for good: the relays and the capture close; the parts are joined in the background. */
  stop(): Promise<void> {
    return this.commands.push(async () => {
      if (this.stopped) return;
      this.stopped = true;
      await this.closePart();
      this.capture.close();
      for (const relay of Object.values(this.relays)) relay.close();
      await this.deps.store.setState(this.meetingId, 'STOPPED');
      // The join runs after this command, so a later command waits for the file it produces.
      detach(this.commands.push(() => this.deps.join(this.meetingId).then(this.changed)), this.deps.log, 'joining the recording');
    });
  }

  private async openPart(index: number): Promise<void> {
    const { files, store, log } = this.deps;
    await fs.mkdir(files.dir(this.meetingId), { recursive: true });
    const { process, ports } = await this.deps.writer.start(files.part(this.meetingId, index));
    const { video, chair, floor } = ports;
    // Video first, from a keyframe; the voices join once it flows, so the file starts with both.
    const firstVideo = this.relays.video.sendTo(video);
    await this.capture.requestKeyFrame();
    const videoAt = await Promise.race([firstVideo, new Promise<undefined>((r) => setTimeout(r, KEYFRAME_WAIT_MS))]);
    const voicesAt = await Promise.all([this.relays.chair.sendTo(chair), this.relays.floor.sendTo(floor)]);
    await store.addPart(this.meetingId, index, new Date(videoAt ?? Math.min(...voicesAt)), process.pid);
    const keyframes = setInterval(() => detach(this.capture.requestKeyFrame(), log, 'asking for a keyframe'), KEYFRAME_EVERY_MS);
    this.part = { index, process, keyframes };
    log.info({ meeting: this.meetingId, part: index, pid: process.pid }, 'recording part started');
    detach(process.exited.then(() => this.onRecorderExit(process)), log, 'watching the recorder');
  }

  private async closePart(): Promise<void> {
    const part = this.part;
    if (!part) return;
    this.part = undefined;
    clearInterval(part.keyframes);
    await finishPart(part.process, Object.values(this.relays));
    await this.closed(part.index);
  }

  /** Measures a closed part; one the recorder left without media (stopped before it wrote any) counts 0. */
  private async closed(index: number): Promise<void> {
    const durationMs = await this.deps.writer.measure(this.meetingId, index).catch((err: unknown) => {
        this.deps.log.warn({ err, meeting: this.meetingId, part: index }, 'recording part holds no media');
        return 0;
      });
    await this.deps.store.setDuration(this.meetingId, index, durationMs);
  }

  /** A recorder that exits while recording (it crashed): its part is kept, a new one begins. */
  private onRecorderExit(process: PartProcess): void {
    const part = this.part;
    if (!part || part.process !== process) return;
    this.part = undefined;
    clearInterval(part.keyframes);
    this.deps.log.error({ meeting: this.meetingId, part: part.index }, 'recorder exited while recording; starting a new part');
    for (const relay of Object.values(this.relays)) relay.hold();
    const restarted = this.commands.push(async () => {
      await this.closed(part.index).catch((err: unknown) => this.deps.log.error({ err }, 'could not close the recording part'));
      await new Promise((r) => setTimeout(r, RESTART_DELAY_MS));
      if (!this.stopped && !this.part) await this.openPart(await this.deps.store.begin(this.meetingId));
    });
    detach(restarted, this.deps.log, 'starting a new recording part');
  }
}
