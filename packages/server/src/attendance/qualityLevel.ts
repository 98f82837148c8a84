import type { ClientQualityReport, QualityFigures, QualityLevel } from '@pm/shared';

/**
 * Where a meeting room's connection stops being good enough for an official meeting: speech
 * breaks up above ~5 % loss, conversation lags above ~400 ms round trip, and mediasoup scores of
 * 4 or less mean the stream is visibly damaged.
 */
const POOR = { lossPct: 5, rttMs: 400, jitterMs: 60, score: 4 };

export function qualityLevel(f: QualityFigures): QualityLevel {
  const poor =
    (f.lossPct ?? 0) > POOR.lossPct ||
    (f.rttMs ?? 0) > POOR.rttMs ||
    (f.jitterMs ?? 0) > POOR.jitterMs ||
    (f.producerScore !== null && f.producerScore <= POOR.score) ||
    (f.consumerScore !== null && f.consumerScore <= POOR.score);
  return poor ? 'poor' : 'good';
}

/** The SFU's view, completed by what the kiosk measured itself: the worse figure wins. */
export function mergeClientReport(server: QualityFigures, client: ClientQualityReport | undefined): QualityFigures {
  if (!client) return server;
  const worse = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  return {
    ...server,
    rttMs: worse(server.rttMs, client.rttMs),
    lossPct: worse(server.lossPct, client.inboundLossPct),
    jitterMs: worse(server.jitterMs, client.jitterMs),
  };
}

/** Mean of each figure over a window of samples, ignoring the samples that lacked it. */
export function averageFigures(samples: readonly QualityFigures[]): QualityFigures {
  const mean = (key: keyof QualityFigures) => {
    const values = samples.map((s) => s[key]).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  return {
    rttMs: mean('rttMs'),
    lossPct: mean('lossPct'),
    jitterMs: mean('jitterMs'),
    bitrateUpKbps: mean('bitrateUpKbps'),
    bitrateDownKbps: mean('bitrateDownKbps'),
    producerScore: mean('producerScore'),
    consumerScore: mean('consumerScore'),
  };
}
