// @vitest-environment happy-dom
import { CodedError, type MeetingSummary, type SiteStatus } from '@pm/shared';
import { act, createElement, Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useMeetingState } from '../hooks/useMeetingState';
import type { MeetingEvent } from '../state/applyServerEvent';
import { FloorControls } from './FloorControls';
import { liveConnection, renderScreen } from './screenHarness';
import { SiteWall } from './SiteWall';
import { SpeakerQueue } from './SpeakerQueue';

const site = (siteId: string, name: string): SiteStatus => ({
  siteId,
  name,
  groupId: 'g1',
  groupName: 'Huyện Hoằng Hóa',
  connection: 'connected',
  attended: true,
  hasVideo: false,
  headcount: null,
});

const summary: MeetingSummary = {
  meetingId: 'm1',
  title: 'Giao ban trực tuyến tháng 11',
  selfSiteId: 's1',
  role: 'site',
  floor: { queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null },
  programme: { videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: null, returnVideo: null, inset: null },
  sites: [site('s1', 'Hoằng Hóa'), site('s2', 'Hoằng Đạo')],
  rollCall: null,
  headcount: null,
};

const qualitySample = (rttMs: number): MeetingEvent => ({
  type: 'meeting:quality',
  payload: {
    sites: ['s1', 's2'].map((siteId) => ({
      siteId,
      level: 'good' as const,
      figures: { rttMs, lossPct: 0, jitterMs: 2, bitrateUpKbps: 800, bitrateDownKbps: 900, producerScore: 10, consumerScore: 10 },
    })),
  },
});

/** What the old screens did: one subscription to the whole state, handed down to every component. */
function WholeStateReader() {
  useMeetingState((state) => state);
  return null;
}

describe('meeting screens: what re-renders', () => {
  it('a component reading the floor does not re-render on quality samples, and does on a floor change', async () => {
    const connection = liveConnection(summary);
    const renders: Record<string, number> = {};
    const counted = (id: string, child: ReactNode) =>
      createElement(Profiler, { id, onRender: () => (renders[id] = (renders[id] ?? 0) + 1) }, child);
    const container = await renderScreen(
      connection,
      createElement(
        'div',
        null,
        counted('kiosk floor', createElement(FloorControls)),
        counted('speaker queue', createElement(SpeakerQueue)),
        counted('site wall', createElement(SiteWall, { pageSize: 12 })),
        counted('whole state', createElement(WholeStateReader)),
      ),
    );
    for (const id of Object.keys(renders)) renders[id] = 0;

    for (let i = 1; i <= 10; i++) act(() => connection.store.apply(qualitySample(10 * i)));
    expect(renders['kiosk floor']).toBe(0);
    expect(renders['speaker queue']).toBe(0);
    // The measurement can see a re-render: the wall's tiles show the figures, and a whole-state reader re-renders every time.
    expect(renders['site wall']).toBe(10);
    expect(renders['whole state']).toBe(10);
    expect(container.querySelector('[data-site="s2"]')?.getAttribute('title')).toContain('100 ms');

    act(() =>
      connection.store.apply({
        type: 'meeting:floor',
        payload: {
          queue: [{ siteId: 's1', requestedAt: 5 }],
          holder: null,
          spotlight: null,
          muteAllAt: null,
          presenter: null,
          mutedSite: null,
        },
      }),
    );
    expect(renders['kiosk floor']).toBe(1);
    expect(renders['speaker queue']).toBe(1);
    expect(container.querySelector('[data-testid="queue-position"]')?.textContent).toContain('1');
  });
});

describe('meeting screens: a failed action is shown', () => {
  it('the chair is told in Vietnamese when a grant is refused', async () => {
    const connection = liveConnection(summary);
    connection.store.apply({
      type: 'meeting:floor',
      payload: {
        queue: [{ siteId: 's2', requestedAt: 5 }],
        holder: null,
        spotlight: null,
        muteAllAt: null,
        presenter: null,
        mutedSite: null,
      },
    });
    connection.grantFloor = () => Promise.reject(new CodedError('CONFLICT', 'the site left'));
    const container = await renderScreen(connection, createElement(SpeakerQueue));
    const grant = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Cho phát biểu')!;
    await act(async () => {
      grant.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Thao tác không phù hợp với trạng thái hiện tại.');
  });

  it('a kiosk whose request cannot reach the server says so, and a later success clears it', async () => {
    const connection = liveConnection(summary);
    const container = await renderScreen(connection, createElement(FloorControls));
    const request = () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Đăng ký phát biểu')!;
    // Never opened: the request has no node to go to.
    await act(async () => {
      request().click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Không kết nối được máy chủ truyền hình. Vui lòng kiểm tra mạng.',
    );
    connection.requestFloor = () => Promise.resolve({ position: 1 });
    await act(async () => {
      request().click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
