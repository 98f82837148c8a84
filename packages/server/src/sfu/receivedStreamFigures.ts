import type { ms } from './mediasoupModule.js';

/** What a producer's receive stats say of the link from the site to the SFU, in the units the levels use. */
export interface ReceivedStreamFigures {
  lossPct: number[];
  rttMs: number[];
  jitterMs: number[];
}

/**
 * Reads a producer's receive stats (one per stream, several with simulcast). mediasoup reports
 * jitter as RFC 3550 computes it, in the stream's RTP timestamp units, not milliseconds: 90 000 a
 * second for video, 48 000 for Opus. Each stream is converted with the clock rate of its own codec
 * (found by the stat's MIME type); a stream whose codec is unknown gives no jitter rather than a
 * wrong one.
 */
export function receivedStreamFigures(
  stats: readonly ms.ProducerStat[],
  codecs: readonly Pick<ms.RtpCodecParameters, 'mimeType' | 'clockRate'>[],
): ReceivedStreamFigures {
  const clockRate = new Map(codecs.map((c) => [c.mimeType.toLowerCase(), c.clockRate]));
  const figures: ReceivedStreamFigures = { lossPct: [], rttMs: [], jitterMs: [] };
  for (const stat of stats) {
    figures.lossPct.push((stat.fractionLost / 256) * 100);
    if (stat.roundTripTime) figures.rttMs.push(stat.roundTripTime);
    const rate = clockRate.get(stat.mimeType.toLowerCase());
    if (typeof stat.jitter === 'number' && rate) figures.jitterMs.push((stat.jitter / rate) * 1000);
  }
  return figures;
}
