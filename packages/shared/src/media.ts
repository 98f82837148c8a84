import { z } from 'zod';

/*
 * Shapes of the mediasoup parameters that cross the wire. They are validated structurally (the
 * fields the SFU relies on must be present and typed) and otherwise passed through, because
 * mediasoup validates the codec-level details itself and its types evolve between releases.
 * Every named string and list is bounded: browsers send a dozen codecs and a few encodings, and
 * a payload crafted to be large must fail fast and answer briefly (issue 15).
 */
const token = z.string().max(64);
const uri = z.string().max(256);

const rtcpFeedbackSchema = z.object({ type: token, parameter: token.optional() });

const rtpCodecCapabilitySchema = z.looseObject({
  kind: z.enum(['audio', 'video']),
  mimeType: token.min(1),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  preferredPayloadType: z.number().int().optional(),
  parameters: z.record(token, z.unknown()).optional(),
  rtcpFeedback: z.array(rtcpFeedbackSchema).max(32).optional(),
});

const headerExtensionCapabilitySchema = z.looseObject({
  kind: z.enum(['audio', 'video']),
  uri,
  preferredId: z.number().int(),
});

export const rtpCapabilitiesSchema = z.looseObject({
  codecs: z.array(rtpCodecCapabilitySchema).max(64).optional(),
  headerExtensions: z.array(headerExtensionCapabilitySchema).max(32).optional(),
});

export const dtlsParametersSchema = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: token, value: uri }))
    .min(1)
    .max(8),
});

export const rtpParametersSchema = z.looseObject({
  mid: token.optional(),
  codecs: z
    .array(
      z.looseObject({
        mimeType: token,
        payloadType: z.number().int(),
        clockRate: z.number().int(),
      }),
    )
    .min(1)
    .max(64),
  headerExtensions: z.array(z.looseObject({ uri, id: z.number().int() })).max(32).optional(),
  encodings: z.array(z.looseObject({})).max(8).optional(),
  rtcp: z.looseObject({}).optional(),
});

export const mediaKindSchema = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/** What a track is, so the SFU can route it: a room's camera, its microphone, or a shared screen. */
export const trackSourceSchema = z.enum(['camera', 'microphone', 'screen']);
export type TrackSource = z.infer<typeof trackSourceSchema>;

/** What a client needs to build its side of a WebRTC transport. */
export const transportOptionsSchema = z.object({
  id: z.string(),
  iceParameters: z.looseObject({}),
  iceCandidates: z.array(z.looseObject({})),
  dtlsParameters: z.looseObject({}),
});
export type TransportOptions = z.infer<typeof transportOptionsSchema>;

export const consumerOptionsSchema = z.object({
  id: z.string(),
  producerId: z.string(),
  kind: mediaKindSchema,
  rtpParameters: z.looseObject({}),
});
export type ConsumerOptions = z.infer<typeof consumerOptionsSchema>;

export type RtpCapabilitiesInput = z.infer<typeof rtpCapabilitiesSchema>;
