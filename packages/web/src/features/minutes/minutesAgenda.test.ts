import type { MinutesLive } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { agendaInProgress } from './minutesAgenda';

const live = (running: boolean, agendaItem: number | null): MinutesLive => ({
  live: running,
  speaker: null,
  agendaItem,
  timeline: { base: 'meeting', nowOffsetMs: 0 },
  entriesRevision: '0:0',
});

describe('the agenda item a new minutes entry is stamped with', () => {
  it('follows the running meeting’s current item, whoever set it, not the screen’s own choice', () => {
    expect(agendaInProgress(live(true, 2), 1)).toEqual({ position: 2, meetingWide: true });
    expect(agendaInProgress(live(true, null), 1)).toEqual({ position: null, meetingWide: true });
  });

  it('is the secretary’s own choice before the meeting runs (or after), and none until chosen', () => {
    expect(agendaInProgress(live(false, null), 1)).toEqual({ position: 1, meetingWide: false });
    expect(agendaInProgress(undefined, null)).toEqual({ position: null, meetingWide: false });
  });
});
