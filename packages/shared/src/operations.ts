import { z } from 'zod';
import { route } from './apiRoute.js';

/**
 * Running the platform as a cluster: TURN credentials for meeting rooms behind strict firewalls,
 * and draining a node before maintenance.
 */

/**
 * Time-limited TURN credentials in coturn's REST API scheme (`use-auth-secret`): the browser hands
 * them to its ICE agent as an RTCIceServer.
 */
export const turnCredentialsSchema = z.object({
  /** `turn:` and `turns:` URLs (RFC 7065), e.g. `turns:turn.example.gov.vn:443?transport=tcp`. */
  urls: z.array(z.string()).min(1),
  /** `<expiry unix seconds>:<user id>`. */
  username: z.string(),
  /** base64(HMAC-SHA1(secret, username)). */
  credential: z.string(),
  /** How long from now the credentials are accepted. */
  ttlSeconds: z.number().int().positive(),
});
export type TurnCredentials = z.infer<typeof turnCredentialsSchema>;

/**
 * The answer of a server without a TURN relay: a plain "none", so a meeting page asking on every
 * join logs no failed request; the browser then uses the SFU's direct paths only.
 */
export const noTurnRelaySchema = z.object({ relay: z.literal('none') });
export const turnAnswerSchema = z.union([turnCredentialsSchema, noTurnRelaySchema]);
export type TurnAnswer = z.infer<typeof turnAnswerSchema>;

/** Start (`true`) or cancel (`false`) draining the node that answers. */
export const drainRequestSchema = z.object({ draining: z.boolean() }).strict();
export const drainStatusSchema = z.object({
  /** The host name of the node that answered: drain a node at its own address, not the load balancer's. */
  node: z.string(),
  draining: z.boolean(),
  /** Meeting participants still connected to this node. */
  participants: z.number().int().nonnegative(),
});
export type DrainStatus = z.infer<typeof drainStatusSchema>;


/** Merged into `api`. */
export const operationsRoutes = {
  'turn.credentials': route({
    method: 'get', path: '/api/turn-credentials', tag: 'operations',
    summary: 'Time-limited TURN relay credentials for the media transports ({ relay: "none" } when this server has no TURN relay)',
    response: turnAnswerSchema,
  }),
  'node.drain': route({
    method: 'post', path: '/api/admin/drain', tag: 'operations',
    summary: 'Drain the node that answers: refuse new meeting joins, ask its participants to move to another node, report 503 on /healthz',
    body: drainRequestSchema, response: drainStatusSchema,
  }),
};
