import type { MediaSession } from '../../../media/mediaSession';
import type { ReceivedMedia } from '../state/meetingState';

export interface ReceiveStats extends ReceivedMedia {
  packetsReceived: number;
  packetsLost: number;
  framesDecoded: number;
  /** A programme switch shows as a keyframe: the relay changes source only at one. */
  keyFramesDecoded: number;
  /** Grows while decoded audio carries sound. */
  audioEnergy: number;
  jitterMs: number | null;
  framesPerSecond: number | null;
}

/** The fields of an `inbound-rtp` report that the figures need (the DOM types leave reports untyped). */
interface InboundRtpReport {
  type: string;
  packetsReceived?: number;
  packetsLost?: number;
  framesDecoded?: number;
  keyFramesDecoded?: number;
  totalAudioEnergy?: number;
  jitter?: number;
  framesPerSecond?: number;
}

/** The figures of a track before its first packet. */
export function nothingReceivedYet(media: ReceivedMedia): ReceiveStats {
  return {
    ...media,
    packetsReceived: 0,
    packetsLost: 0,
    framesDecoded: 0,
    keyFramesDecoded: 0,
    audioEnergy: 0,
    jitterMs: null,
    framesPerSecond: null,
  };
}

/**
 * What each received track delivered so far, from the browser's own WebRTC statistics: the
 * figures the quality report sends and a technician (or a browser test) reads from the console.
 */
export function receiveStats(media: MediaSession, received: readonly ReceivedMedia[]): Promise<ReceiveStats[]> {
  return Promise.all(
    received.map(async (r) => {
      const stats = nothingReceivedYet(r);
      const consumer = media.consumer(r.consumerId);
      if (!consumer) return stats;
      for (const report of (await consumer.getStats()).values() as Iterable<InboundRtpReport>) {
        if (report.type !== 'inbound-rtp') continue;
        stats.packetsReceived = report.packetsReceived ?? 0;
        stats.packetsLost = report.packetsLost ?? 0;
        stats.framesDecoded = report.framesDecoded ?? 0;
        stats.keyFramesDecoded = report.keyFramesDecoded ?? 0;
        stats.audioEnergy = report.totalAudioEnergy ?? 0;
        stats.jitterMs = typeof report.jitter === 'number' ? report.jitter * 1000 : null;
        stats.framesPerSecond = report.framesPerSecond ?? null;
      }
      return stats;
    }),
  );
}
