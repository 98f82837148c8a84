import type { FloorState, RollCall, SiteStatus } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { qualityLine } from '../components/siteDisplay';
import { unansweredSites, wallCounts } from './selectors';

const site = (siteId: string, name: string, connection: SiteStatus['connection']): SiteStatus => ({
  siteId,
  name,
  groupId: 'g',
  groupName: 'Huyện Hoằng Hóa',
  connection,
  attended: connection !== 'absent',
  hasVideo: connection !== 'absent',
  headcount: null,
});
const sites = Object.fromEntries(
  [
    site('a', 'Xã Hoằng Anh', 'connected'),
    site('b', 'Xã Hoằng Đạo', 'connected'),
    site('c', 'Sở Y tế', 'poor'),
    site('d', 'Xã Hoằng Châu', 'reconnecting'),
    site('e', 'Xã Hoằng Đông', 'absent'),
    site('f', 'Xã Hoằng Phụ', 'absent'),
  ].map((s) => [s.siteId, s]),
);
const floor: FloorState = { queue: [{ siteId: 'b', requestedAt: 1 }], holder: { siteId: 'a', since: 2 }, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null };

describe('the operator wall’s figures', () => {
  it('counts the sites by the status their tiles show, and those present', () => {
    expect(wallCounts(sites, floor)).toEqual({ speaking: 1, requesting: 1, connected: 0, poor: 1, reconnecting: 1, absent: 2, present: 4, invited: 6 });
  });

  it('lists who has not answered the roll call, by name', () => {
    const rollCall: RollCall = { rollCallId: 'r1', startedAt: 0, deadline: 60_000, confirmed: { a: 10, c: 20 }, closed: false };
    expect(unansweredSites(sites, rollCall).map((s) => s.siteId)).toEqual(['d', 'b', 'e', 'f']);
    expect(unansweredSites(sites, null)).toEqual([]);
  });

  it('puts round trip, loss and jitter on the tile in a few characters', () => {
    const figures = { rttMs: 31.6, lossPct: 0.2, jitterMs: 12.4, bitrateUpKbps: 900, bitrateDownKbps: 1100, producerScore: 10, consumerScore: 10 };
    expect(qualityLine(figures)).toBe('32 ms · 0% · 12 ms');
    expect(qualityLine({ ...figures, rttMs: null })).toBe('— · 0% · 12 ms');
  });
});
