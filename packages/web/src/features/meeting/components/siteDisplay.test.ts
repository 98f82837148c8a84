import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteStatus } from '@pm/shared';
import { callBackWording, formatTime, statusLabel } from './siteDisplay';

describe('moments of the meeting on the staff screens', () => {
  // Whatever zone the browser's machine is set to (here: far from Vietnam), the province's time is shown.
  const machineZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it('states a request’s or an alert’s time in the province’s time, to the second', () => {
    expect(formatTime(Date.parse('2026-12-07T06:13:04.000Z'), 'vi')).toBe('13:13:04');
    expect(formatTime(Date.parse('2026-12-07T23:05:09.000Z'), 'en')).toBe('06:05:09');
  });
});

describe('a room that is not in the meeting, on the operator’s wall', () => {
  const site = (connection: SiteStatus['connection'], attended: boolean): SiteStatus => ({
    siteId: 's',
    name: 'Xã Hoằng Đạo',
    groupId: 'g',
    groupName: 'Huyện Hoằng Hóa',
    connection,
    attended,
    hasVideo: false,
    headcount: null,
  });

  it('says it left, or has not joined yet, and asks it back in or invites it accordingly', () => {
    expect(statusLabel(site('absent', true), 'absent')).toBe('status.left');
    expect(callBackWording(site('absent', true)).button).toBe('wall.callBack');
    expect(statusLabel(site('absent', false), 'absent')).toBe('status.notJoined');
    expect(callBackWording(site('absent', false))).toEqual({ button: 'wall.invite', text: 'wall.inviteText' });
    expect(statusLabel(site('reconnecting', true), 'reconnecting')).toBe('status.reconnecting');
    expect(callBackWording(site('reconnecting', true)).button).toBe('wall.callBack');
  });
});
