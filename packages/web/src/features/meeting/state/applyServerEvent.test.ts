import type { MeetingSummary, SiteAlert, SiteQuality, SiteStatus } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { applyServerEvent, MAX_ALERTS, MAX_MESSAGES, type MeetingEvent } from './applyServerEvent';
import { initialMeetingState, type MeetingViewState } from './meetingState';
import { selectBannerMessage, selectMayPresent, selectProgrammeInset, selectProgrammeVideo } from './selectors';

const site = (siteId: string, name: string): SiteStatus => ({
  siteId,
  name,
  groupId: 'g-hoanghoa',
  groupName: 'Huyện Hoằng Hóa',
  connection: 'connected',
  attended: true,
  hasVideo: true,
  headcount: null,
});

const summary = (overrides: Partial<MeetingSummary> = {}): MeetingSummary => ({
  meetingId: 'm1',
  title: 'Giao ban trực tuyến tháng 11',
  selfSiteId: null,
  role: 'chair',
  floor: { queue: [{ siteId: 's1', requestedAt: 1000 }], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null },
  programme: { videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: null, returnVideo: null, inset: null },
  sites: [site('s1', 'Hoằng Hóa'), site('s2', 'Hoằng Đạo')],
  rollCall: null,
  headcount: 12,
  ...overrides,
});

const quality = (siteId: string, rttMs: number): SiteQuality => ({
  siteId,
  level: 'good',
  figures: { rttMs, lossPct: 0, jitterMs: 3, bitrateUpKbps: 900, bitrateDownKbps: 1100, producerScore: 10, consumerScore: 10 },
});

const alert = (siteId: string, at: number): SiteAlert => ({ siteId, siteName: siteId, kind: 'degraded', at });

const newConsumer = (
  id: string,
  purpose: 'programme-video' | 'programme-audio' | 'return-video' | 'programme-inset' | 'wall',
  siteId: string | null,
): MeetingEvent => ({
  type: 'media:newConsumer',
  payload: {
    id,
    producerId: `p-${id}`,
    kind: purpose === 'programme-audio' ? 'audio' : 'video',
    rtpParameters: {},
    purpose,
    siteId,
  },
});

const run = (events: MeetingEvent[], from: MeetingViewState = initialMeetingState) => events.reduce(applyServerEvent, from);

/** A chair console that joined and went live. */
const live = () => run([{ type: 'joining' }, { type: 'joined', summary: summary() }, { type: 'live', at: 5000 }]);

describe('applyServerEvent: joining and the connection', () => {
  it('a first join connects, takes the summary, and goes live without claiming a reconnection', () => {
    const joining = run([{ type: 'joining' }]);
    expect(joining.phase).toBe('connecting');
    const state = run(
      [
        { type: 'joined', summary: summary() },
        { type: 'live', at: 5000 },
      ],
      joining,
    );
    expect(state.phase).toBe('live');
    expect(state.reconnectedAt).toBeUndefined();
    expect(state.summary?.title).toBe('Giao ban trực tuyến tháng 11');
    expect(state.floor.queue).toEqual([{ siteId: 's1', requestedAt: 1000 }]);
    expect(Object.keys(state.sites)).toEqual(['s1', 's2']);
    expect(state.headcount).toBe(12);
  });

  it('a rejoin is a reconnection: it forgets received media and presenting, and stamps when it came back', () => {
    const before = run([newConsumer('c1', 'programme-video', null), { type: 'presenting', presenting: true }], live());
    expect(before.received).toHaveLength(1);
    const rejoining = applyServerEvent(before, { type: 'joining' });
    expect(rejoining.phase).toBe('reconnecting');
    expect(rejoining.received).toEqual([]);
    expect(rejoining.presenting).toBe(false);
    const back = run(
      [
        { type: 'joined', summary: summary() },
        { type: 'live', at: 9000 },
      ],
      rejoining,
    );
    expect(back.reconnectedAt).toBe(9000);
  });

  it('a dropped socket shows reconnecting once; a second notice changes nothing', () => {
    const dropped = applyServerEvent(live(), { type: 'reconnecting' });
    expect(dropped.phase).toBe('reconnecting');
    expect(applyServerEvent(dropped, { type: 'reconnecting' })).toBe(dropped);
  });

  it('a failed join keeps its error until the meeting is live again', () => {
    const error = new Error('refused');
    const failed = run([{ type: 'joining' }, { type: 'failed', error }]);
    expect(failed.phase).toBe('failed');
    expect(failed.error).toBe(error);
    const recovered = run([{ type: 'joining' }, { type: 'joined', summary: summary() }, { type: 'live', at: 1 }], failed);
    expect(recovered.error).toBeUndefined();
  });

  it('the server ending the meeting ends it on screen, with nothing left received', () => {
    const receiving = applyServerEvent(live(), newConsumer('c1', 'programme-video', null));
    expect(receiving.received).toHaveLength(1);
    const ended = applyServerEvent(receiving, { type: 'meeting:ended', payload: { meetingId: 'm1' } });
    expect(ended.phase).toBe('ended');
    expect(ended.received).toEqual([]);
  });

  it('an ended meeting stays ended: its connection closing is no drop to reconnect from', () => {
    const ended = applyServerEvent(live(), { type: 'meeting:ended', payload: { meetingId: 'm1' } });
    const after = run([{ type: 'reconnecting' }, { type: 'joining' }, { type: 'failed', error: new Error('gone') }], ended);
    expect(after).toBe(ended);
  });
});

