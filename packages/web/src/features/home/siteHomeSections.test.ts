import type { ScheduledMeeting } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { scheduledMeeting } from '../schedule/scheduledMeetingFixture';
import { siteHomeSections } from './siteHomeSections';

const NOW = Date.parse('2026-12-07T03:00:00.000Z');
const meeting = (id: string, startsInHours: number, hours: number, status: ScheduledMeeting['status'] = 'SCHEDULED') =>
  scheduledMeeting(id, NOW, startsInHours, hours, { status });

describe('a meeting room’s home screen', () => {
  it('puts the meeting in progress first, then what is next, then today’s finished ones, cancelled ones last', () => {
    const sections = siteHomeSections(
      [
        meeting('afternoon', 4, 2),
        meeting('cancelled-next', 1, 1, 'CANCELLED'),
        meeting('early-morning', -3, 1),
        meeting('live', -0.5, 2),
        meeting('mid-morning', -2, 1.5),
        meeting('tomorrow', 24, 2),
      ],
      NOW,
    );
    expect(sections.first?.id).toBe('live');
    expect(sections.upcoming.map((m) => m.id)).toEqual(['afternoon', 'tomorrow']);
    expect(sections.endedToday.map((m) => m.id)).toEqual(['mid-morning', 'early-morning']);
    expect(sections.cancelled.map((m) => m.id)).toEqual(['cancelled-next']);
  });

  it('with nothing in progress, the next meeting comes first', () => {
    expect(siteHomeSections([meeting('later', 5, 1), meeting('next', 1, 1)], NOW).first?.id).toBe('next');
  });

  it('lists a meeting the chair ended early among today’s finished ones, not as the meeting to join', () => {
    const endedEarly = scheduledMeeting('ended-early', NOW, -0.5, 2, { endedAt: new Date(NOW - 60_000).toISOString() });
    const sections = siteHomeSections([endedEarly, meeting('afternoon', 4, 2)], NOW);
    expect(sections.first?.id).toBe('afternoon');
    expect(sections.endedToday.map((m) => m.id)).toEqual(['ended-early']);
  });
});
