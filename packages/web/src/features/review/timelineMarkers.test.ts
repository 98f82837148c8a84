// @vitest-environment happy-dom
import type { MinutesDocument, MinutesEntry } from '@pm/shared';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { ReviewTimeline } from './ReviewTimeline';
import { agendaChapters, placeMarkers, timeTicks, type Marker } from './timelineMarkers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const MIN = 60_000;
const entry = (id: string, agendaPosition: number | null, offsetMs: number): MinutesEntry => ({
  id,
  meetingId: 'm1',
  agendaPosition,
  speakerSiteId: null,
  speakerName: 'Sở Y tế',
  text: id,
  at: new Date(Date.UTC(2026, 11, 7, 1) + offsetMs).toISOString(),
  offsetMs,
  version: 1,
  authorName: 'Thư ký', editorName: null,
  updatedAt: '2026-12-07T01:00:00.000Z',
});
const doc = (entries: MinutesEntry[]) =>
  ({
    agenda: [
      { position: 1, title: 'Tiêm chủng' },
      { position: 2, title: 'Phòng chống lụt bão' },
      { position: 3, title: 'Không ai phát biểu' },
    ],
    entries,
  }) as MinutesDocument;

describe('the review timeline model', () => {
  it('makes each agenda item a chapter from its first entry to the next item', () => {
    const chapters = agendaChapters(doc([entry('a', 2, 40 * MIN), entry('b', 1, 5 * MIN), entry('c', 1, 12 * MIN)]), 90 * MIN);
    expect(chapters).toEqual([
      { position: 1, title: 'Tiêm chủng', from: 5 * MIN, to: 40 * MIN },
      { position: 2, title: 'Phòng chống lụt bão', from: 40 * MIN, to: 90 * MIN },
    ]);
  });

  it('puts marks at the same moment in separate lanes, and far-apart marks back in the first', () => {
    const marks: Marker[] = [
      { kind: 'entry', offsetMs: 10 * MIN, label: 'ý kiến', id: 'e1' },
      { kind: 'directive', offsetMs: 10 * MIN, label: 'nhiệm vụ', id: 'd1' },
      { kind: 'entry', offsetMs: 10 * MIN + 5_000, label: 'ý kiến 2', id: 'e2' },
      { kind: 'entry', offsetMs: 50 * MIN, label: 'ý kiến 3', id: 'e3' },
    ];
    const lanes = Object.fromEntries(placeMarkers(marks, 90 * MIN).map((m) => [m.id, m.lane]));
    expect(lanes).toEqual({ d1: 0, e1: 1, e2: 2, e3: 0 });
  });

  it('scales time in round minutes, a handful of ticks whatever the length', () => {
    expect(timeTicks(30 * MIN)).toEqual([0, 5, 10, 15, 20, 25, 30].map((m) => m * MIN));
    expect(timeTicks(3 * 60 * MIN)).toEqual([0, 30, 60, 90, 120, 150, 180].map((m) => m * MIN));
    expect(timeTicks(4 * MIN)).toEqual([0, 1, 2, 3, 4].map((m) => m * MIN));
  });
});

describe('ReviewTimeline on screen', () => {
  const roots: Root[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('shows a playhead, a scale and a legend, and seeks each of two marks at the same moment', async () => {
    const seeks: number[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    roots.push(root);
    await act(async () => {
      root.render(
        createElement(
          I18nProvider,
          null,
          createElement(ReviewTimeline, {
            durationMs: 60 * MIN,
            positionMs: 15 * MIN,
            chapters: [{ position: 1, title: 'Tiêm chủng', from: 0, to: 60 * MIN }],
            spans: [{ from: 0, to: 60 * MIN, siteId: null, label: 'Chủ trì' }],
            markers: [
              { kind: 'entry', offsetMs: 20 * MIN, label: 'Sở Y tế: báo cáo', id: 'e1' },
              { kind: 'directive', offsetMs: 20 * MIN, label: 'Tiêm chủng mở rộng', id: 'd1' },
            ],
            onSeek: (ms: number) => seeks.push(ms),
          }),
        ),
      );
    });
    expect((container.querySelector('[data-testid="playhead"]') as HTMLElement).style.left).toBe('25%');
    expect([...container.querySelectorAll('.timeline__tick')].map((t) => t.textContent)).toEqual(['0:00', '10:00', '20:00', '30:00', '40:00', '50:00', '1:00:00']);
    expect(container.querySelector('.timeline__legend')!.textContent).toContain('Kết luận, chỉ đạo');
    expect(container.querySelector('.timeline__legend')!.textContent).toContain('15:00 / 1:00:00');

    const entryMark = container.querySelector('[data-testid="mark-entry"]') as HTMLElement;
    const directiveMark = container.querySelector('[data-testid="mark-directive"]') as HTMLElement;
    expect(entryMark.style.top).not.toBe(directiveMark.style.top);
    act(() => entryMark.click());
    act(() => directiveMark.click());
    act(() => (container.querySelector('[data-testid="chapter"]') as HTMLElement).click());
    expect(seeks).toEqual([20 * MIN, 20 * MIN, 0]);
  });
});
