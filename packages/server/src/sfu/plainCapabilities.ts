import type { ms } from './mediasoupModule.js';

/**
 * What a plain transport on our side (the programme relay, the recorder) may be sent: VP8 and Opus
 * only, keyframe requests and NACKs, neither transport-wide congestion control nor header
 * extensions, so mediasoup sends it no bandwidth probes and no retransmission stream.
 */
export function plainCapabilities(router: ms.Router): ms.RtpCapabilities {
  const feedback = ['nack', 'ccm'];
  return {
    codecs: (router.rtpCapabilities.codecs ?? [])
      .filter((c) => c.mimeType === 'video/VP8' || c.mimeType === 'audio/opus')
      .map((c) => ({ ...c, rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => feedback.includes(f.type)) })),
    headerExtensions: [],
  };
}
