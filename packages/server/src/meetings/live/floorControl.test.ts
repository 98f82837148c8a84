import { describe, expect, it } from 'vitest';
import { FloorControl } from './floorControl.js';

describe('FloorControl', () => {
  it('queues requests in order and keeps a site’s first place when it asks twice', () => {
    const floor = new FloorControl();
    expect(floor.request('a', 1)).toBe(1);
    expect(floor.request('b', 2)).toBe(2);
    expect(floor.request('a', 3)).toBe(1);
    expect(floor.snapshot().queue).toEqual([
      { siteId: 'a', requestedAt: 1 },
      { siteId: 'b', requestedAt: 2 },
    ]);
  });

  it('grants, moves to the next and returns the floor to the chair when the queue is empty', () => {
    const floor = new FloorControl();
    floor.request('a', 1);
    floor.request('b', 2);
    floor.grant('b', 10);
    expect(floor.holder).toBe('b');
    expect(floor.positionOf('a')).toBe(1);
    expect(floor.next(20)).toBe('a');
    expect(floor.snapshot().holder).toEqual({ siteId: 'a', since: 20 });
    expect(floor.next(30)).toBeUndefined();
    expect(floor.holder).toBeUndefined();
  });

  it('moves a waiting site to the front, keeping when it asked; a site not waiting is not queued by it', () => {
    const floor = new FloorControl();
    floor.request('a', 1);
    floor.request('b', 2);
    floor.request('c', 3);
    expect(floor.moveToFront('c')).toBe(true);
    expect(floor.snapshot().queue).toEqual([
      { siteId: 'c', requestedAt: 3 },
      { siteId: 'a', requestedAt: 1 },
      { siteId: 'b', requestedAt: 2 },
    ]);
    expect(floor.moveToFront('z')).toBe(false);
    expect(floor.snapshot().queue.map((r) => r.siteId)).toEqual(['c', 'a', 'b']);
  });

  it('refuses a request from the site holding the floor', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    expect(() => floor.request('a', 2)).toThrow(/already has the floor/);
  });

  it('mute all clears floor and spotlight but keeps the queue', () => {
    const floor = new FloorControl();
    floor.request('a', 1);
    floor.grant('b', 2);
    floor.setSpotlight('c');
    floor.muteAll(5);
    expect(floor.snapshot()).toEqual({ queue: [{ siteId: 'a', requestedAt: 1 }], holder: null, spotlight: null, muteAllAt: 5, presenter: null, mutedSite: null });
  });

  it('a site that leaves loses queue place, floor and spotlight', () => {
    const floor = new FloorControl();
    floor.request('a', 1);
    floor.grant('b', 2);
    floor.setSpotlight('b');
    floor.removeSite('b');
    floor.removeSite('a');
    expect(floor.snapshot()).toMatchObject({ queue: [], holder: null, spotlight: null });
  });

  it('restores from a snapshot without sharing it', () => {
    const floor = new FloorControl();
    floor.request('a', 1);
    const copy = new FloorControl(floor.snapshot());
    copy.request('b', 2);
    expect(floor.snapshot().queue).toHaveLength(1);
    expect(copy.snapshot().queue).toHaveLength(2);
  });

  it('lets the floor holder and the one invited site present; mute all and leaving end the invitation', () => {
    const floor = new FloorControl();
    floor.grant('a', 1);
    floor.invitePresenter('b');
    expect(['a', 'b', 'c'].map((site) => floor.mayPresent(site))).toEqual([true, true, false]);
    floor.revoke();
    expect(floor.mayPresent('a')).toBe(false);
    floor.invitePresenter('c');
    expect([floor.mayPresent('b'), floor.mayPresent('c')]).toEqual([false, true]);
    floor.removeSite('c');
    expect(floor.presenter).toBeUndefined();
    floor.invitePresenter('b');
    floor.muteAll(2);
    expect(floor.snapshot()).toMatchObject({ holder: null, presenter: null });
  });
});

describe('FloorControl: one room muted by the staff', () => {
  it('takes the floor back from that room alone and marks it, leaving the queue, the spotlight and "mute all" as they were', () => {
    const floor = new FloorControl();
    floor.request('b', 1);
    floor.grant('a', 2);
    floor.setSpotlight('c');
    expect(floor.muteSite('b', 3)).toBe(false);
    expect(floor.muteSite('a', 4)).toBe(true);
    expect(floor.snapshot()).toMatchObject({ holder: null, spotlight: 'c', muteAllAt: null, mutedSite: { siteId: 'a', at: 4 }, queue: [{ siteId: 'b' }] });
    expect(floor.muteSite('a', 5)).toBe(false);
  });
});
