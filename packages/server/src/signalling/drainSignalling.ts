import { CodedError } from '@pm/shared';
import type { NodeDrain } from '../drain/nodeDrain.js';
import type { HandlerTable } from './handler.js';
import type { PlatformIo } from './socketServer.js';

/** Sockets that connect while the node drains are told at once to go elsewhere. */
export function noticeDrainOnConnect(io: PlatformIo, drain: NodeDrain): void {
  io.on('connection', (socket) => {
    if (drain.draining) socket.emit('node:draining', drain.notice);
  });
}

/** The same features, except that `meeting:join` is refused while the node drains. */
export function refuseJoinsWhileDraining(drain: NodeDrain, table: HandlerTable): HandlerTable {
  const join = table['meeting:join'];
  if (!join) return table;
  return {
    ...table,
    'meeting:join': async (session, payload) => {
      if (drain.draining) throw new CodedError('NODE_DRAINING', 'this node is being drained: join again through the load balancer');
      return join(session, payload);
    },
  };
}
