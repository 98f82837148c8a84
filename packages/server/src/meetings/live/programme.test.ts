import type { TrackSource } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import type { ms } from '../../sfu/mediasoupModule.js';
import { FloorControl } from './floorControl.js';
import type { Participant } from './participant.js';
import { selectProgramme } from './programme.js';

/** A participant reduced to what the selection reads: its key, site and open producers. */
function participant(key: string, siteId: string | null, sources: TrackSource[]): Participant {
  const producers = new Map(sources.map((s) => [s, { id: `${key}-${s}`, kind: s === 'microphone' ? 'audio' : 'video' }]));
  return { key, siteId, producer: (s: TrackSource) => producers.get(s) as ms.Producer | undefined } as unknown as Participant;
}

function room(...people: Participant[]): Map<string, Participant> {
  return new Map(people.map((p) => [p.key, p]));
}

const names = (id: string) => ({ a: 'Huyện A', b: 'Huyện B' })[id];

describe('selectProgramme', () => {
  const chair = participant('chair', null, ['camera', 'microphone']);
  const a = participant('site:a', 'a', ['camera', 'microphone']);
  const b = participant('site:b', 'b', ['camera', 'microphone']);

  it('is the chair’s camera and microphone when nobody holds the floor', () => {
    const s = selectProgramme(new FloorControl(), room(chair, a, b), names);
    expect(s.video?.producer.id).toBe('chair-camera');
    expect(s.audio.map((f) => f.producer.id)).toEqual(['chair-microphone']);
    expect(s.programme).toEqual({ videoSiteId: null, videoSiteName: null, audioSiteIds: [] });
  });

  it('puts the floor holder’s camera on video and its microphone beside the chair’s', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    const s = selectProgramme(floor, room(chair, a, b), names);
    expect(s.video?.producer.id).toBe('site:a-camera');
    expect(s.audio.map((f) => f.producer.id)).toEqual(['chair-microphone', 'site:a-microphone']);
    expect(s.programme).toEqual({ videoSiteId: 'a', videoSiteName: 'Huyện A', audioSiteIds: ['a'] });
  });

  it('a spotlight wins the video, without giving the spotlighted site a voice', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    floor.setSpotlight('b');
    const s = selectProgramme(floor, room(chair, a, b), names);
    expect(s.video?.producer.id).toBe('site:b-camera');
    expect(s.programme.audioSiteIds).toEqual(['a']);
  });

  it('the chair’s presentation replaces the hall camera', () => {
    const presenting = participant('chair', null, ['camera', 'microphone', 'screen']);
    expect(selectProgramme(new FloorControl(), room(presenting), names).video?.producer.id).toBe('chair-screen');
  });

  it('falls back to the chair while the floor holder is reconnecting (sends nothing)', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    const s = selectProgramme(floor, room(chair, b), names);
    expect(s.video?.producer.id).toBe('chair-camera');
    expect(s.programme.audioSiteIds).toEqual([]);
  });
});
