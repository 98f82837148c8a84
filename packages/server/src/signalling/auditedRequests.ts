import type { AuditAction, RequestName } from '@pm/shared';
import type { AuditLog } from '../audit/auditLog.js';
import type { HandlerTable, RequestHandler } from './handler.js';

/** The socket requests that are privileged acts: the chair's and operators' control of a meeting. */
const auditedRequests: Partial<Record<RequestName, AuditAction>> = {
  'floor:grant': 'floor.grant',
  'floor:revoke': 'floor.revoke',
  'floor:next': 'floor.next',
  'floor:muteAll': 'floor.muteAll',
  'floor:mute': 'floor.mute',
  'floor:front': 'floor.front',
  'meeting:callBack': 'floor.callBack',
  'floor:spotlight': 'floor.spotlight',
  'recording:start': 'recording.start',
  'recording:pause': 'recording.pause',
  'recording:stop': 'recording.stop',
};

/**
 * The same feature tables, with each audited request that succeeds appended to the audit log: who
 * (the socket's account), from where (its address), in which meeting, with what payload.
 */
export function auditRequests(tables: HandlerTable[], audit: AuditLog): HandlerTable[] {
  return tables.map((table) => {
    const wrapped: Record<string, RequestHandler<RequestName>> = { ...(table as Record<string, RequestHandler<RequestName>>) };
    for (const [name, handler] of Object.entries(table) as Array<[RequestName, RequestHandler<RequestName>]>) {
      const action = auditedRequests[name];
      if (!action) continue;
      wrapped[name] = async (session, payload) => {
        const result = await handler(session, payload);
        const meetingId = session.currentParticipation?.meeting.id ?? (payload as { meetingId?: string }).meetingId;
        await audit.record({
          action,
          identity: session.identity,
          address: session.socket.handshake.address,
          target: meetingId ? `meeting ${meetingId}` : undefined,
          after: payload,
        });
        return result;
      };
    }
    return wrapped;
  });
}
