import { describe, expect, it } from 'vitest';
import type { NodeInfo } from '../../cluster/nodeRegistry.js';
import { SitePlacement, type PlacementChoice } from './sitePlacement.js';

const node = (nodeId: string, load: number, extra: Partial<NodeInfo> = {}): NodeInfo => ({
  nodeId,
  url: `http://${nodeId}`,
  load,
  workers: 2,
  draining: false,
  heartbeatAt: 1000,
  ...extra,
});

function placement(nodes: NodeInfo[], localLoad = 0, lost: string[] = []) {
  return new SitePlacement({
    selfId: 'self',
    liveNodes: async () => [node('self', localLoad), ...nodes],
    localLoad: () => localLoad,
    localWorkers: 2,
    usable: (nodeId) => !lost.includes(nodeId),
  });
}

describe('SitePlacement', () => {
  it('places a site on the node with the fewest clients per worker', async () => {
    expect((await placement([node('a', 10), node('b', 4)], 8).choose(2000)).nodeId).toBe('b');
    expect((await placement([node('a', 10, { workers: 8 })], 8).choose(2000)).nodeId).toBe('a');
    expect((await placement([node('a', 10)], 2).choose(2000)).nodeId).toBe('self');
  });

  it('counts the sites it sent since a node’s last heartbeat, so a burst is spread', async () => {
    const burst = placement([node('a', 0), node('b', 0)], 6);
    const chosen: string[] = [];
    for (let i = 0; i < 12; i++) chosen.push((await burst.choose(2000)).nodeId);
    const count = (id: string) => chosen.filter((c) => c === id).length;
    expect(count('a')).toBe(6);
    expect(count('b')).toBe(6);
  });

  it('counts the sites being placed here before their media exist', async () => {
    const burst = placement([node('a', 0), node('b', 0)], 0);
    const held: PlacementChoice[] = [];
    for (let i = 0; i < 9; i++) held.push(await burst.choose(2000));
    expect(held.filter((c) => c.nodeId === 'self')).toHaveLength(3);
    for (const choice of held) choice.settle();
  });

  it('leaves out draining nodes, nodes found dead and nodes that failed recently', async () => {
    expect((await placement([node('a', 0, { draining: true })], 9).choose(2000)).nodeId).toBe('self');
    expect((await placement([node('a', 0)], 9, ['a']).choose(2000)).nodeId).toBe('self');
    const failing = placement([node('a', 0)], 9);
    failing.failed('a', 2000);
    expect((await failing.choose(3000)).nodeId).toBe('self');
    expect((await failing.choose(2000 + 16_000)).nodeId).toBe('a');
  });

  it('keeps sites here when the registry cannot be read', async () => {
    const offline = new SitePlacement({
      selfId: 'self',
      liveNodes: () => Promise.reject(new Error('redis down')),
      localLoad: () => 100,
      localWorkers: 1,
      usable: () => true,
    });
    expect((await offline.choose()).nodeId).toBe('self');
  });
});
