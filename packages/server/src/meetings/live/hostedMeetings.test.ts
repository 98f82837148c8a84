import { describe, expect, it } from 'vitest';
import type { MeetingHosts } from '../../cluster/meetingHosts.js';
import { NodeRpc } from '../../cluster/nodeRpc.js';
import { FakeLink, fakeMeeting, identities, silentLog } from '../../testing/meetingFakes.js';
import { MemoryBus } from '../../testing/memoryBus.js';
import { HostedMeetings } from './hostedMeetings.js';
import type { LiveMeeting } from './liveMeeting.js';

/** Leases as Redis would hold them: meeting id → node id. */
function leases(held: Record<string, string>): MeetingHosts {
  return {
    claim: () => Promise.reject(new Error('not claimed here')),
    release: async () => undefined,
    renew: async () => undefined,
    holder: async (meetingId) => held[meetingId],
  };
}

/**
 * Two nodes on one bus: `host` runs meeting-1 (a fake meeting: chair, sites a and b); `other`
 * runs nothing and is asked, as a node the load balancer sent the minutes screen to.
 */
async function twoNodes(held: Record<string, string> = { 'meeting-1': 'host' }) {
  const bus = new MemoryBus();
  const fake = fakeMeeting();
  const chair = await fake.meeting.join(identities.chair, new FakeLink('chair'));
  await fake.meeting.join(identities.site('a'), new FakeLink('a'));
  const nodes = await Promise.all(
    (['host', 'other'] as const).map(async (name) => {
      const rpc = new NodeRpc(bus, name, silentLog);
      const running = new Map<string, LiveMeeting>(name === 'host' ? [['meeting-1', fake.meeting]] : []);
      const meetings = new HostedMeetings({ running: async (id) => running.get(id) }, leases(held), rpc, silentLog);
      await rpc.start(meetings.rpcMethods(), {});
      return { rpc, meetings };
    }),
  );
  const [host, other] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
  return { bus, fake, chair, host, other, stop: () => Promise.all(nodes.map((n) => n.rpc.stop())) };
}

describe('HostedMeetings', () => {
  it('answers on any node with the floor and the agenda item of the meeting its host runs', async () => {
    const { fake, chair, other, stop } = await twoNodes();
    await expect(other.meetings.view('meeting-1')).resolves.toEqual({ speaker: null, agendaItem: null });
    fake.meeting.grantFloor(chair.participant, 'a');
    fake.meeting.moveToAgendaItem(1);
    await expect(other.meetings.view('meeting-1')).resolves.toEqual({ speaker: { id: 'a', name: 'Xã A' }, agendaItem: 1 });
    await stop();
  });

  it('names the agenda item on the host from another node: the rooms are told; an item past the agenda is NOT_FOUND', async () => {
    const { fake, other, stop } = await twoNodes();
    await expect(other.meetings.moveToAgendaItem('meeting-1', 2)).resolves.toBe(2);
    expect(fake.meeting.currentAgendaItem).toBe(2);
    expect(fake.channel.last('meeting:agendaItem')).toEqual({ position: 2 });
    await expect(other.meetings.moveToAgendaItem('meeting-1', 3)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fake.meeting.currentAgendaItem).toBe(2);
    await stop();
  });

  it('a meeting that runs nowhere, or on a host that no longer has it: not running, CONFLICT to move', async () => {
    const { other, stop } = await twoNodes({ 'meeting-2': 'host' });
    for (const meetingId of ['meeting-1', 'meeting-2']) {
      await expect(other.meetings.view(meetingId)).resolves.toBeUndefined();
      await expect(other.meetings.moveToAgendaItem(meetingId, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    }
    await stop();
  });

  it('a silent host: the screen hears "not running" within two seconds, not the RPC’s eight', async () => {
    const { bus, other, stop } = await twoNodes();
    bus.deaf.add('rpc:host');
    const asked = performance.now();
    await expect(other.meetings.view('meeting-1')).resolves.toBeUndefined();
    expect(performance.now() - asked).toBeLessThan(4000);
    await stop();
  });
});
