import type { ms } from '../../sfu/mediasoupModule.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeLink, fakeMeeting, identities, type FakeMedia } from '../../testing/meetingFakes.js';
import { participantKey } from './participant.js';

const caps = { codecs: [] } as ms.RtpCapabilities;

/** A meeting with the chair sending camera and microphone, and sites that joined and are ready. */
async function runningMeeting(siteIds: string[] = ['a', 'b'], options: { graceMs?: number } = {}) {
  const fake = fakeMeeting({ ...options, siteIds: ['a', 'b', 'c'] });
  const { meeting, media } = fake;
  const chair = await meeting.join(identities.chair, new FakeLink('chair-socket'));
  media.media('chair').send('camera');
  media.media('chair').send('microphone');
  await meeting.ready(chair.participant, caps);
  const sites = new Map<string, Awaited<ReturnType<typeof meeting.join>> & { link: FakeLink }>();
  for (const siteId of siteIds) {
    const link = new FakeLink(`${siteId}-socket`);
    const joined = await meeting.join(identities.site(siteId), link);
    media.media(participantKey.site(siteId)).send('camera');
    media.media(participantKey.site(siteId)).send('microphone');
    await meeting.ready(joined.participant, caps);
    sites.set(siteId, { ...joined, link });
  }
  const producerOf = (key: string, source: 'camera' | 'microphone') =>
    media.media(key).producerList.find((p) => p.appData.source === source && !p.closed)!.id;
  /** Waits for the queued consumer updates of every participant. */
  const settled = async () => {
    for (const p of [chair.participant, ...[...sites.values()].map((s) => s.participant)]) await p.updates.push(async () => undefined);
  };
  return { ...fake, chair, sites, producerOf, settled };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LiveMeeting: who may join, and as what', () => {
  it('admits invited sites, the meeting’s own chair and operators, each to its audience', async () => {
    const { meeting, channel, store } = fakeMeeting();
    const site = await meeting.join(identities.site('a'), new FakeLink('s'));
    const chair = await meeting.join(identities.chair, new FakeLink('c'));
    const operator = await meeting.join(identities.operator, new FakeLink('o'));
    expect([site.participant.role, chair.participant.role, operator.participant.role]).toEqual(['site', 'chair', 'operator']);
    expect(Object.fromEntries(channel.audiences)).toEqual({ s: 'site', c: 'staff', o: 'staff' });
    await meeting.attendance.flush();
    expect(store.presenceEvents.map((e) => [e.siteId, e.kind])).toEqual([['a', 'JOIN']]);
    // Staff screens get every invited site's status; a site's kiosk gets none.
    expect(site.summary.sites).toEqual([]);
    expect(chair.summary.sites.map((s) => [s.siteId, s.connection])).toEqual([
      ['a', 'connected'],
      ['b', 'absent'],
      ['c', 'absent'],
    ]);
  });

  it('refuses a site that is not invited and a chair account that does not chair this meeting', async () => {
    const { meeting, media } = fakeMeeting();
    await expect(meeting.join(identities.site('z'), new FakeLink('z'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherChair = { ...identities.chair, userId: 'another-chair' };
    await expect(meeting.join(otherChair, new FakeLink('x'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(media.placed.size).toBe(0);
  });

  it('takes two joins of one account one at a time: the second replaces the first', async () => {
    const { meeting, media } = fakeMeeting();
    const [first, second] = await Promise.all([
      meeting.join(identities.site('a'), new FakeLink('old')),
      meeting.join(identities.site('a'), new FakeLink('new')),
    ]);
    expect(first.participant.media.isClosed).toBe(true);
    expect(second.participant.media.isClosed).toBe(false);
    expect(meeting.size).toBe(1);
    expect(media.placed.get('site:a')).toBe(second.participant.media);
  });

  it('refuses joins once the meeting has ended, and tells everyone it ended', async () => {
    const { meeting, channel, media } = fakeMeeting();
    await meeting.join(identities.site('a'), new FakeLink('a'));
    meeting.close();
    expect(channel.last('meeting:ended')).toEqual({ meetingId: 'meeting-1' });
    expect(media.closed).toBe(true);
    await expect(meeting.join(identities.site('b'), new FakeLink('b'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('LiveMeeting: the programme', () => {
  it('opens the floor with the chair presiding, the floor history’s first turn; a floor left behind goes on without one', async () => {
    const opened = fakeMeeting();
    await opened.meeting.openFloor();
    expect(opened.floorHistory.rows.map((r) => r.siteId)).toEqual([null]);

    const continued = fakeMeeting();
    await continued.stateStore.saveFloor('meeting-1', { holder: { siteId: 'a', since: 1 }, queue: [], spotlight: null, muteAllAt: null });
    await continued.meeting.openFloor();
    expect(continued.meeting.floorHolder()).toBe('a');
    expect(continued.floorHistory.rows).toEqual([]);
  });

  /** Whether a participant's consumer of a programme output is paused on the server. */
  const paused = (media: FakeMedia, producer: ms.Producer) => [...media.tracks.values()].find((t) => t.producerId === producer.id)?.paused;

  it('subscribes every participant once to the programme’s stable producers, each to what its part needs', async () => {
    const { media, producerOf, settled } = await runningMeeting();
    await settled();
    const { producers } = media.stable;
    for (const site of ['site:a', 'site:b']) {
      expect(media.media(site).received().map((t) => t.producerId).sort()).toEqual(
        [producers.video.id, producers.chairVoice.id, producers.floorVoice.id, producers.returnVideo.id].sort(),
      );
      // Nobody's own camera is on: the return picture waits, paused on the server.
      expect(paused(media.media(site), producers.returnVideo)).toBe(true);
      expect(paused(media.media(site), producers.video)).toBe(false);
    }
    // The chair does not hear its own voice back.
    expect(media.media('chair').received().map((t) => t.producerId).sort()).toEqual([producers.video.id, producers.floorVoice.id].sort());
    expect(media.stable.feeding).toEqual({
      video: producerOf('chair', 'camera'),
      chairVoice: producerOf('chair', 'microphone'),
      floorVoice: null,
      returnVideo: null,
    });
  });

  it('follows the floor on the server: no new consumer at the other rooms; the speaker watches the chair and does not hear itself', async () => {
    const { meeting, media, chair, sites, channel, producerOf, settled, floorHistory } = await runningMeeting();
    await settled();
    const offersToB = () => sites.get('b')!.link.sent.filter((s) => s.event === 'media:newConsumer' || s.event === 'media:consumerClosed').length;
    const offersBefore = offersToB();
    meeting.grantFloor(chair.participant, 'a');
    await settled();
    expect(media.stable.feeding).toEqual({
      video: producerOf('site:a', 'camera'),
      chairVoice: producerOf('chair', 'microphone'),
      floorVoice: producerOf('site:a', 'microphone'),
      returnVideo: producerOf('chair', 'camera'),
    });
    expect(offersToB()).toBe(offersBefore);
    const { producers } = media.stable;
    const a = media.media('site:a');
    expect([paused(a, producers.video), paused(a, producers.returnVideo), paused(a, producers.floorVoice)]).toEqual([true, false, true]);
    expect(channel.last('meeting:programme')).toEqual({
      videoSiteId: 'a',
      videoSiteName: 'Xã A',
      audioSiteIds: ['a'],
      videoKind: 'camera',
      returnVideo: { siteId: null, siteName: null },
    });
    expect(floorHistory.rows.map((r) => r.siteId)).toEqual(['a']);

    meeting.revokeFloor(chair.participant);
    await settled();
    expect(media.stable.feeding).toMatchObject({ video: producerOf('chair', 'camera'), floorVoice: null, returnVideo: null });
    expect([paused(a, producers.video), paused(a, producers.returnVideo), paused(a, producers.floorVoice)]).toEqual([false, true, false]);
    expect(offersToB()).toBe(offersBefore);
    expect(floorHistory.rows.map((r) => r.siteId)).toEqual(['a', null]);
  });

  it('captions the new speaker once its picture reaches the rooms, and keeps the speaker off its own picture meanwhile', async () => {
    const { meeting, media, chair, channel, settled } = await runningMeeting();
    await settled();
    media.stable.holdSwitches = true;
    meeting.grantFloor(chair.participant, 'b');
    await settled();
    // Its voice is on at once; the picture (and its caption) when the keyframe comes.
    expect(channel.last('meeting:programme')).toMatchObject({ videoSiteId: null, audioSiteIds: ['b'] });
    const b = media.media('site:b');
    expect([...b.tracks.values()].find((t) => t.producerId === media.stable.producers.video.id)?.paused).toBe(true);
    media.stable.completeSwitches();
    await settled();
    expect(channel.last('meeting:programme')).toMatchObject({ videoSiteId: 'b', videoSiteName: 'Xã B' });
  });

  it('shows a spotlighted site’s camera without its voice, and the chair’s presentation over the chair’s camera', async () => {
    const { meeting, media, chair, producerOf, settled } = await runningMeeting();
    meeting.spotlight(chair.participant, 'b');
    await settled();
    expect(media.stable.feeding).toMatchObject({ video: producerOf('site:b', 'camera'), floorVoice: null });
    meeting.spotlight(chair.participant, null);
    const screen = media.media('chair').send('screen');
    await settled();
    expect(media.stable.feeding.video).toBe(screen.id);
  });

  it('queues requests, moves to the next, and mutes all', async () => {
    const { meeting, chair, sites, channel } = await runningMeeting(['a', 'b']);
    expect(meeting.requestFloor(sites.get('a')!.participant)).toBe(1);
    expect(meeting.requestFloor(sites.get('b')!.participant)).toBe(2);
    expect(meeting.nextFloor(chair.participant)).toBe('a');
    expect(channel.last('meeting:floor')).toMatchObject({ holder: { siteId: 'a' }, queue: [{ siteId: 'b' }] });
    meeting.muteAll(chair.participant);
    expect(channel.last('meeting:floor')).toMatchObject({ holder: null, spotlight: null });
    expect(meeting.floorHolder()).toBeNull();
  });

  it('subscribes everyone again to a programme rebuilt after its worker died', async () => {
    const { media, producerOf, settled } = await runningMeeting();
    await settled();
    media.loseProgramme();
    await settled();
    const { producers } = media.stable;
    expect(media.media('site:a').received().map((t) => t.producerId)).toContain(producers.video.id);
    expect(media.stable.feeding.video).toBe(producerOf('chair', 'camera'));
  });
});

describe('LiveMeeting: leaving and coming back', () => {
  it('a site that leaves gives up its place in the queue, the floor and the spotlight', async () => {
    const { meeting, chair, sites, channel } = await runningMeeting(['a', 'b']);
    meeting.requestFloor(sites.get('b')!.participant);
    meeting.grantFloor(chair.participant, 'a');
    meeting.spotlight(chair.participant, 'a');
    meeting.leave(sites.get('a')!.participant, 'LEAVE');
    meeting.leave(sites.get('b')!.participant, 'LEAVE');
    expect(channel.last('meeting:floor')).toMatchObject({ holder: null, spotlight: null, queue: [] });
  });

  it('a site that drops keeps the floor through the grace period, and loses it if it does not come back', async () => {
    vi.useFakeTimers();
    const { meeting, chair, sites, channel } = await runningMeeting(['a', 'b'], { graceMs: 1000 });
    meeting.grantFloor(chair.participant, 'a');
    meeting.leave(sites.get('a')!.participant, 'DISCONNECT');
    expect(meeting.floorHolder()).toBe('a');
    expect(channel.last('meeting:siteStatus')).toMatchObject({ siteId: 'a', connection: 'reconnecting' });
    await vi.advanceTimersByTimeAsync(1200);
    expect(meeting.floorHolder()).toBeNull();
    expect(channel.last('meeting:siteStatus')).toMatchObject({ siteId: 'a', connection: 'absent' });
  });

  it('a site that comes back within the grace period keeps the floor and one presence', async () => {
    vi.useFakeTimers();
    const { meeting, chair, sites, store } = await runningMeeting(['a'], { graceMs: 1000 });
    meeting.grantFloor(chair.participant, 'a');
    meeting.leave(sites.get('a')!.participant, 'DISCONNECT');
    await vi.advanceTimersByTimeAsync(500);
    await meeting.join(identities.site('a'), new FakeLink('a-again'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(meeting.floorHolder()).toBe('a');
    await meeting.attendance.flush();
    expect(store.presenceEvents.filter((e) => e.siteId === 'a').map((e) => e.kind)).toEqual(['JOIN', 'DISCONNECT', 'JOIN']);
  });

  it('a participant whose media are lost is asked to reconnect and counted as dropped', async () => {
    const { meeting, media, sites, store } = await runningMeeting(['a']);
    media.media('site:a').lose('media server restarted');
    expect(sites.get('a')!.link.last('media:reconnectRequired')).toEqual({ reason: 'media server restarted' });
    expect(meeting.size).toBe(1);
    await meeting.attendance.flush();
    expect(store.presenceEvents.map((e) => e.kind)).toEqual(['JOIN', 'DISCONNECT']);
  });

  it('the programme falls back to the chair when the speaker stops sending', async () => {
    const { meeting, media, chair, producerOf, settled } = await runningMeeting(['a', 'b']);
    meeting.grantFloor(chair.participant, 'a');
    await settled();
    media.media('site:a').closeProducer(producerOf('site:a', 'camera'));
    await settled();
    expect(media.stable.feeding.video).toBe(producerOf('chair', 'camera'));
  });
});

describe('LiveMeeting: what each role may do', () => {
  it('lets the chair and operators run the floor, the wall and roll calls; a site only asks and answers', async () => {
    const { meeting, chair, sites } = await runningMeeting(['a']);
    const site = sites.get('a')!.participant;
    expect(() => meeting.grantFloor(site, 'a')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => meeting.spotlight(site, 'a')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    await expect(meeting.watchWall(site, ['a'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(meeting.startRollCall(site, 60)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => meeting.requestFloor(chair.participant)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    const rollCall = await meeting.startRollCall(chair.participant, 60);
    await expect(meeting.confirmRollCall(chair.participant, rollCall.rollCallId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const answered = await meeting.confirmRollCall(site, rollCall.rollCallId);
    expect(Object.keys(answered.confirmed)).toEqual(['a']);
    expect(() => meeting.grantFloor(chair.participant, 'z')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lets the chair name the agenda item under discussion: every screen is told, a room joining later knows it', async () => {
    const { meeting, chair, sites, channel } = await runningMeeting(['a']);
    expect(() => meeting.setAgendaItem(sites.get('a')!.participant, 1)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => meeting.setAgendaItem(chair.participant, 3)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    meeting.setAgendaItem(chair.participant, 2);
    expect(channel.last('meeting:agendaItem')).toEqual({ position: 2 });
    expect(channel.pushed.at(-1)?.to).toBe('everyone');
    const late = await meeting.join(identities.site('b'), new FakeLink('b'));
    expect(late.summary.agendaItem).toBe(2);
    meeting.setAgendaItem(chair.participant, null);
    expect(channel.last('meeting:agendaItem')).toEqual({ position: null });
  });

  it('takes a room’s own headcount, and any invited site’s from the chair', async () => {
    const { meeting, chair, sites, store } = await runningMeeting(['a']);
    const site = sites.get('a')!.participant;
    await meeting.setHeadcount(site, 7, undefined);
    await expect(meeting.setHeadcount(site, 3, 'b')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(meeting.setHeadcount(chair.participant, 3, undefined)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await meeting.setHeadcount(chair.participant, 4, 'b');
    expect(Object.fromEntries(store.headcountRows)).toEqual({ a: 7, b: 4 });
  });
});

describe('LiveMeeting: the operator’s wall and the screens', () => {
  it('consumes the tiles on screen, pauses those scrolled away, and adds a site once it sends', async () => {
    const { meeting, media } = await runningMeeting(['a', 'b']);
    const operator = await meeting.join(identities.operator, new FakeLink('o'));
    await meeting.ready(operator.participant, caps);
    await meeting.watchWall(operator.participant, ['a', 'b', 'c']);
    const wall = media.media(participantKey.operator('operator-user'));
    expect(wall.received().filter((t) => t.purpose === 'wall').map((t) => t.siteId).sort()).toEqual(['a', 'b']);
    await meeting.watchWall(operator.participant, ['b', 'c']);
    const paused = [...wall.tracks.values()].filter((t) => t.purpose === 'wall' && t.paused).map((t) => t.siteId);
    expect(paused).toEqual(['a']);
    await meeting.join(identities.site('c'), new FakeLink('c'));
    media.media('site:c').send('camera');
    await operator.participant.updates.push(async () => undefined);
    expect(wall.received().filter((t) => t.purpose === 'wall').map((t) => t.siteId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('marks the active speaker for everyone, and sends nothing once the meeting has ended', async () => {
    const { meeting, media, channel } = await runningMeeting(['a']);
    media.speak('a');
    expect(channel.last('meeting:activeSpeaker')).toEqual({ siteId: 'a' });
    meeting.close();
    const count = channel.pushed.length;
    media.speak(null);
    expect(channel.pushed.length).toBe(count);
  });
});