describe('applyServerEvent: what the server pushes', () => {
  it('a floor change replaces the floor and leaves every other part as it was', () => {
    const before = live();
    const floor = { queue: [], holder: { siteId: 's1', since: 2000 }, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null };
    const after = applyServerEvent(before, { type: 'meeting:floor', payload: floor });
    expect(after.floor).toEqual(floor);
    expect(after.sites).toBe(before.sites);
    expect(after.quality).toBe(before.quality);
    expect(after.received).toBe(before.received);
  });

  it('a quality sample merges per site and leaves the floor object untouched (floor readers do not re-render)', () => {
    const before = applyServerEvent(live(), {
      type: 'meeting:quality',
      payload: { sites: [quality('s1', 20), quality('s2', 30)] },
    });
    const after = applyServerEvent(before, { type: 'meeting:quality', payload: { sites: [quality('s1', 80)] } });
    expect(after.quality.s1?.figures.rttMs).toBe(80);
    expect(after.quality.s2?.figures.rttMs).toBe(30);
    expect(after.floor).toBe(before.floor);
    expect(after.sites).toBe(before.sites);
    expect(after.summary).toBe(before.summary);
  });

  it('a site status replaces that site only', () => {
    const before = live();
    const after = applyServerEvent(before, {
      type: 'meeting:siteStatus',
      payload: { ...site('s2', 'Hoằng Đạo'), connection: 'poor' },
    });
    expect(after.sites.s2?.connection).toBe('poor');
    expect(after.sites.s1).toBe(before.sites.s1);
  });

  it('the agenda item under discussion is taken from the summary, then as pushed', () => {
    const joined = run([{ type: 'joining' }, { type: 'joined', summary: summary({ agendaItem: 2 }) }]);
    expect(joined.agendaItem).toBe(2);
    const moved = applyServerEvent(joined, { type: 'meeting:agendaItem', payload: { position: 1 } });
    expect(moved.agendaItem).toBe(1);
    expect(applyServerEvent(moved, { type: 'meeting:agendaItem', payload: { position: 1 } })).toBe(moved);
    expect(run([{ type: 'joining' }, { type: 'joined', summary: summary() }]).agendaItem).toBeNull();
  });

  it('programme, roll call and the active speaker are taken as pushed; the same speaker again changes nothing', () => {
    const programme = { videoSiteId: 's1', videoSiteName: 'Hoằng Hóa', audioSiteIds: ['s1'], videoKind: 'camera' as const, returnVideo: { siteId: null, siteName: null }, inset: null };
    const rollCall = { rollCallId: 'r1', startedAt: 1, deadline: 61_000, confirmed: { s1: 2 }, closed: false };
    const state = run(
      [
        { type: 'meeting:programme', payload: programme },
        { type: 'rollcall:update', payload: rollCall },
        { type: 'meeting:activeSpeaker', payload: { siteId: 's1' } },
      ],
      live(),
    );
    expect(state.programme).toEqual(programme);
    expect(state.rollCall).toEqual(rollCall);
    expect(state.activeSpeaker).toBe('s1');
    expect(applyServerEvent(state, { type: 'meeting:activeSpeaker', payload: { siteId: 's1' } })).toBe(state);
  });

  it('received media: a new consumer is listed once, a closed one goes, an unknown close changes nothing', () => {
    const state = run(
      [
        newConsumer('c1', 'programme-video', null),
        newConsumer('c2', 'programme-audio', null),
        newConsumer('c1', 'programme-video', 's1'),
      ],
      live(),
    );
    expect(state.received).toEqual([
      { consumerId: 'c2', purpose: 'programme-audio', siteId: null, kind: 'audio' },
      { consumerId: 'c1', purpose: 'programme-video', siteId: 's1', kind: 'video' },
    ]);
    const closed = applyServerEvent(state, { type: 'media:consumerClosed', payload: { consumerId: 'c2' } });
    expect(closed.received.map((r) => r.consumerId)).toEqual(['c1']);
    expect(applyServerEvent(closed, { type: 'media:consumerClosed', payload: { consumerId: 'gone' } })).toBe(closed);
  });

  it('alerts come newest first, at most twenty, and a dismissed one goes', () => {
    const alerts = Array.from({ length: MAX_ALERTS + 5 }, (_, i) => alert(`s${i}`, i));
    const state = run(
      alerts.map((payload) => ({ type: 'meeting:alert', payload })),
      live(),
    );
    expect(state.alerts).toHaveLength(MAX_ALERTS);
    expect(state.alerts[0]).toBe(alerts[alerts.length - 1]);
    const dismissed = applyServerEvent(state, { type: 'alertDismissed', alert: state.alerts[1]! });
    expect(dismissed.alerts).toHaveLength(MAX_ALERTS - 1);
    expect(dismissed.alerts).not.toContain(state.alerts[1]);
  });

  it('events that belong to other parts of the app leave the meeting state as it was', () => {
    const state = live();
    const others: MeetingEvent[] = [
      { type: 'schedule:changed', payload: { meetingId: 'm2', change: 'created' } },
      {
        type: 'recording:state',
        payload: { meetingId: 'm1', state: 'recording', startedAt: null, durationMs: 0, playable: false },
      },
      { type: 'node:draining', payload: { reconnectWithinSeconds: 30 } },
      { type: 'media:reconnectRequired', payload: { reason: 'worker died' } },
    ];
    for (const event of others) expect(applyServerEvent(state, event)).toBe(state);
  });
});

