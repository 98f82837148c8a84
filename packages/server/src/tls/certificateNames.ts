import os from 'node:os';

/**
 * The names a meeting room may reach this machine by, for the local CA's certificate: loopback, the
 * host name, every address of the machine's interfaces (link-local ones excepted: a browser never
 * opens those), and the configured ones (TLS_NAMES, the public URL's host, the media address).
 */
export function localCertificateNames(configured: string[]): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1', os.hostname().toLowerCase()]);
  for (const name of configured) names.add(name.toLowerCase());
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const { address, internal } of addresses ?? []) {
      if (!internal && !address.toLowerCase().startsWith('fe80:')) names.add(address);
    }
  }
  return [...names].sort();
}
