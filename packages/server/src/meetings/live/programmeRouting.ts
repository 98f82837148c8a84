import type { ConsumerPurpose } from '@pm/shared';
import type { Logger } from '../../logger.js';
import type { MeetingMedia, ProgrammeOutput, ProgrammeOutputs } from '../../sfu/meetingMedia.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { Participant } from './participant.js';

/** How one participant receives the programme now. */
export interface ProgrammeView {
  /** Its own camera is on the programme: it watches the return picture instead (never itself). */
  onProgramme: boolean;
  /** It holds the floor: the floor voice is its own, and not played back to it. */
  holdsFloor: boolean;
  /** A presentation is on, with someone else's camera as its inset (nobody watches their own). */
  seesInset: boolean;
}

/** What each part of a meeting receives of the programme. The chair does not hear its own voice back. */
const outputsOf: Record<Participant['role'], ProgrammeOutput[]> = {
  site: ['video', 'chairVoice', 'floorVoice', 'returnVideo', 'inset'],
  chair: ['video', 'floorVoice', 'inset'],
  operator: ['video', 'chairVoice', 'floorVoice', 'inset'],
};

const purposeOf: Record<ProgrammeOutput, ConsumerPurpose> = {
  video: 'programme-video',
  chairVoice: 'programme-audio',
  floorVoice: 'programme-audio',
  returnVideo: 'return-video',
  inset: 'programme-inset',
};

/** The programme takes the best simulcast layer; a room on a poor link drops lower by itself. */
const PROGRAMME_LAYER = 2;

/**
 * A participant receives the programme through consumers made once, when it is ready: the
 * programme's producers are stable, so a floor change creates no consumer at the rooms that
 * neither take nor leave the programme. For those that do, consumers are only paused or resumed
 * on the server (the room on the programme watches the return picture; the floor holder does
 * not hear itself).
 */
export class ProgrammeRouting {
  /** What each participant was last set to, so a change touches only those it concerns. */
  private readonly applied = new WeakMap<Participant, ProgrammeView>();

  constructor(
    private readonly media: MeetingMedia,
    private readonly log: Logger,
  ) {}

  subscribe(participant: Participant, programme: ProgrammeOutputs, view: ProgrammeView): Promise<void> {
    return participant.updates.push(async () => {
      const capabilities = participant.rtpCapabilities;
      if (!capabilities || participant.media.isClosed) return;
      const receiving = new Set(participant.media.received().map((track) => track.producerId));
      for (const output of outputsOf[participant.role]) {
        const producer = programme.producers[output];
        if (receiving.has(producer.id)) continue;
        await this.consume(participant, programme, output, producer, capabilities, view);
      }
      this.applied.set(participant, view);
    });
  }

  /** Pauses and resumes the participant's programme consumers to match `view` (if it changed). */
  apply(participant: Participant, programme: ProgrammeOutputs, view: ProgrammeView): Promise<void> {
    return participant.updates.push(async () => {
      const before = this.applied.get(participant);
      if (!before || participant.media.isClosed || sameView(before, view)) return;
      this.applied.set(participant, view);
      for (const track of participant.media.received()) {
        const output = outputNamed(programme, track.producerId);
        if (output) await participant.media.setServerPaused(track.consumerId, pausedFor(output, view)).catch(() => undefined);
      }
    });
  }

  private async consume(
    participant: Participant,
    programme: ProgrammeOutputs,
    output: ProgrammeOutput,
    producer: ms.Producer,
    capabilities: ms.RtpCapabilities,
    view: ProgrammeView,
  ): Promise<void> {
    const purpose = purposeOf[output];
    try {
      await this.media.route(producer, programme.router, participant.media.router);
      const options = await participant.media.consume(producer.id, capabilities, {
        purpose,
        siteId: null,
        spatialLayer: (producer.rtpParameters.encodings?.length ?? 1) > 1 ? PROGRAMME_LAYER : undefined,
      });
      // Set before the client hears of it: it resumes its side, the server's pause holds.
      if (pausedFor(output, view)) await participant.media.setServerPaused(options.id, true);
      participant.link.send('media:newConsumer', { ...options, purpose, siteId: null });
    } catch (err) {
      // The participant or the programme went away meanwhile: its reconnection (or the programme's
      // rebuild) subscribes it again.
      this.log.warn({ err, participant: participant.key, output }, 'could not subscribe to the programme');
    }
  }
}

function pausedFor(output: ProgrammeOutput, view: ProgrammeView): boolean {
  if (output === 'video') return view.onProgramme;
  if (output === 'returnVideo') return !view.onProgramme;
  if (output === 'floorVoice') return view.holdsFloor;
  // Paused while there is no presentation: the inset costs nothing then.
  if (output === 'inset') return !view.seesInset;
  return false;
}

function outputNamed(programme: ProgrammeOutputs, producerId: string): ProgrammeOutput | undefined {
  return (Object.keys(programme.producers) as ProgrammeOutput[]).find((output) => programme.producers[output].id === producerId);
}

const sameView = (a: ProgrammeView, b: ProgrammeView) =>
  a.onProgramme === b.onProgramme && a.holdsFloor === b.holdsFloor && a.seesInset === b.seesInset;
