import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A HOME whose NSS database trusts one CA for web sites, as a technician's "import, trust this CA
 * to identify websites" leaves it: Chromium on Linux reads ~/.pki/nssdb. Needs certutil (Debian's
 * libnss3-tools). Returns the HOME and the function that removes it.
 */
export function homeTrustingCa(caPem: string): { home: string; remove: () => void } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-nss-home-'));
  const db = path.join(home, '.pki/nssdb');
  fs.mkdirSync(db, { recursive: true });
  const caFile = path.join(home, 'ca.crt');
  fs.writeFileSync(caFile, caPem);
  execFileSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password']);
  execFileSync('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', 'province-meet local CA', '-i', caFile]);
  return { home, remove: () => fs.rmSync(home, { recursive: true, force: true }) };
}
