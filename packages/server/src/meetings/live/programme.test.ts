import type { TrackSource } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import type { ms } from '../../sfu/mediasoupModule.js';
import { FloorControl } from './floorControl.js';
import type { Participant } from './participant.js';
import { programmeCaption, selectProgramme } from './programme.js';

/** A participant reduced to what the selection reads: its key, site and open producers. */
function participant(key: string, siteId: string | null, sources: TrackSource[]): Participant {
  const producers = new Map(sources.map((s) => [s, { id: `${key}-${s}`, kind: s === 'microphone' ? 'audio' : 'video', appData: { source: s }, closed: false }]));
  return { key, siteId, producer: (s: TrackSource) => producers.get(s) as ms.Producer | undefined } as unknown as Participant;
}

function room(...people: Participant[]): Map<string, Participant> {
  return new Map(people.map((p) => [p.key, p]));
}

const names = (id: string) => ({ a: 'Xã A', b: 'Xã B' })[id];
const ids = (s: ReturnType<typeof selectProgramme>) => ({
  video: s.video?.producer.id,
  chairVoice: s.chairVoice?.producer.id,
  floorVoice: s.floorVoice?.producer.id,
  returnVideo: s.returnVideo?.producer.id,
  inset: s.inset?.producer.id,
});

describe('selectProgramme', () => {
  const chair = participant('chair', null, ['camera', 'microphone']);
  const a = participant('site:a', 'a', ['camera', 'microphone']);
  const b = participant('site:b', 'b', ['camera', 'microphone']);

  it('is the chair’s camera and microphone when nobody holds the floor; nobody needs a return picture', () => {
    const s = selectProgramme(new FloorControl(), room(chair, a, b), names);
    expect(ids(s)).toEqual({ video: 'chair-camera', chairVoice: 'chair-microphone', floorVoice: undefined, returnVideo: undefined, inset: undefined });
    expect(programmeCaption(s.video, s, names)).toEqual({ videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: 'camera', returnVideo: null, inset: null });
  });

  it('puts the floor holder’s camera and voice on the programme; the holder watches the chair', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    const s = selectProgramme(floor, room(chair, a, b), names);
    expect(ids(s)).toEqual({ video: 'site:a-camera', chairVoice: 'chair-microphone', floorVoice: 'site:a-microphone', returnVideo: 'chair-camera', inset: undefined });
    expect(programmeCaption(s.video, s, names)).toEqual({
      videoSiteId: 'a',
      videoSiteName: 'Xã A',
      audioSiteIds: ['a'],
      videoKind: 'camera',
      returnVideo: { siteId: null, siteName: null },
      inset: null,
    });
  });

  it('a spotlight wins the video, without giving the spotlighted site a voice', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    floor.setSpotlight('b');
    const s = selectProgramme(floor, room(chair, a, b), names);
    expect(ids(s)).toMatchObject({ video: 'site:b-camera', floorVoice: 'site:a-microphone', returnVideo: 'chair-camera', inset: undefined });
  });

  it('the chair’s presentation replaces the hall camera, and is what a speaking room watches', () => {
    const presenting = participant('chair', null, ['camera', 'microphone', 'screen']);
    const alone = selectProgramme(new FloorControl(), room(presenting), names);
    expect(alone.video?.producer.id).toBe('chair-screen');
    expect(programmeCaption(alone.video, alone, names).videoKind).toBe('screen');
    const floor = new FloorControl();
    floor.grant('a', 1);
    expect(selectProgramme(floor, room(presenting, a), names).returnVideo?.producer.id).toBe('chair-screen');
  });

  it('a speaking room watches the programme before it when the chair sends no picture', () => {
    const mute = participant('chair', null, ['microphone']);
    const floor = new FloorControl();
    floor.grant('a', 1);
    const first = selectProgramme(floor, room(mute, a, b), names);
    floor.grant('b', 2);
    const s = selectProgramme(floor, room(mute, a, b), names, first.video);
    expect(ids(s)).toMatchObject({ video: 'site:b-camera', returnVideo: 'site:a-camera' });
    expect(programmeCaption(s.video, s, names).returnVideo).toEqual({ siteId: 'a', siteName: 'Xã A' });
  });

  it('falls back to the chair while the floor holder is reconnecting (sends nothing)', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    const s = selectProgramme(floor, room(chair, b), names);
    expect(ids(s)).toMatchObject({ video: 'chair-camera', floorVoice: undefined, returnVideo: undefined });
  });

  it('captions the picture the rooms see, which may still be the one before the switch', () => {
    const floor = new FloorControl();
    const before = selectProgramme(floor, room(chair, a), names);
    floor.grant('a', 1);
    const after = selectProgramme(floor, room(chair, a), names, before.video);
    expect(programmeCaption(before.video, after, names)).toMatchObject({ videoSiteId: null, audioSiteIds: ['a'] });
  });

  it('a room holding the floor presents: its screen is the picture, its camera the inset, its voice heard; it watches its own slides', () => {
    const presenting = participant('site:a', 'a', ['camera', 'microphone', 'screen']);
    const floor = new FloorControl();
    floor.grant('a', 1);
    const s = selectProgramme(floor, room(chair, presenting, b), names);
    expect(ids(s)).toEqual({
      video: 'site:a-screen',
      chairVoice: 'chair-microphone',
      floorVoice: 'site:a-microphone',
      returnVideo: undefined,
      inset: 'site:a-camera',
    });
    expect(programmeCaption(s.video, s, names)).toEqual({
      videoSiteId: 'a',
      videoSiteName: 'Xã A',
      audioSiteIds: ['a'],
      videoKind: 'screen',
      returnVideo: null,
      inset: { siteId: 'a', siteName: 'Xã A' },
    });
    // Until the slides reach the rooms, the caption is the camera's, with no inset.
    const camera = { owner: presenting, producer: presenting.producer('camera')! };
    expect(programmeCaption(camera, s, names)).toMatchObject({ videoSiteId: 'a', videoKind: 'camera', inset: null });
  });

  it('shows a room’s screen only while it may present: the floor holder’s, or the invited room’s, which wins', () => {
    const a2 = participant('site:a', 'a', ['camera', 'microphone', 'screen']);
    const b2 = participant('site:b', 'b', ['camera', 'microphone', 'screen']);
    const floor = new FloorControl();
    expect(selectProgramme(floor, room(chair, a2, b2), names).video?.producer.id).toBe('chair-camera');
    floor.grant('a', 1);
    floor.invitePresenter('b');
    expect(ids(selectProgramme(floor, room(chair, a2, b2), names))).toMatchObject({ video: 'site:b-screen', inset: 'site:b-camera', floorVoice: 'site:a-microphone' });
    // A spotlight still wins the picture.
    floor.setSpotlight('a');
    expect(ids(selectProgramme(floor, room(chair, a2, b2), names))).toMatchObject({ video: 'site:a-camera', inset: undefined });
  });

  it('the chair’s presentation carries the chair’s camera as its inset', () => {
    const presenting = participant('chair', null, ['camera', 'microphone', 'screen']);
    const s = selectProgramme(new FloorControl(), room(presenting, a), names);
    expect(ids(s)).toMatchObject({ video: 'chair-screen', inset: 'chair-camera' });
    expect(programmeCaption(s.video, s, names)).toMatchObject({ videoSiteId: null, videoKind: 'screen', inset: { siteId: null, siteName: null } });
  });
});
