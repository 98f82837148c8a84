import type { Programme, TrackSource } from '@pm/shared';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { FloorControl } from './floorControl.js';
import { participantKey, type Participant } from './participant.js';

export interface ProgrammeFeed {
  producer: ms.Producer;
  owner: Participant;
}

/** What feeds each output of the programme, as decided from the floor and what is being sent. */
export interface ProgrammeSelection {
  video: ProgrammeFeed | undefined;
  chairVoice: ProgrammeFeed | undefined;
  floorVoice: ProgrammeFeed | undefined;
  /** What the room on the programme watches instead of itself. */
  returnVideo: ProgrammeFeed | undefined;
  /** While the picture is a presentation: its presenter's camera, shown small over it. */
  inset: ProgrammeFeed | undefined;
}

/** Whether a feed is a shared screen (a presentation) rather than a camera. */
export const isPresentation = (feed: ProgrammeFeed | undefined): boolean => feed?.producer.appData.source === 'screen';

/**
 * What every site receives, from the floor and what is being sent:
 * - video: the spotlighted site's camera, else a site's presentation (the invited presenter's,
 *   else the floor holder's), else the floor holder's camera, else the chair's presentation,
 *   else the chair's hall camera;
 * - inset: while the video is a presentation, its presenter's camera;
 * - voices: the chair's microphone, and the floor holder's;
 * - the room whose camera is on the programme watches the chair's camera (or presentation), or
 *   when the chair sends neither, the programme before it. A room presenting its screen watches
 *   the programme (its slides, as every room sees them).
 * A site that is chosen but sends nothing (it is reconnecting) falls back to the next choice;
 * a site's screen counts only while it may present (it holds the floor, or is invited).
 */
export function selectProgramme(
  floor: FloorControl,
  participants: ReadonlyMap<string, Participant>,
  siteName: (siteId: string) => string | undefined,
  previousVideo?: ProgrammeFeed,
): ProgrammeSelection {
  const chair = participants.get(participantKey.chair);
  const site = (siteId: string | undefined) => (siteId ? participants.get(participantKey.site(siteId)) : undefined);
  const feed = (owner: Participant | undefined, source: TrackSource) => {
    const producer = owner?.producer(source);
    return owner && producer ? { owner, producer } : undefined;
  };

  const holder = site(floor.holder);
  const sitePresentation = feed(site(floor.presenter), 'screen') ?? feed(holder, 'screen');
  const chairPicture = feed(chair, 'screen') ?? feed(chair, 'camera');
  const video = feed(site(floor.spotlight), 'camera') ?? sitePresentation ?? feed(holder, 'camera') ?? chairPicture;
  const inset = video && isPresentation(video) ? feed(video.owner, 'camera') : undefined;
  const chairVoice = feed(chair, 'microphone');
  const floorVoice = feed(holder, 'microphone');
  const earlier = previousVideo && !previousVideo.producer.closed && previousVideo.owner !== video?.owner ? previousVideo : undefined;
  const returnVideo = video?.owner.siteId && !isPresentation(video) ? (chairPicture ?? earlier) : undefined;
  return { video, chairVoice, floorVoice, returnVideo, inset };
}

/**
 * The caption of the programme: `video` is the picture the rooms see now (a switch shows at the
 * new source's keyframe, and the caption with it), the rest as decided.
 */
export function programmeCaption(
  video: ProgrammeFeed | undefined,
  selection: ProgrammeSelection,
  siteName: (siteId: string) => string | undefined,
): Programme {
  const named = (f: ProgrammeFeed) => ({ siteId: f.owner.siteId, siteName: f.owner.siteId ? (siteName(f.owner.siteId) ?? null) : null });
  return {
    videoSiteId: video?.owner.siteId ?? null,
    videoSiteName: video ? named(video).siteName : null,
    audioSiteIds: selection.floorVoice?.owner.siteId ? [selection.floorVoice.owner.siteId] : [],
    videoKind: video ? (isPresentation(video) ? 'screen' : 'camera') : null,
    returnVideo: selection.returnVideo ? named(selection.returnVideo) : null,
    // The inset belongs to the presentation the rooms see now, not to one still switching in.
    inset: selection.inset && video && isPresentation(video) && selection.inset.owner === video.owner ? named(selection.inset) : null,
  };
}

/** Whether two selections feed any output differently. */
export function sameSelection(a: ProgrammeSelection, b: ProgrammeSelection): boolean {
  return (['video', 'chairVoice', 'floorVoice', 'returnVideo', 'inset'] as const).every((output) => a[output]?.producer === b[output]?.producer);
}
