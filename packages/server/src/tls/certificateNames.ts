import os from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/**
 * The names a meeting room may reach this machine by, for the local CA's certificate: the configured
 * ones first (TLS_NAMES, the public URL's host, the media address: what rooms are told to open),
 * then the host name and every address of the machine's interfaces (link-local ones excepted: a
 * browser never opens those), then loopback.
 */
export function localCertificateNames(configured: string[]): string[] {
  const names = new Set(configured.map((name) => name.toLowerCase()));
  names.add(os.hostname().toLowerCase());
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const { address, internal } of addresses ?? []) {
      if (!internal && !address.toLowerCase().startsWith('fe80:')) names.add(address);
    }
  }
  for (const name of LOOPBACK) names.delete(name);
  return [...names, ...LOOPBACK];
}

/** Whether a name only ever reaches the machine it is typed on. */
export function isLoopbackName(name: string): boolean {
  return LOOPBACK.includes(name) || name.startsWith('127.');
}
