import { describe, expect, it } from 'vitest';
import { trustInstructions } from './trustInstructions.js';

describe('trust instructions printed at start', () => {
  it('gives rooms the network addresses (loopback left out), the download there, the fingerprint, in both languages', () => {
    const ca = { caPem: '', certPem: '', keyPem: '', caFingerprint: 'AB:CD:EF' };
    const names = ['meet.thanhhoa.test', '10.20.0.11', 'fd00::2', 'localhost', '127.0.0.1', '::1'];
    const text = trustInstructions('https://127.0.0.1:3000', { ...ca, names }).join('\n');
    expect(text).toContain('    https://meet.thanhhoa.test:3000\n    https://10.20.0.11:3000\n    https://[fd00::2]:3000\n');
    expect(text).not.toMatch(/https:\/\/(localhost|127\.0\.0\.1|\[::1\])/);
    expect(text).toContain('Tải chứng chỉ gốc · Download the CA certificate: https://meet.thanhhoa.test:3000/tls/ca.crt');
    expect(text).toContain('AB:CD:EF');
    for (const words of ['Windows', 'Cốc Cốc', 'Firefox', 'Trusted Root Certification Authorities', 'Tin cậy CA này'])
      expect(text).toContain(words);
  });
});
