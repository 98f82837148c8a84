import { agendaPositionSchema, CodedError, minutesAgendaItemSchema, namedRefSchema } from '@pm/shared';
import { z } from 'zod';
import type { MeetingHosts } from '../../cluster/meetingHosts.js';
import type { NodeRpc, RpcMethods } from '../../cluster/nodeRpc.js';
import type { Logger } from '../../logger.js';
import type { LiveMeeting } from './liveMeeting.js';

/** What a screen outside the meeting (the secretary's minutes) reads of it while it runs. */
const liveMeetingViewSchema = z.object({
  /** The site holding the floor, named as the meeting's plan names it. */
  speaker: namedRefSchema.nullable(),
  /** The agenda item under discussion (its position; null: none named). */
  agendaItem: agendaPositionSchema.nullable(),
});
export type LiveMeetingView = z.infer<typeof liveMeetingViewSchema>;

/** The live meetings wherever they run: on this node, or on the node that hosts them. */
export interface RunningMeetings {
  /** The meeting's floor and agenda item, or undefined when it runs nowhere (or its host is silent). */
  view(meetingId: string): Promise<LiveMeetingView | undefined>;
  /** Names the agenda item under discussion, on the meeting's host: every room is told. CONFLICT when it runs nowhere. */
  moveToAgendaItem(meetingId: string, position: number | null): Promise<number | null>;
}

/** The meetings open on this node. */
export interface LocalMeetings {
  running(meetingId: string): Promise<LiveMeeting | undefined>;
}

/** A request from a screen waits no longer than this for the host: the minutes screen polls. */
const HOST_TIMEOUT_MS = 2000;

// The host's answers are checked as the HTTP API checks the secretary's request: the same schemas.
const viewParams = z.object({ meetingId: z.string() });
const agendaParams = minutesAgendaItemSchema.extend({ meetingId: z.string() });

/**
 * Answers for a live meeting from any node. HTTP requests reach whichever node the load balancer
 * picks, but only the host holds a meeting's floor and agenda: another node asks it over the
 * cluster's RPC (the host serves `rpcMethods`). Callers check access before asking.
 */
export class HostedMeetings implements RunningMeetings {
  constructor(
    private readonly local: LocalMeetings,
    private readonly hosts: MeetingHosts,
    private readonly rpc: NodeRpc | undefined,
    private readonly log: Logger,
  ) {}

  async view(meetingId: string): Promise<LiveMeetingView | undefined> {
    const here = await this.local.running(meetingId);
    if (here) return viewOf(here);
    const host = await this.remoteHost(meetingId);
    if (!host) return undefined;
    try {
      return liveMeetingViewSchema.nullable().parse(await this.rpc!.request(host, 'meeting.view', { meetingId }, HOST_TIMEOUT_MS)) ?? undefined;
    } catch (err) {
      // A host that does not answer is about to lose its meeting to another node: not running for now.
      this.log.warn({ err, meeting: meetingId, host }, 'the host of a meeting did not answer');
      return undefined;
    }
  }

  async moveToAgendaItem(meetingId: string, position: number | null): Promise<number | null> {
    const here = await this.local.running(meetingId);
    if (here) return moveTo(here, position);
    const host = await this.remoteHost(meetingId);
    if (!host) throw notRunning();
    const answer = minutesAgendaItemSchema.parse(await this.rpc!.request(host, 'meeting.agendaItem', { meetingId, position }, HOST_TIMEOUT_MS));
    return answer.position;
  }

  /** What this node answers as a meeting's host. */
  rpcMethods(): RpcMethods {
    return {
      'meeting.view': async (params) => {
        const meeting = await this.local.running(viewParams.parse(params).meetingId);
        return meeting ? viewOf(meeting) : null;
      },
      'meeting.agendaItem': async (params) => {
        const { meetingId, position } = agendaParams.parse(params);
        const meeting = await this.local.running(meetingId);
        if (!meeting) throw notRunning();
        return { position: moveTo(meeting, position) };
      },
    };
  }

  /** The other node that holds the meeting's lease, if any. */
  private async remoteHost(meetingId: string): Promise<string | undefined> {
    if (!this.rpc) return undefined;
    const holder = await this.hosts.holder(meetingId);
    return holder !== undefined && holder !== this.rpc.nodeId ? holder : undefined;
  }
}

function viewOf(meeting: LiveMeeting): LiveMeetingView {
  const siteId = meeting.floorHolder();
  return {
    speaker: siteId ? { id: siteId, name: meeting.siteName(siteId) ?? siteId } : null,
    agendaItem: meeting.currentAgendaItem,
  };
}

function moveTo(meeting: LiveMeeting, position: number | null): number | null {
  meeting.moveToAgendaItem(position);
  return meeting.currentAgendaItem;
}

const notRunning = () => new CodedError('CONFLICT', 'the meeting is not running');
