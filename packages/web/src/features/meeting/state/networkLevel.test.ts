import type { ClientQualityReport } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { networkLevel } from './networkLevel';

const report = (overrides: Partial<ClientQualityReport> = {}): ClientQualityReport => ({
  rttMs: 40,
  inboundLossPct: 0,
  jitterMs: 5,
  framesPerSecond: 30,
  ...overrides,
});

describe('a kiosk’s network level from its own WebRTC figures', () => {
  it('is unknown before anything was measured', () => {
    expect(networkLevel(null)).toBe('unknown');
    expect(networkLevel({ rttMs: null, inboundLossPct: null, jitterMs: null, framesPerSecond: null })).toBe('unknown');
  });

  it('is good on a clean line, even with some figures missing', () => {
    expect(networkLevel(report())).toBe('good');
    expect(networkLevel(report({ framesPerSecond: null, jitterMs: null }))).toBe('good');
  });

  it('is fair, then poor, as loss, jitter, delay grow or frames drop', () => {
    expect(networkLevel(report({ inboundLossPct: 2 }))).toBe('fair');
    expect(networkLevel(report({ inboundLossPct: 8 }))).toBe('poor');
    expect(networkLevel(report({ jitterMs: 45 }))).toBe('fair');
    expect(networkLevel(report({ rttMs: 900 }))).toBe('poor');
    expect(networkLevel(report({ framesPerSecond: 12 }))).toBe('fair');
    expect(networkLevel(report({ framesPerSecond: 4 }))).toBe('poor');
  });
});
