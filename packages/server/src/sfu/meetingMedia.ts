import type { ParticipantRole } from '@pm/shared';
import type { ms } from './mediasoupModule.js';
import type { ParticipantMedia } from './participantMedia.js';
import type { ProgrammeOutput, ProgrammeSources } from './programme/stableProgramme.js';

export type { ProgrammeOutput, ProgrammeSources } from './programme/stableProgramme.js';

/**
 * The meeting's programme on the SFU: producers every participant consumes once, whose sources
 * switch on the server (StableProgramme).
 */
export interface ProgrammeOutputs {
  readonly producers: Record<ProgrammeOutput, ms.Producer>;
  /** The router the producers live on (consumers elsewhere get them piped). */
  readonly router: ms.Router;
  /** Feeds each output from its source; the screens' consumers stay as they are. */
  show(sources: ProgrammeSources): void;
}

export interface ParticipantMediaEvents {
  /** The SFU closed one of the client's consumers (its producer went away). */
  consumerClosed(consumerId: string): void;
  /** A producer of the client opened; the meeting decides who receives it. */
  producerOpened(producer: ms.Producer): void;
  /** The media are gone (their worker died, their node was lost): the client must rejoin. */
  lost(reason: string): void;
}

/**
 * What a live meeting asks of the SFU: where each participant's media go (this node's workers or,
 * in a cluster, another node's), how a producer becomes consumable where a receiver is, and who is
 * speaking. The meeting decides; this carries it out.
 */
export interface MeetingMedia {
  place(role: ParticipantRole, key: string, events: ParticipantMediaEvents): Promise<ParticipantMedia>;
  /** Makes `producer`, which lives on `from`, consumable on `to` (piped there the first time). */
  route(producer: ms.Producer, from: ms.Router, to: ms.Router): Promise<void>;
  /** A router of the meeting for a receiver that is not a participant (the recorder). */
  placeConsumer(): Promise<ms.Router>;
  /** Listens to a microphone for the active-speaker marker. */
  observeVoice(media: ParticipantMedia, producer: ms.Producer, siteId: string | null): void;
  /** Hears who speaks loudest now (a site, or null: the chair or nobody), at each change. */
  onActiveSpeaker(listener: (siteId: string | null) => void): void;
  /** The programme's outputs, built on first use; a new set after the old ones were lost. */
  programme(): Promise<ProgrammeOutputs>;
  /** Hears an output whose lanes now carry the source last shown (the picture changed at the rooms). */
  onProgrammeSwitched(listener: (output: ProgrammeOutput) => void): void;
  /** Hears the programme lost (its worker died): a new one is built; every participant subscribes again. */
  onProgrammeLost(listener: () => void): void;
  close(): void;
}
