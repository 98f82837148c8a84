import type { Programme, TrackSource } from '@pm/shared';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { FloorControl } from './floorControl.js';
import { participantKey, type Participant } from './participant.js';

export interface ProgrammeFeed {
  producer: ms.Producer;
  owner: Participant;
}

export interface ProgrammeSelection {
  programme: Programme;
  video: ProgrammeFeed | undefined;
  audio: ProgrammeFeed[];
}

/**
 * What every site receives, from the floor and what is being sent:
 * - video: the spotlighted site's camera, else the floor holder's camera, else the chair's
 *   presentation (screen share), else the chair's hall camera;
 * - audio: the chair's microphone and the floor holder's.
 * A site that is chosen but sends nothing (it is reconnecting) falls back to the next choice.
 */
export function selectProgramme(
  floor: FloorControl,
  participants: ReadonlyMap<string, Participant>,
  siteName: (siteId: string) => string | undefined,
): ProgrammeSelection {
  const chair = participants.get(participantKey.chair);
  const site = (siteId: string | undefined) => (siteId ? participants.get(participantKey.site(siteId)) : undefined);
  const feed = (owner: Participant | undefined, source: TrackSource) => {
    const producer = owner?.producer(source);
    return owner && producer ? { owner, producer } : undefined;
  };

  const holder = site(floor.holder);
  const video =
    feed(site(floor.spotlight), 'camera') ?? feed(holder, 'camera') ?? feed(chair, 'screen') ?? feed(chair, 'camera');
  const audio = [feed(chair, 'microphone'), feed(holder, 'microphone')].filter((f): f is ProgrammeFeed => !!f);
  return {
    programme: {
      videoSiteId: video?.owner.siteId ?? null,
      videoSiteName: video?.owner.siteId ? (siteName(video.owner.siteId) ?? null) : null,
      audioSiteIds: audio.flatMap((f) => (f.owner.siteId ? [f.owner.siteId] : [])),
    },
    video,
    audio,
  };
}
