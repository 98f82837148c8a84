// @vitest-environment happy-dom
import type { FloorState, MeetingSummary, Programme } from '@pm/shared';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FloorControls } from './FloorControls';
import { FLOOR_NOTICE_MS, FloorNoticeBanner, NetworkIndicator, OnAirStatus } from './KioskStatus';
import { liveConnection, push, renderScreen } from './screenHarness';
import { scheduledMeeting } from '../../schedule/scheduledMeetingFixture';
import { CurrentAgendaItem } from './AgendaPanels';
import { RollCallPrompt } from './SiteAttendance';
import { WaitingScreen } from './WaitingScreen';

/** A meeting room's kiosk: what it tells the officials in the room about themselves. */
const summary: MeetingSummary = {
  meetingId: 'm1',
  title: 'Giao ban trực tuyến tháng 11',
  selfSiteId: 's1',
  role: 'site',
  floor: { queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null },
  programme: { videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: 'camera', returnVideo: null, inset: null },
  sites: [],
  rollCall: null,
  headcount: null,
};

const floor = (overrides: Partial<FloorState>): FloorState => ({ queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null, ...overrides });
const programme = (overrides: Partial<Programme>): Programme => ({ ...summary.programme, ...overrides });
const text = (container: HTMLElement, testId: string) => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('the kiosk’s roll call countdown', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('counts the roll call’s own duration from when it arrives, not from page load nor by the server’s clock', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(RollCallPrompt));
    // The page has been open for minutes, and the server's clock is five minutes behind the kiosk's.
    act(() => {
      vi.advanceTimersByTime(196_000);
    });
    const serverNow = Date.now() - 300_000;
    push(connection, {
      type: 'rollcall:update',
      payload: { rollCallId: 'r1', startedAt: serverNow, deadline: serverNow + 60_000, confirmed: {}, closed: false },
    });
    expect(text(container, 'rollcall-remaining')).toBe('60');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(text(container, 'rollcall-remaining')).toBe('59');
    act(() => {
      vi.advanceTimersByTime(59_000);
    });
    expect(text(container, 'rollcall-prompt')).toBeNull();
  });

  it('a new roll call starts its own countdown afresh', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(RollCallPrompt));
    const start = (rollCallId: string, seconds: number) =>
      push(connection, {
        type: 'rollcall:update',
        payload: { rollCallId, startedAt: 0, deadline: seconds * 1000, confirmed: {}, closed: false },
      });
    start('r1', 60);
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(text(container, 'rollcall-remaining')).toBe('30');
    start('r2', 120);
    expect(text(container, 'rollcall-remaining')).toBe('120');
  });
});

