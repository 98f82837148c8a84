import https from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The certificate the server presented. */
  certificate: PeerCertificate;
}

/**
 * One HTTPS request to a server on loopback under a host name of the test's own (as Chromium's
 * --host-resolver-rules does), trusting only the given CA: the handshake checks the chain and the name.
 */
export function httpsRequest(
  url: string,
  options: { ca: string; connectTo?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<HttpsAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: options.connectTo ?? '127.0.0.1',
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        servername: target.hostname,
        headers: { host: target.host, ...options.headers },
        ca: options.ca,
        // A fresh connection each time, so a renewed certificate is seen.
        agent: false,
      },
      (response) => {
        const certificate = (response.socket as TLSSocket).getPeerCertificate();
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, certificate }));
      },
    );
    request.once('error', reject);
    request.end(options.body);
  });
}
