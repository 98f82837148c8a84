import {
  consumerPurposeSchema,
  dtlsParametersSchema,
  mediaKindSchema,
  rtpCapabilitiesSchema,
  rtpParametersSchema,
  trackSourceSchema,
} from '@pm/shared';
import { z } from 'zod';
import { pipedProducerSchema } from './pipeEndpoint.js';

/**
 * The requests a meeting's host sends to the node that holds some of its sites' media, and the
 * events that come back. Validated on arrival like any other boundary.
 */
const peer = { peerId: z.string().min(1) };
const link = { linkId: z.string().min(1) };

export const cascadeRequests = {
  'edge.openPeer': z.object({ ...peer, meetingId: z.string().min(1) }),
  'edge.createTransport': z.object({ ...peer, direction: z.enum(['send', 'recv']) }),
  'edge.connectTransport': z.object({ ...peer, transportId: z.string(), dtlsParameters: dtlsParametersSchema }),
  'edge.restartIce': z.object({ ...peer, transportId: z.string() }),
  'edge.produce': z.object({
    ...peer,
    transportId: z.string(),
    kind: mediaKindSchema,
    rtpParameters: rtpParametersSchema,
    source: trackSourceSchema,
  }),
  'edge.closeProducer': z.object({ ...peer, producerId: z.string() }),
  'edge.consume': z.object({
    ...peer,
    producerId: z.string(),
    rtpCapabilities: rtpCapabilitiesSchema,
    purpose: consumerPurposeSchema,
    siteId: z.string().nullable(),
    spatialLayer: z.number().int().min(0).max(2).optional(),
  }),
  'edge.resumeConsumer': z.object({ ...peer, consumerId: z.string() }),
  'edge.setServerPaused': z.object({ ...peer, consumerId: z.string(), paused: z.boolean() }),
  'edge.closeConsumer': z.object({ ...peer, consumerId: z.string() }),
  'edge.quality': z.object(peer),
  'edge.closePeer': z.object(peer),
  'pipe.open': z.object({ ...link, meetingId: z.string().min(1) }),
  'pipe.connect': z.object({ ...link, ip: z.string(), port: z.number().int().min(1).max(65535) }),
  /** Not `flowing`: a site's camera is piped up held back until someone on the host receives it. */
  'pipe.send': z.object({ ...link, producerId: z.string(), flowing: z.boolean().default(true) }),
  'pipe.flow': z.object({ ...link, producerId: z.string(), flowing: z.boolean() }),
  'pipe.receive': z.object({ ...link, producer: pipedProducerSchema }),
  'pipe.close': z.object(link),
} as const;
export type CascadeRequest = keyof typeof cascadeRequests;

export const cascadeEvents = {
  /** A consumer of a remote peer closed (its producer went away): the host tells the client. */
  'peer.consumerClosed': z.object({ ...peer, consumerId: z.string() }),
  /** A remote peer's media are gone (its worker died, its node drains): the client must rejoin. */
  'peer.lost': z.object({ ...peer, reason: z.string() }),
  /** The producer sent over a link closed: the far side closes its copy. */
  'pipe.sourceClosed': z.object({ ...link, producerId: z.string() }),
  /** Whether anyone on the far node receives a track sent down the link (else it stops flowing). */
  'pipe.demand': z.object({ ...link, producerId: z.string(), wanted: z.boolean() }),
  /** One side of a link is gone (its worker died). */
  'pipe.lost': z.object(link),
} as const;
export type CascadeEvent = keyof typeof cascadeEvents;