describe('the kiosk’s floor and microphone, said truthfully', () => {
  it('after a request the room reads its place in the queue, not the hint to press the button', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(FloorControls));
    expect(text(container, 'floor-indicator')).toContain('bấm "Đăng ký phát biểu"');
    push(connection, {
      type: 'meeting:floor',
      payload: floor({ queue: [{ siteId: 's2', requestedAt: 1 }, { siteId: 's1', requestedAt: 2 }] }),
    });
    expect(text(container, 'floor-indicator')).not.toContain('bấm');
    expect(text(container, 'queue-position')).toBe('Đã đăng ký phát biểu, chờ chủ trì mời. Thứ tự: 2');
  });

  it('a spotlighted room is told it is live on every screen, with its microphone stated as off', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(OnAirStatus));
    expect(text(container, 'on-air')).toBeNull();
    push(connection, { type: 'meeting:programme', payload: programme({ videoSiteId: 's1', videoSiteName: 'Hoằng Hóa' }) });
    expect(text(container, 'on-air')).toContain('đang phát trên tất cả các màn hình');
    expect(text(container, 'on-air')).toContain('Micrô đang tắt');
    expect(text(container, 'on-air')).not.toContain('đang nghe');
    push(connection, { type: 'meeting:programme', payload: programme({ videoSiteId: 's1', videoSiteName: 'Hoằng Hóa', audioSiteIds: ['s1'] }) });
    expect(text(container, 'on-air')).toContain('Micrô đang mở: mọi điểm cầu đang nghe');
  });

  it('the chair’s revoke and mute-all are told in words, for a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const connection = liveConnection(summary);
      const container = await renderScreen(connection, createElement(FloorNoticeBanner));
      push(connection, { type: 'meeting:floor', payload: floor({ holder: { siteId: 's1', since: 5 } }) });
      expect(text(container, 'floor-notice')).toContain('Chủ trì mời điểm cầu phát biểu. Micrô đã mở.');
      push(connection, { type: 'meeting:floor', payload: floor({}) });
      expect(text(container, 'floor-notice')).toContain('kết thúc lượt phát biểu');
      act(() => {
      vi.advanceTimersByTime(FLOOR_NOTICE_MS);
    });
      expect(text(container, 'floor-notice')).toBeNull();
      push(connection, { type: 'meeting:floor', payload: floor({ muteAllAt: 9 }) });
      expect(text(container, 'floor-notice')).toContain('tắt micrô của tất cả các điểm cầu');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the kiosk’s network indicator', () => {
  it('shows what the page measured, not "good" because it is connected', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(NetworkIndicator));
    const level = () => container.querySelector('[data-testid="network-indicator"]')?.getAttribute('data-level');
    expect(level()).toBe('unknown');
    const measured = (inboundLossPct: number) =>
      push(connection, { type: 'ownQualityMeasured', report: { rttMs: 40, inboundLossPct, jitterMs: 5, framesPerSecond: 30 } });
    measured(0);
    expect(level()).toBe('good');
    measured(12);
    expect(level()).toBe('poor');
    expect(text(container, 'network-indicator')).toBe('Đường truyền: Kém');
    push(connection, { type: 'reconnecting' });
    expect(level()).toBe('down');
  });
});

describe('the meeting’s agenda in the room', () => {
  const plan = scheduledMeeting('m1', Date.now(), 0.25, 2, {
    title: 'Giao ban trực tuyến tháng 11',
    agenda: [
      { position: 1, title: 'Báo cáo kinh tế – xã hội', presentingUnitId: 'u1', presentingUnitName: 'Sở Kế hoạch và Đầu tư', plannedMinutes: 20 },
      { position: 2, title: 'Phòng, chống thiên tai', presentingUnitId: null, presentingUnitName: null, plannedMinutes: 15 },
    ],
  });

  it('before the chair arrives, the room reads the title, the start, the countdown, the agenda, and that it waits for the chair', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(WaitingScreen, { title: summary.title, plan }));
    const waiting = text(container, 'waiting-screen') ?? '';
    expect(waiting).toContain('Giao ban trực tuyến tháng 11');
    // One natural sentence for the start ("Bắt đầu lúc 12:12, thứ Hai 07/12/2026"), not Intl's "lúc 12:12 Thứ Hai, 7 tháng 12, 2026".
    expect(waiting).toMatch(/Bắt đầu lúc \d{2}:\d{2}, (thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|chủ nhật) \d{2}\/\d{2}\/\d{4}/);
    expect(waiting).toMatch(/Bắt đầu sau 1[45] phút/);
    expect(waiting).toContain('Đang chờ chủ trì');
    expect(waiting).toContain('Báo cáo kinh tế – xã hội — Sở Kế hoạch và Đầu tư');
    expect(waiting).toContain('Phòng, chống thiên tai');
  });

  it('shows the item the chair names, and nothing while none is named', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(CurrentAgendaItem, { plan }));
    expect(text(container, 'current-agenda-item')).toBeNull();
    push(connection, { type: 'meeting:agendaItem', payload: { position: 2 } });
    expect(text(container, 'current-agenda-item')).toBe('Nội dung đang thảo luận: 2. Phòng, chống thiên tai');
  });
});
