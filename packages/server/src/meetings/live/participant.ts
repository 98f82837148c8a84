import type { Identity, ParticipantRole } from '@pm/shared';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { ParticipantMedia } from '../../sfu/participantMedia.js';
import type { TrackSource } from '../../sfu/peerMedia.js';
import type { SocketSession } from '../../signalling/socketSession.js';
import { SerialQueue } from '../../util/serialQueue.js';

/**
 * One participant of a live meeting: the chair's console, a site's kiosk or an operator. Its
 * media belong to its ParticipantMedia (here or on another node); this record only indexes them for the meeting's routing.
 */
export class Participant {
  /** Programme consumers by the producer they receive. */
  readonly programmeConsumers = new Map<string, string>();
  /** Site-wall consumers by the site they show (operator and chair). */
  readonly wallConsumers = new Map<string, { producerId: string; consumerId: string }>();
  /** Consumer updates of this participant run one at a time. */
  readonly updates = new SerialQueue();
  /** The client's capabilities, once it is ready to receive. */
  rtpCapabilities: ms.RtpCapabilities | undefined;

  constructor(
    /** `site:<id>` for sites, `chair`, or `operator:<userId>`. */
    readonly key: string,
    readonly role: ParticipantRole,
    readonly siteId: string | null,
    readonly identity: Identity,
    readonly session: SocketSession,
    readonly media: ParticipantMedia,
  ) {}

  static keyFor(role: ParticipantRole, identity: Identity): string {
    if (role === 'site') return `site:${identity.siteId}`;
    if (role === 'chair') return 'chair';
    return `operator:${identity.userId}`;
  }

  producer(source: TrackSource): ms.Producer | undefined {
    for (const producer of this.media.producers()) {
      if (producer.appData.source === source && !producer.closed) return producer;
    }
    return undefined;
  }
}