describe('applyServerEvent: the client’s own changes', () => {
  it('a saved headcount, a presentation and a reopened camera show on screen', () => {
    const state = run(
      [{ type: 'headcountSaved', headcount: 15 }, { type: 'presenting', presenting: true }, { type: 'localStreamOpened' }],
      live(),
    );
    expect(state.headcount).toBe(15);
    expect(state.presenting).toBe(true);
    expect(state.localStreamVersion).toBe(1);
  });
});

describe('the programme picture a screen shows', () => {
  const kiosk = () =>
    run([
      { type: 'joining' },
      { type: 'joined', summary: summary({ role: 'site', selfSiteId: 's1' }) },
      newConsumer('programme', 'programme-video', null),
      newConsumer('return', 'return-video', null),
    ]);
  const onProgramme = (siteId: string | null): MeetingEvent => ({
    type: 'meeting:programme',
    payload: { videoSiteId: siteId, videoSiteName: siteId, audioSiteIds: [], videoKind: 'camera', returnVideo: { siteId: null, siteName: null }, inset: null },
  });
  const presentation = (siteId: string | null): MeetingEvent => ({
    type: 'meeting:programme',
    payload: { videoSiteId: siteId, videoSiteName: siteId, audioSiteIds: [], videoKind: 'screen', returnVideo: null, inset: { siteId, siteName: siteId } },
  });

  it('is the programme, and the return picture while the room’s own camera is on it', () => {
    expect(selectProgrammeVideo(kiosk())).toBe('programme');
    expect(selectProgrammeVideo(run([onProgramme('s1')], kiosk()))).toBe('return');
    expect(selectProgrammeVideo(run([onProgramme('s2')], kiosk()))).toBe('programme');
  });

  it('during a presentation shows the slides with the presenter’s camera inset; the presenting room sees its slides without itself', () => {
    const withInset = run([newConsumer('inset', 'programme-inset', null)], kiosk());
    expect(selectProgrammeInset(withInset)).toBeUndefined();
    const other = run([presentation('s2')], withInset);
    expect([selectProgrammeVideo(other), selectProgrammeInset(other)]).toEqual(['programme', 'inset']);
    const own = run([presentation('s1')], withInset);
    expect([selectProgrammeVideo(own), selectProgrammeInset(own)]).toEqual(['programme', undefined]);
    // The presentation ends: the inset goes with it.
    expect(selectProgrammeInset(run([onProgramme('s2')], other))).toBeUndefined();
  });
});

describe('presenting', () => {
  const kiosk = (floor: Partial<MeetingSummary['floor']>) =>
    run([
      { type: 'joining' },
      { type: 'joined', summary: summary({ role: 'site', selfSiteId: 's1', floor: { ...summary().floor, ...floor } }) },
      { type: 'live', at: 1 },
    ]);

  it('a room may present while it holds the floor or is invited; the chair always', () => {
    expect(selectMayPresent(live())).toBe(true);
    expect(selectMayPresent(kiosk({}))).toBe(false);
    expect(selectMayPresent(kiosk({ holder: { siteId: 's1', since: 1 } }))).toBe(true);
    expect(selectMayPresent(kiosk({ presenter: 's1' }))).toBe(true);
    expect(selectMayPresent(kiosk({ presenter: 's2', holder: { siteId: 's2', since: 1 } }))).toBe(false);
  });

  it('the server ending a room’s presentation (floor revoked) stops it on screen; a second end changes nothing', () => {
    const presenting = run([{ type: 'presenting', presenting: true }], kiosk({ holder: { siteId: 's1', since: 1 } }));
    const ended = applyServerEvent(presenting, { type: 'presentation:ended', payload: { producerId: 'p1' } });
    expect(ended.presenting).toBe(false);
    expect(applyServerEvent(ended, { type: 'presentation:ended', payload: { producerId: 'p1' } })).toBe(ended);
  });
});

