import type { HandlerGroup } from './apiDeps.js';
import type { NodeDrain } from '../../drain/nodeDrain.js';

/** `POST /api/admin/drain`: an administrator drains the node that answers, or cancels the drain. */
export function drainApi(drain: NodeDrain): HandlerGroup<'node.drain'> {
  return {
    'node.drain': async ({ identity, body }) => {
      const reason = `requested by ${identity.username}`;
      if (body.draining) drain.start(reason);
      else drain.cancel(reason);
      return drain.status();
    },
  };
}
