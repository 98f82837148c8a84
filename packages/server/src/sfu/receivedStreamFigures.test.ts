import type { QualityFigures } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { qualityLevel } from '../attendance/qualityLevel.js';
import type { ms } from './mediasoupModule.js';
import { receivedStreamFigures } from './receivedStreamFigures.js';

const vp8 = { mimeType: 'video/VP8', clockRate: 90_000 };
const opus = { mimeType: 'audio/opus', clockRate: 48_000 };

/** A producer stat as mediasoup 3.12 reports it for a healthy stream, with the given jitter (RTP units). */
function stat(mimeType: string, jitter: number, extra: Partial<ms.ProducerStat> = {}): ms.ProducerStat {
  return {
    type: 'inbound-rtp',
    timestamp: 1_000_000,
    ssrc: 1234,
    kind: mimeType.startsWith('video') ? 'video' : 'audio',
    mimeType,
    packetsLost: 0,
    fractionLost: 0,
    packetsDiscarded: 0,
    packetsRetransmitted: 0,
    packetsRepaired: 0,
    nackCount: 0,
    nackPacketCount: 0,
    pliCount: 0,
    firCount: 0,
    score: 10,
    packetCount: 5000,
    byteCount: 4_000_000,
    bitrate: 900_000,
    jitter,
    ...extra,
  };
}

/** The figures the wall judges, with everything but the jitter healthy. */
const figuresWithJitter = (jitterMs: number | null): QualityFigures => ({
  rttMs: 20,
  lossPct: 0,
  jitterMs,
  bitrateUpKbps: 900,
  bitrateDownKbps: 1100,
  producerScore: 10,
  consumerScore: 10,
});

describe('receivedStreamFigures', () => {
  it('converts jitter from each stream’s RTP clock to milliseconds', () => {
    // 1 800 units of a 90 kHz clock are 20 ms; 960 units of Opus's 48 kHz are 20 ms too.
    const figures = receivedStreamFigures([stat('video/VP8', 1800), stat('audio/opus', 960)], [vp8, opus]);
    expect(figures.jitterMs).toEqual([20, 20]);
  });

  it('keeps a healthy camera good: the raw figure read as milliseconds was the false “poor connection”', () => {
    // What a site on a clean LAN sends: a few frames' worth of burstiness, 1 800–4 500 units.
    const simulcast = [stat('video/VP8', 1800, { rid: 'r0' }), stat('video/VP8', 4500, { rid: 'r1' })];
    const { jitterMs } = receivedStreamFigures(simulcast, [vp8]);
    expect(Math.max(...jitterMs)).toBe(50);
    expect(qualityLevel(figuresWithJitter(Math.max(...jitterMs)))).toBe('good');
    // The old reading compared 4 500 with 60 ms.
    expect(qualityLevel(figuresWithJitter(4500))).toBe('poor');
  });

  it('still finds a jittery link poor', () => {
    // 9 000 units at 90 kHz: 100 ms, beyond the 60 ms a conversation tolerates.
    const { jitterMs } = receivedStreamFigures([stat('video/VP8', 9000)], [vp8]);
    expect(jitterMs).toEqual([100]);
    expect(qualityLevel(figuresWithJitter(jitterMs[0]!))).toBe('poor');
  });

  it('reads loss and round trip as before, and gives no jitter for a stream whose codec it cannot find', () => {
    const figures = receivedStreamFigures([stat('video/H264', 900, { fractionLost: 64, roundTripTime: 35 })], [vp8]);
    expect(figures).toEqual({ lossPct: [25], rttMs: [35], jitterMs: [] });
  });
});
