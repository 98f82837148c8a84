import type { ms } from './mediasoupModule.js';

/**
 * Codecs every router offers. VP8 first: it is what the recorder copies into WebM without
 * transcoding, and what every kiosk Chromium sends with simulcast. H264 (constrained baseline)
 * stays for hardware-limited room PCs that can only decode it.
 */
export const mediaCodecs: ms.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 1000 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 1000,
    },
  },
];
