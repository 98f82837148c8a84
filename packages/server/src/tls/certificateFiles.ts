import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import type { Logger } from '../logger.js';

/** A certificate (PEM, its chain after it) and its private key, as the TLS server takes them. */
export interface CertificatePair {
  cert: string;
  key: string;
}

/**
 * Reads TLS_CERT_FILE and TLS_KEY_FILE and checks that they load together, so a wrong file stops
 * the start with a sentence naming it instead of failing at the first kiosk's handshake.
 */
export function readCertificateFiles(certFile: string, keyFile: string): CertificatePair {
  const read = (file: string, setting: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`${setting} ${file}: cannot be read (${(err as Error).message})`, { cause: err });
    }
  };
  const pair = { cert: read(certFile, 'TLS_CERT_FILE'), key: read(keyFile, 'TLS_KEY_FILE') };
  try {
    tls.createSecureContext(pair);
  } catch (err) {
    throw new Error(
      `TLS_CERT_FILE ${certFile} and TLS_KEY_FILE ${keyFile} do not load as a PEM certificate and its key: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  return pair;
}

/** When the first certificate of a pair ends, for the logs. */
export function certificateEnd(pair: CertificatePair): string {
  return new X509Certificate(pair.cert).validTo;
}

/**
 * Watches the folders of both files, so a renewed certificate is served without a restart: certbot
 * swaps symbolic links in its live/ folder, Kubernetes swaps its Secret volume's ..data link, a
 * person copies files; each shows up as a change in the folder. The pair is read again a moment
 * after the last change (a renewal writes two files) and handed over only if it loads; a half-written
 * pair is logged and the certificate in use stays. Returns the function that stops watching.
 */
export function watchCertificateFiles(
  certFile: string,
  keyFile: string,
  current: CertificatePair,
  renewed: (pair: CertificatePair) => void,
  log: Logger,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    try {
      const pair = readCertificateFiles(certFile, keyFile);
      if (pair.cert === current.cert && pair.key === current.key) return;
      renewed(pair);
      current = pair;
      log.info({ certFile, validTo: certificateEnd(pair) }, 'renewed TLS certificate loaded');
    } catch (err) {
      log.warn({ err }, 'renewed TLS certificate not loaded: the one in use stays');
    }
  };
  const watchers = [...new Set([path.dirname(certFile), path.dirname(keyFile)])].map((dir) =>
    fs
      .watch(dir, () => {
        clearTimeout(timer);
        timer = setTimeout(reload, 300);
      })
      .on('error', (err) => log.warn({ err, dir }, 'cannot watch the TLS certificate folder: a renewal needs a restart')),
  );
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
