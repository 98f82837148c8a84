import { z } from 'zod';

/*
 * Shapes of the mediasoup parameters that cross the wire. They are validated structurally (the
 * fields the SFU relies on must be present and typed) and otherwise passed through, because
 * mediasoup validates the codec-level details itself and its types evolve between releases.
 */

const rtcpFeedbackSchema = z.object({ type: z.string(), parameter: z.string().optional() });

const rtpCodecCapabilitySchema = z.looseObject({
  kind: z.enum(['audio', 'video']),
  mimeType: z.string().min(1),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  preferredPayloadType: z.number().int().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  rtcpFeedback: z.array(rtcpFeedbackSchema).optional(),
});

const headerExtensionCapabilitySchema = z.looseObject({
  kind: z.enum(['audio', 'video']),
  uri: z.string(),
  preferredId: z.number().int(),
});

export const rtpCapabilitiesSchema = z.looseObject({
  codecs: z.array(rtpCodecCapabilitySchema).optional(),
  headerExtensions: z.array(headerExtensionCapabilitySchema).optional(),
});

export const dtlsParametersSchema = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: z.string(), value: z.string() }))
    .min(1),
});

export const rtpParametersSchema = z.looseObject({
  mid: z.string().optional(),
  codecs: z
    .array(
      z.looseObject({
        mimeType: z.string(),
        payloadType: z.number().int(),
        clockRate: z.number().int(),
      }),
    )
    .min(1),
  headerExtensions: z.array(z.looseObject({ uri: z.string(), id: z.number().int() })).optional(),
  encodings: z.array(z.looseObject({})).optional(),
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