describe('what a kiosk is told about its own room', () => {
  const siteLive = () =>
    run([{ type: 'joining' }, { type: 'joined', summary: summary({ role: 'site', selfSiteId: 's1', floor: { queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null } }) }, { type: 'live', at: 1 }]);
  const floor = (holder: string | null, muteAllAt: number | null = null): MeetingEvent => ({
    type: 'meeting:floor',
    payload: { queue: [], holder: holder ? { siteId: holder, since: 1 } : null, spotlight: null, muteAllAt, presenter: null, mutedSite: null },
  });

  it('the floor given, taken back, and everyone muted: one numbered notice each', () => {
    const granted = run([floor('s1')], siteLive());
    expect(granted.floorNotice).toEqual({ kind: 'granted', seq: 1 });
    const revoked = applyServerEvent(granted, floor(null));
    expect(revoked.floorNotice).toEqual({ kind: 'revoked', seq: 2 });
    const mutedWhileSpeaking = run([floor('s1'), floor(null, 7000)], revoked);
    expect(mutedWhileSpeaking.floorNotice).toEqual({ kind: 'mutedAll', seq: 4 });
  });

  it('its microphone closed by the staff (not "mute all"): told as such, once; another room muted tells it nothing', () => {
    const muted = (siteId: string, at: number): MeetingEvent => ({
      type: 'meeting:floor',
      payload: { queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: { siteId, at } },
    });
    const speaking = run([floor('s1')], siteLive());
    const mutedByStaff = applyServerEvent(speaking, muted('s1', 8000));
    expect(mutedByStaff.floorNotice).toEqual({ kind: 'mutedByStaff', seq: 2 });
    expect(applyServerEvent(mutedByStaff, muted('s1', 8000)).floorNotice).toBe(mutedByStaff.floorNotice);
    const other = run([floor('s2'), muted('s2', 9000)], siteLive());
    expect(other.floorNotice).toBeNull();
  });

  it('another room’s turn and the same mute again tell this room nothing', () => {
    const muted = run([floor(null, 7000)], siteLive());
    expect(run([floor('s2', 7000), floor(null, 7000)], muted).floorNotice).toBe(muted.floorNotice);
  });

  it('the chair’s console gets no notices', () => {
    expect(run([floor('s1'), floor(null), floor(null, 9)], live()).floorNotice).toBeNull();
  });

  it('its own measurement is kept, and forgotten when the media are rebuilt', () => {
    const report = { rttMs: 30, inboundLossPct: 0, jitterMs: 4, framesPerSecond: 30 };
    const measured = applyServerEvent(siteLive(), { type: 'ownQualityMeasured', report });
    expect(measured.ownQuality).toBe(report);
    expect(applyServerEvent(measured, { type: 'joining' }).ownQuality).toBeNull();
  });
});

describe('applyServerEvent: text messages', () => {
  const message = (id: string, text: string): MeetingEvent => ({
    type: 'meeting:message',
    payload: { id, at: '2026-12-07T02:00:00.000Z', fromSiteId: null, fromName: 'Vận hành', to: { kind: 'all' }, text },
  });
  const kiosk = () =>
    run([{ type: 'joining' }, { type: 'joined', summary: summary({ role: 'site', selfSiteId: 's1', sites: [] }) }, { type: 'live', at: 5000 }]);

  it('keeps messages newest first, at most MAX_MESSAGES', () => {
    let state = live();
    for (let i = 0; i < MAX_MESSAGES + 3; i++) state = applyServerEvent(state, message(`m${i}`, `tin ${i}`));
    expect(state.messages).toHaveLength(MAX_MESSAGES);
    expect(state.messages[0]!.text).toBe(`tin ${MAX_MESSAGES + 2}`);
  });

  it('shows the newest message large on the kiosk until the room puts it away', () => {
    const received = applyServerEvent(kiosk(), message('m1', 'Điểm cầu Hoằng Hóa bật micrô'));
    expect(selectBannerMessage(received)?.text).toBe('Điểm cầu Hoằng Hóa bật micrô');
    const seen = applyServerEvent(received, { type: 'messageSeen', messageId: 'm1' });
    expect(selectBannerMessage(seen)).toBeUndefined();
    const next = applyServerEvent(seen, message('m2', 'Nghỉ giải lao 10 phút'));
    expect(selectBannerMessage(next)?.text).toBe('Nghỉ giải lao 10 phút');
  });
});
