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

  it('refuses joins once the meeting is closed here, without telling the screens it ended (they reconnect elsewhere)', async () => {
    const { meeting, channel, media, store } = fakeMeeting();
    await meeting.join(identities.site('a'), new FakeLink('a'));
    // A database that takes a while, as a real one under a node's shutdown does.
    const write = store.presence.bind(store);
    vi.spyOn(store, 'presence').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await write(...args);
    });
    await meeting.close();
    // Written by the time closing resolves: a node shutting down closes its database next.
    expect(store.presenceEvents.map((e) => [e.siteId, e.kind])).toEqual([['a', 'JOIN'], ['a', 'LEAVE']]);
    expect(channel.last('meeting:ended')).toBeUndefined();
    expect(media.closed).toBe(true);
    await expect(meeting.join(identities.site('b'), new FakeLink('b'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('LiveMeeting: ending the meeting for everyone', () => {
  it('lets the chair end it: finishing runs first, then every screen is told and each room’s presence closes at the real end', async () => {
    const { meeting, chair, channel, store, media } = await runningMeeting(['a', 'b']);
    const steps: string[] = [];
    const endedAt = await meeting.end(chair.participant, async (at) => {
      // While the recording stops the meeting still runs: nobody has been told, nothing closed.
      steps.push(`finishing at ${at.toISOString()}; told: ${channel.events('meeting:ended').length}; closed: ${media.closed}`);
    });
    expect(steps).toEqual([`finishing at ${endedAt.toISOString()}; told: 0; closed: false`]);
    expect(channel.pushed.filter((p) => p.event === 'meeting:ended')).toEqual([{ to: 'everyone', event: 'meeting:ended', payload: { meetingId: 'meeting-1' } }]);
    expect(media.closed).toBe(true);
    expect(meeting.isClosed).toBe(true);
    await meeting.attendance.flush();
    const leaves = store.presenceEvents.filter((e) => e.kind === 'LEAVE');
    expect(leaves.map((e) => e.siteId).sort()).toEqual(['a', 'b']);
    // Left with the end, not before it: the report does not call them early leavers.
    for (const leave of leaves) expect(leave.at.getTime()).toBeGreaterThanOrEqual(endedAt.getTime());
    await expect(meeting.join(identities.site('c'), new FakeLink('c'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets an operator end it, and refuses a meeting room', async () => {
    const { meeting, sites } = await runningMeeting(['a']);
    const operator = await meeting.join(identities.operator, new FakeLink('operator'));
    const finishing = vi.fn(async () => undefined);
    await expect(meeting.end(sites.get('a')!.participant, finishing)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(finishing).not.toHaveBeenCalled();
    expect(meeting.isClosed).toBe(false);
    await meeting.end(operator.participant, finishing);
    expect(finishing).toHaveBeenCalledTimes(1);
    expect(meeting.isClosed).toBe(true);
  });

  it('ends once when the chair and an operator end it together', async () => {
    const { meeting, chair, channel } = await runningMeeting(['a']);
    const operator = await meeting.join(identities.operator, new FakeLink('operator'));
    const finishing = vi.fn(async () => undefined);
    const [byChair, byOperator] = await Promise.all([meeting.end(chair.participant, finishing), meeting.end(operator.participant, finishing)]);
    expect(byChair).toBe(byOperator);
    expect(finishing).toHaveBeenCalledTimes(1);
    expect(channel.events('meeting:ended')).toHaveLength(1);
  });

  it('goes on when finishing fails (the real end could not be stored), and may be ended again', async () => {
    const { meeting, chair, channel } = await runningMeeting(['a']);
    await expect(meeting.end(chair.participant, () => Promise.reject(new Error('database unavailable')))).rejects.toThrow('database unavailable');
    expect(meeting.isClosed).toBe(false);
    expect(channel.events('meeting:ended')).toHaveLength(0);
    await meeting.end(chair.participant, async () => undefined);
    expect(meeting.isClosed).toBe(true);
  });

  it('does not end when the chair closes its page: the chair leaves, the rooms stay', async () => {
    const { meeting, chair, channel } = await runningMeeting(['a', 'b']);
    meeting.leave(chair.participant, 'DISCONNECT');
    expect(meeting.isClosed).toBe(false);
    expect(meeting.sitesJoined).toBe(2);
    expect(channel.events('meeting:ended')).toHaveLength(0);
  });
});

describe('LiveMeeting: the programme', () => {
  it('opens the floor with the chair presiding, the floor history’s first turn; a floor left behind goes on without one', async () => {
    const opened = fakeMeeting();
    await opened.meeting.openFloor();
    expect(opened.floorHistory.rows.map((r) => r.siteId)).toEqual([null]);

    const continued = fakeMeeting();
    await continued.stateStore.saveFloor('meeting-1', { holder: { siteId: 'a', since: 1 }, queue: [], spotlight: null, muteAllAt: null, presenter: null, mutedSite: null });
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
        [producers.video.id, producers.chairVoice.id, producers.floorVoice.id, producers.returnVideo.id, producers.inset.id].sort(),
      );
      // No presentation: its inset waits, paused on the server, and costs nothing.
      expect(paused(media.media(site), producers.inset)).toBe(true);
      // Nobody's own camera is on: the return picture waits, paused on the server.
      expect(paused(media.media(site), producers.returnVideo)).toBe(true);
      expect(paused(media.media(site), producers.video)).toBe(false);
    }
    // The chair does not hear its own voice back.
    expect(media.media('chair').received().map((t) => t.producerId).sort()).toEqual([producers.video.id, producers.floorVoice.id, producers.inset.id].sort());
    expect(media.stable.feeding).toEqual({
      video: producerOf('chair', 'camera'),
      chairVoice: producerOf('chair', 'microphone'),
      floorVoice: null,
      returnVideo: null,
      inset: null,
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
      inset: null,
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
      inset: null,
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

describe('LiveMeeting: presentations', () => {
  const paused = (media: FakeMedia, producer: ms.Producer) => [...media.tracks.values()].find((t) => t.producerId === producer.id)?.paused;
  /** What a room was offered or taken of consumers: a presentation must cost the other rooms none. */
  const offers = (link: FakeLink) => link.sent.filter((s) => s.event === 'media:newConsumer' || s.event === 'media:consumerClosed').length;

  it('the room holding the floor presents: its screen is the picture, its camera the inset, with no new consumer at any room', async () => {
    const { meeting, media, chair, sites, channel, producerOf, settled } = await runningMeeting();
    await settled();
    meeting.grantFloor(chair.participant, 'a');
    await settled();
    const offersBefore = [offers(sites.get('a')!.link), offers(sites.get('b')!.link), offers(chair.participant.link as FakeLink)];
    meeting.requirePresenter(sites.get('a')!.participant);
    const screen = media.media('site:a').send('screen');
    await settled();
    expect(media.stable.feeding).toMatchObject({ video: screen.id, inset: producerOf('site:a', 'camera'), floorVoice: producerOf('site:a', 'microphone'), returnVideo: null });
    expect([offers(sites.get('a')!.link), offers(sites.get('b')!.link), offers(chair.participant.link as FakeLink)]).toEqual(offersBefore);
    const { producers } = media.stable;
    // Every other room and the chair see the inset; the presenter sees its own slides, not its own camera.
    expect([paused(media.media('site:b'), producers.inset), paused(media.media('chair'), producers.inset)]).toEqual([false, false]);
    const a = media.media('site:a');
    expect([paused(a, producers.video), paused(a, producers.returnVideo), paused(a, producers.inset)]).toEqual([false, true, true]);
    expect(channel.last('meeting:programme')).toEqual({
      videoSiteId: 'a',
      videoSiteName: 'Xã A',
      audioSiteIds: ['a'],
      videoKind: 'screen',
      returnVideo: null,
      inset: { siteId: 'a', siteName: 'Xã A' },
    });
  });

  it('lets the chair always present, a room only with the floor or the chair’s invitation, an operator never', async () => {
    const { meeting, chair, sites } = await runningMeeting(['a', 'b']);
    const operator = await meeting.join(identities.operator, new FakeLink('o'));
    const [a, b] = [sites.get('a')!.participant, sites.get('b')!.participant];
    expect(() => meeting.requirePresenter(chair.participant)).not.toThrow();
    expect(() => meeting.requirePresenter(operator.participant)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => meeting.requirePresenter(b)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => meeting.invitePresenter(a, 'a')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => meeting.invitePresenter(chair.participant, 'z')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    meeting.invitePresenter(chair.participant, 'b');
    expect(() => meeting.requirePresenter(b)).not.toThrow();
    meeting.grantFloor(operator.participant, 'a');
    expect(() => meeting.requirePresenter(a)).not.toThrow();
  });

  it('an invited room’s presentation wins over the floor holder’s camera, and ends when the invitation is withdrawn', async () => {
    const { meeting, media, chair, sites, channel, producerOf, settled } = await runningMeeting(['a', 'b']);
    meeting.grantFloor(chair.participant, 'a');
    meeting.invitePresenter(chair.participant, 'b');
    expect(channel.last('meeting:floor')).toMatchObject({ holder: { siteId: 'a' }, presenter: 'b' });
    const screen = media.media('site:b').send('screen');
    await settled();
    expect(media.stable.feeding).toMatchObject({ video: screen.id, inset: producerOf('site:b', 'camera'), floorVoice: producerOf('site:a', 'microphone') });
    meeting.invitePresenter(chair.participant, null);
    await settled();
    expect(sites.get('b')!.link.last('presentation:ended')).toEqual({ producerId: screen.id });
    expect(screen.closed).toBe(true);
    expect(media.stable.feeding).toMatchObject({ video: producerOf('site:a', 'camera'), inset: null });
  });

  it('revoking the floor ends the room’s presentation: the share is closed, the kiosk told, the inset paused again', async () => {
    const { meeting, media, chair, sites, producerOf, settled } = await runningMeeting(['a', 'b']);
    meeting.grantFloor(chair.participant, 'a');
    const screen = media.media('site:a').send('screen');
    await settled();
    expect(media.stable.feeding.video).toBe(screen.id);
    meeting.revokeFloor(chair.participant);
    await settled();
    expect(sites.get('a')!.link.last('presentation:ended')).toEqual({ producerId: screen.id });
    expect(screen.closed).toBe(true);
    expect(media.stable.feeding).toMatchObject({ video: producerOf('chair', 'camera'), inset: null });
    expect(paused(media.media('site:b'), media.stable.producers.inset)).toBe(true);
    // The chair's own share is untouched by the floor.
    const chairScreen = media.media('chair').send('screen');
    meeting.grantFloor(chair.participant, 'b');
    meeting.revokeFloor(chair.participant);
    await settled();
    expect(chairScreen.closed).toBe(false);
    expect(media.stable.feeding).toMatchObject({ video: chairScreen.id, inset: producerOf('chair', 'camera') });
  });

  it('closes at once a share that opened after the room lost its right to present', async () => {
    const { media, sites, settled, producerOf } = await runningMeeting(['a', 'b']);
    const screen = media.media('site:b').send('screen');
    await settled();
    expect(screen.closed).toBe(true);
    expect(sites.get('b')!.link.last('presentation:ended')).toEqual({ producerId: screen.id });
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

  it('tells the staff a room that left from one that has not joined yet', async () => {
    const { meeting, sites, channel } = await runningMeeting(['a', 'b']);
    meeting.leave(sites.get('a')!.participant, 'LEAVE');
    expect(channel.last('meeting:siteStatus')).toMatchObject({ siteId: 'a', connection: 'absent', attended: true });
    const operator = await meeting.join(identities.operator, new FakeLink('operator-socket'));
    const statuses = Object.fromEntries(operator.summary.sites.map((s) => [s.siteId, [s.connection, s.attended]]));
    expect(statuses).toEqual({ a: ['absent', true], b: ['connected', true], c: ['absent', false] });
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
    await meeting.close();
    const count = channel.pushed.length;
    media.speak(null);
    expect(channel.pushed.length).toBe(count);
  });
});

describe('LiveMeeting: text messages', () => {
  /** A meeting whose sites a and b are in district g1, c in g2. */
  async function messagingMeeting() {
    const fake = fakeMeeting({ siteIds: ['a', 'b', 'c'] });
    fake.meeting.plan.sites[2]!.groupId = 'g2';
    const operator = await fake.meeting.join(identities.operator, new FakeLink('operator'));
    const links = new Map<string, FakeLink>();
    const sites = new Map<string, Awaited<ReturnType<typeof fake.meeting.join>>>();
    for (const siteId of ['a', 'b', 'c']) {
      const link = new FakeLink(`${siteId}-socket`);
      links.set(siteId, link);
      sites.set(siteId, await fake.meeting.join(identities.site(siteId), link));
    }
    const received = (siteId: string) => links.get(siteId)!.sent.filter((s) => s.event === 'meeting:message').map((s) => (s.payload as { text: string }).text);
    return { ...fake, operator, sites, received };
  }

  it('delivers the operator’s message to one room, to a district’s rooms or to all, logs each, and shows every one to the staff', async () => {
    const { meeting, operator, channel, messages, received } = await messagingMeeting();
    const toA = await meeting.sendMessage(operator.participant, { kind: 'site', siteId: 'a' }, 'Điểm cầu Xã A bật micrô');
    await meeting.sendMessage(operator.participant, { kind: 'group', groupId: 'g' }, 'Các xã huyện chuẩn bị báo cáo');
    await meeting.sendMessage(operator.participant, { kind: 'all' }, 'Nghỉ giải lao 10 phút');
    expect(received('a')).toEqual(['Điểm cầu Xã A bật micrô', 'Các xã huyện chuẩn bị báo cáo']);
    expect(received('b')).toEqual(['Các xã huyện chuẩn bị báo cáo']);
    expect(received('c')).toEqual([]);
    expect(channel.pushed.filter((p) => p.event === 'meeting:message').map((p) => [p.to, (p.payload as { text: string }).text])).toEqual([
      ['staff', 'Điểm cầu Xã A bật micrô'],
      ['staff', 'Các xã huyện chuẩn bị báo cáo'],
      ['everyone', 'Nghỉ giải lao 10 phút'],
    ]);
    expect(toA).toMatchObject({ fromSiteId: null, fromName: 'Vận hành', to: { kind: 'site', siteId: 'a' } });
    expect(messages.rows.map((r) => [r.message.text, r.fromUserId])).toEqual([
      ['Điểm cầu Xã A bật micrô', 'operator-user'],
      ['Các xã huyện chuẩn bị báo cáo', 'operator-user'],
      ['Nghỉ giải lao 10 phút', 'operator-user'],
    ]);
  });

  it('lets a room ask the staff for help, and nobody else', async () => {
    const { meeting, sites, channel, messages, received } = await messagingMeeting();
    const help = await meeting.sendMessage(sites.get('b')!.participant, { kind: 'staff' }, 'Cần hỗ trợ kỹ thuật');
    expect(help).toMatchObject({ fromSiteId: 'b', fromName: 'Xã B', to: { kind: 'staff' } });
    expect(channel.last('meeting:message')).toEqual(help);
    expect(channel.pushed.filter((p) => p.event === 'meeting:message').map((p) => p.to)).toEqual(['staff']);
    expect(received('a')).toEqual([]);
    await expect(meeting.sendMessage(sites.get('b')!.participant, { kind: 'all' }, 'Xin chào')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(meeting.sendMessage(sites.get('b')!.participant, { kind: 'site', siteId: 'a' }, 'Xin chào')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(messages.rows).toHaveLength(1);
  });

  it('refuses staff messages to a site that is not invited or a district with no invited site; staff write to each other', async () => {
    const { meeting, operator, messages, received } = await messagingMeeting();
    await expect(meeting.sendMessage(operator.participant, { kind: 'site', siteId: 'z' }, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(meeting.sendMessage(operator.participant, { kind: 'group', groupId: 'nowhere' }, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(messages.rows).toHaveLength(0);
    await meeting.sendMessage(operator.participant, { kind: 'staff' }, 'Mời Sở Y tế sau Xã A');
    expect(['a', 'b', 'c'].flatMap(received)).toEqual([]);
    expect(messages.rows).toHaveLength(1);
  });
});

describe('LiveMeeting: reordering the queue', () => {
  it('lets staff move a waiting site to the front, tells every screen, and refuses rooms and sites not waiting', async () => {
    const { meeting, chair, sites, channel } = await runningMeeting(['a', 'b', 'c']);
    for (const siteId of ['a', 'b', 'c']) meeting.requestFloor(sites.get(siteId)!.participant);
    meeting.moveToFront(chair.participant, 'c');
    expect(channel.last('meeting:floor')!.queue.map((r) => r.siteId)).toEqual(['c', 'a', 'b']);
    expect(() => meeting.moveToFront(sites.get('a')!.participant, 'a')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    meeting.grantFloor(chair.participant, 'c');
    expect(() => meeting.moveToFront(chair.participant, 'c')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('LiveMeeting: the operator wall’s actions on one site', () => {
  it('mutes one room as "mute all" would: its voice leaves the programme, its kiosk is told, and it speaks again only by asking', async () => {
    const { meeting, chair, sites, channel, media, producerOf, settled } = await runningMeeting(['a', 'b']);
    const operator = await meeting.join(identities.operator, new FakeLink('operator'));
    meeting.requestFloor(sites.get('b')!.participant);
    meeting.grantFloor(chair.participant, 'a');
    await settled();
    expect(media.stable.feeding).toMatchObject({ floorVoice: producerOf('site:a', 'microphone') });

    meeting.muteSite(operator.participant, 'a');
    await settled();
    expect(media.stable.feeding).toMatchObject({ floorVoice: null });
    const floor = channel.last('meeting:floor')!;
    expect(floor).toMatchObject({ holder: null, mutedSite: { siteId: 'a' }, muteAllAt: null, queue: [{ siteId: 'b' }] });
    // Nothing to mute twice, nor a room whose microphone is closed; a room mutes nobody.
    expect(() => meeting.muteSite(operator.participant, 'a')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => meeting.muteSite(operator.participant, 'z')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    meeting.grantFloor(chair.participant, 'b');
    expect(() => meeting.muteSite(sites.get('a')!.participant, 'b')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(meeting.floorHolder()).toBe('b');
    // The muted room asks again, and the chair's grant opens its microphone.
    expect(meeting.requestFloor(sites.get('a')!.participant)).toBe(1);
    meeting.grantFloor(chair.participant, 'a');
    await settled();
    expect(media.stable.feeding).toMatchObject({ floorVoice: producerOf('site:a', 'microphone') });
  });

  it('calls back a room that left: logged as a message to it, listed for the staff, and sent to the room’s screens outside the meeting', async () => {
    const { meeting, sites, channel, messages } = await runningMeeting(['a', 'b']);
    const operator = await meeting.join(identities.operator, new FakeLink('operator'));
    meeting.leave(sites.get('b')!.participant, 'LEAVE');

    const call = await meeting.callBack(operator.participant, 'b', 'Ban điều hành mời điểm cầu vào lại cuộc họp.');
    expect(call).toMatchObject({ fromSiteId: null, fromName: 'Vận hành', to: { kind: 'site', siteId: 'b' }, text: 'Ban điều hành mời điểm cầu vào lại cuộc họp.' });
    expect(messages.rows.map((r) => [r.message.id, r.fromUserId])).toEqual([[call.id, 'operator-user']]);
    expect(channel.pushed.filter((p) => p.event === 'meeting:message')).toEqual([{ to: 'staff', event: 'meeting:message', payload: call }]);
    expect(channel.pushed.filter((p) => p.event === 'meeting:callBack')).toEqual([
      { to: 'site:b', event: 'meeting:callBack', payload: { meetingId: 'meeting-1', title: 'Họp giao ban', message: call } },
    ]);
    // Its kiosk in the meeting got nothing more (it had left); the room still in the meeting is not called.
    expect(sites.get('b')!.link.sent.filter((s) => s.event === 'meeting:message')).toEqual([]);
    await expect(meeting.callBack(operator.participant, 'a', 'Mời vào lại')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(meeting.callBack(operator.participant, 'z', 'Mời vào lại')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(meeting.callBack(sites.get('a')!.participant, 'b', 'Mời vào lại')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(messages.rows).toHaveLength(1);
  });

  it('calls back a room that dropped and is still within its grace period', async () => {
    const { meeting, sites, channel } = await runningMeeting(['a'], { graceMs: 60_000 });
    const operator = await meeting.join(identities.operator, new FakeLink('operator'));
    meeting.leave(sites.get('a')!.participant, 'DISCONNECT');
    expect(channel.last('meeting:siteStatus')).toMatchObject({ siteId: 'a', connection: 'reconnecting' });
    await meeting.callBack(operator.participant, 'a', 'Mời vào lại');
    expect(channel.pushed.at(-1)).toMatchObject({ to: 'site:a', event: 'meeting:callBack' });
  });
});

describe('LiveMeeting: the agenda item from the minutes', () => {
  it('lets the meeting’s secretary move it to an item as the chair does: every screen is told, and it reads back', async () => {
    const { meeting, channel } = await runningMeeting(['a']);
    expect(meeting.currentAgendaItem).toBeNull();
    meeting.moveToAgendaItem(2);
    expect(channel.last('meeting:agendaItem')).toEqual({ position: 2 });
    expect(meeting.currentAgendaItem).toBe(2);
    expect(() => meeting.moveToAgendaItem(3)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    await meeting.close();
    expect(() => meeting.moveToAgendaItem(1)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
