import type { ParticipantRole } from '@pm/shared';
import type { Logger } from '../logger.js';
import { detach } from '../util/detach.js';
import { MeetingCascade, type ClusterMedia } from './cascade/meetingCascade.js';
import type { MeetingMedia, ParticipantMediaEvents, ProgrammeOutput, ProgrammeOutputs } from './meetingMedia.js';
import { MeetingRouters } from './meetingRouters.js';
import type { ms } from './mediasoupModule.js';
import type { ParticipantMedia } from './participantMedia.js';
import { PeerMedia } from './peerMedia.js';
import { StableProgramme } from './programme/stableProgramme.js';
import { SpeakerDetection } from './speakerDetection.js';
import type { WorkerPool, WorkerSlot } from './workerPool.js';

/**
 * A meeting's media on this node's workers and, in a cluster, on other nodes: its routers (one per
 * worker it uses), the link to each other node it spans, and the active-speaker observers. Sites
 * go to the least-loaded node; the chair and operators stay here, with the meeting whose programme
 * they feed and whose site wall they watch.
 */
export class SfuMeetingMedia implements MeetingMedia {
  private readonly routers: MeetingRouters;
  private readonly cascade: MeetingCascade | undefined;
  private readonly speakers: SpeakerDetection;
  /** Every participant's media, and how to tell it they are lost. */
  private readonly placed = new Map<ParticipantMedia, ParticipantMediaEvents>();
  private readonly stopWatchingPool: () => void;

  private readonly speakerListeners: Array<(siteId: string | null) => void> = [];
  private stable: Promise<StableProgramme> | undefined;
  private readonly switchedListeners: Array<(output: ProgrammeOutput) => void> = [];
  private readonly lostListeners: Array<() => void> = [];
  private closed = false;

  constructor(
    pool: WorkerPool,
    meetingId: string,
    cluster: ClusterMedia | undefined,
    private readonly log: Logger,
  ) {
    this.routers = new MeetingRouters(pool, meetingId, log);
    this.cascade = cluster ? new MeetingCascade(cluster, this.routers, meetingId, log) : undefined;
    this.speakers = new SpeakerDetection((siteId) => this.speakerListeners.forEach((listener) => listener(siteId)), log);
    pool.on('workerReplaced', this.onWorkerReplaced);
    this.stopWatchingPool = () => pool.off('workerReplaced', this.onWorkerReplaced);
  }

  async place(role: ParticipantRole, key: string, events: ParticipantMediaEvents): Promise<ParticipantMedia> {
    const media = role === 'site' && this.cascade ? await this.placeSite(this.cascade, key, events) : await this.placeHere(key, events);
    this.placed.set(media, events);
    media.onClose(() => this.placed.delete(media));
    return media;
  }

  route(producer: ms.Producer, from: ms.Router, to: ms.Router): Promise<void> {
    return this.routers.ensureProducerOn(producer, from, to);
  }

  async placeConsumer(): Promise<ms.Router> {
    return (await this.routers.place()).router;
  }

  observeVoice(media: ParticipantMedia, producer: ms.Producer, siteId: string | null): void {
    detach(this.speakers.add(media.router, producer, siteId), this.log, 'observing a voice');
  }

  onActiveSpeaker(listener: (siteId: string | null) => void): void {
    this.speakerListeners.push(listener);
  }

  programme(): Promise<ProgrammeOutputs> {
    this.stable ??= this.buildProgramme();
    return this.stable;
  }

  onProgrammeSwitched(listener: (output: ProgrammeOutput) => void): void {
    this.switchedListeners.push(listener);
  }

  onProgrammeLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  close(): void {
    this.closed = true;
    this.stopWatchingPool();
    detach(
      this.stable?.then((programme) => programme.close()) ?? Promise.resolve(),
      this.log,
      'closing the programme',
    );
    this.cascade?.close();
    this.routers.close();
  }

  /** The programme on the least-loaded worker's router; sources elsewhere are piped to it. */
  private async buildProgramme(): Promise<StableProgramme> {
    const { router } = await this.routers.place();
    const programme = await StableProgramme.create(
      router,
      (source) => this.routers.ensureProducerOn(source.producer, source.router, router),
      this.log,
    );
    programme.onSwitched((output) => this.switchedListeners.forEach((listener) => listener(output)));
    programme.onLost((reason) => {
      if (this.closed || !this.stable) return;
      this.log.warn({ reason }, 'the programme was lost; building it again');
      programme.close();
      this.stable = undefined;
      this.lostListeners.forEach((listener) => listener());
    });
    return programme;
  }

  private async placeSite(cascade: MeetingCascade, key: string, events: ParticipantMediaEvents): Promise<ParticipantMedia> {
    const placed = await cascade.placeSite(key, events);
    if ('remote' in placed) return placed.remote;
    try {
      return await this.placeHere(key, events);
    } finally {
      placed.here.settle();
    }
  }

  private async placeHere(key: string, events: ParticipantMediaEvents): Promise<PeerMedia> {
    return new PeerMedia(key, await this.routers.placePeer(), events);
  }

  /** Participants whose router (or node link) was on a worker that died must rebuild their media. */
  private readonly onWorkerReplaced = (_fresh: WorkerSlot, dead: WorkerSlot): void => {
    for (const [media, events] of [...this.placed]) if (media.slot === dead) events.lost('media server restarted');
  };
}
