import type { Identity, ParticipantRole, TrackSource } from '@pm/shared';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { ParticipantMedia } from '../../sfu/participantMedia.js';
import { SerialQueue } from '../../util/serialQueue.js';
import type { ParticipantLink } from './meetingChannel.js';

/** How a meeting names its participants: one key per site, one chair, one key per operator account. */
export const participantKey = {
  site: (siteId: string) => `site:${siteId}`,
  chair: 'chair',
  operator: (userId: string) => `operator:${userId}`,
  of(role: ParticipantRole, identity: Identity): string {
    if (role === 'site') return participantKey.site(identity.siteId ?? '');
    return role === 'chair' ? participantKey.chair : participantKey.operator(identity.userId);
  },
};

/**
 * One participant of a live meeting: the chair's console, a site's kiosk or an operator. How to
 * reach its client (`link`) and its media (here or on another node) belong to others; this
 * record ties them to the meeting.
 */
export class Participant {
  /** Consumer updates of this participant run one at a time. */
  readonly updates = new SerialQueue();
  /** The client's capabilities, once it is ready to receive. */
  rtpCapabilities: ms.RtpCapabilities | undefined;

  constructor(
    readonly key: string,
    readonly role: ParticipantRole,
    readonly siteId: string | null,
    readonly identity: Identity,
    readonly link: ParticipantLink,
    readonly media: ParticipantMedia,
  ) {}

  producer(source: TrackSource): ms.Producer | undefined {
    for (const producer of this.media.producers()) {
      if (producer.appData.source === source && !producer.closed) return producer;
    }
    return undefined;
  }
}
