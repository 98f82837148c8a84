import http, { type RequestListener } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Config, TlsSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { localCertificateNames } from './certificateNames.js';
import { certificateEnd, readCertificateFiles, watchCertificateFiles, type CertificatePair } from './certificateFiles.js';
import { openLocalCa, type LocalCertificate } from './localCa.js';
import { startRedirectServer } from './redirectServer.js';

/**
 * The node's web server: HTTPS when it has a certificate (its files, or its local CA), else plain
 * HTTP (loopback, or a TLS proxy in front). It owns what goes with TLS: the certificate and its
 * renewal, HSTS, the CA download, and the port that redirects plain HTTP.
 *
 * HTTP/1.1 only, also under TLS: express 5 on Node's HTTP/2 compatibility server crashes the
 * process at the first HTTP/2 request (express gives the request http.IncomingMessage's prototype,
 * whose reader the HTTP/2 stream lacks; measured on Node 20 and 24), and what HTTP/2 would bring
 * here is small: the page's assets load once and are cached, signalling is one WebSocket. A proxy
 * in front (the compose recipe's HAProxy) may still speak HTTP/2 to browsers.
 */
export class WebServer {
  private redirect: http.Server | undefined;
  private listeningUrl: string | undefined;

  private constructor(
    readonly server: http.Server | https.Server,
    private readonly settings: Config['http'] & { tls: TlsSettings | undefined },
    /** The local CA's certificate, when the platform issued its own. */
    readonly localCa: LocalCertificate | undefined,
    private readonly stopWatching: () => void,
    private readonly log: Logger,
  ) {}

  static async create(app: RequestListener, config: Pick<Config, 'http' | 'tls'>, log: Logger): Promise<WebServer> {
    const { tls } = config;
    const settings = { ...config.http, tls };
    if (!tls) return new WebServer(http.createServer(app), settings, undefined, () => undefined, log);
    if (tls.source.kind === 'files') {
      const { certFile, keyFile } = tls.source;
      const pair = readCertificateFiles(certFile, keyFile);
      log.info({ certFile, validTo: certificateEnd(pair) }, 'serving HTTPS with the given certificate');
      const server = https.createServer(pair, app);
      const stop = watchCertificateFiles(
        certFile,
        keyFile,
        pair,
        (renewed: CertificatePair) => server.setSecureContext(renewed),
        log,
      );
      return new WebServer(server, settings, undefined, stop, log);
    }
    const local = await openLocalCa(tls.source.dir, localCertificateNames(tls.source.names), log);
    const server = https.createServer({ cert: local.certPem, key: local.keyPem }, app);
    return new WebServer(server, settings, local, () => undefined, log);
  }

  get scheme(): 'http' | 'https' {
    return this.settings.tls ? 'https' : 'http';
  }

  /** Listens on HOST:PORT, then on the redirect port under TLS; returns the base URL it answers on. */
  async listen(): Promise<string> {
    const { host, port, tls } = this.settings;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const bound = (this.server.address() as AddressInfo).port;
    if (tls?.redirectPort !== undefined) this.redirect = await startRedirectServer(host, tls.redirectPort, bound, this.log);
    this.listeningUrl = `${this.scheme}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`;
    return this.listeningUrl;
  }

  /** Where this node listens (once it does): the address links point at when PUBLIC_URL is not set. */
  get url(): string {
    if (!this.listeningUrl) throw new Error('the web server is not listening yet');
    return this.listeningUrl;
  }

  /** Stops the certificate watcher and the redirect port; the main server closes with socket.io. */
  async close(): Promise<void> {
    this.stopWatching();
    const redirect = this.redirect;
    if (!redirect) return;
    redirect.closeAllConnections();
    await new Promise<void>((resolve) => redirect.close(() => resolve()));
  }
}
