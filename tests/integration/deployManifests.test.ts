import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load, loadAll, mergeTag } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig, settingNames } from '@pm/server/config.ts';
import { createLogger } from '@pm/server/logger.ts';
import { openLocalCa } from '@pm/server/tls/localCa.ts';
// @ts-expect-error: plain ESM of the bootstrap, without type declarations
import { NODE_VERSION } from '../../infra/node/ensure.mjs';

/*
 * The deployment files in infra/deploy cannot be run here (no Docker engine, no cluster), so they
 * are checked against the code they configure: every variable they set is one config.ts reads,
 * with a value it accepts, and the ports, probes and stop timeouts agree with each other.
 */

const deploy = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../infra/deploy');
const read = (file: string) => fs.readFileSync(path.join(deploy, file), 'utf8');
/** Compose files use YAML merge keys (`<<: *node`). */
const yaml = (text: string) => load(text, { schema: CORE_SCHEMA.withTags(mergeTag) }) as any;
type Env = Record<string, string>;

/** KEY=VALUE lines, comments and blank lines skipped (systemd EnvironmentFile, compose .env). */
function envFile(text: string): Env {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** The ENV of the Dockerfile's last stage: what every container of the image starts with. */
function imageEnv(): Env {
  const dockerfile = read('Dockerfile').replace(/\\\n/g, ' ');
  const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const pairs = [...lastStage.matchAll(/^ENV (.+)$/gm)].flatMap(([, list]) => [...list!.matchAll(/(\w+)=(\S+)/g)]);
  return Object.fromEntries(pairs.map(([, key, value]) => [key!, value!]));
}

function expectOnlySettings(env: Env, where: string) {
  const unknown = Object.keys(env).filter((name) => !settingNames.includes(name));
  expect(unknown, `${where} sets variables config.ts does not read`).toEqual([]);
}

function drainTimeoutOf(env: Env): number {
  return loadConfig({ MEDIASOUP_WORKER_BIN: '/bin/true', ...env }).drain.timeoutMs / 1000;
}

describe('Dockerfile', () => {
  it('sets only platform settings, and exposes the port it listens on', () => {
    const env = imageEnv();
    expectOnlySettings(env, 'Dockerfile');
    expect(read('Dockerfile')).toMatch(new RegExp(`^EXPOSE ${env.PORT}$`, 'm'));
    expect(read('Dockerfile')).toMatch(/^STOPSIGNAL SIGTERM$/m);
    // node itself is PID 1, so SIGTERM reaches the platform (which drains) and no wrapper.
    expect(read('Dockerfile')).toMatch(/^CMD \["node", "--import", "tsx", "src\/main\.ts"\]$/m);
    expect(fs.existsSync(path.resolve(deploy, '../mediasoup-worker/build.sh'))).toBe(true);
  });

  it('installs the Debian packages from the lists the bootstrap installs, and none of its own', () => {
    const dockerfile = read('Dockerfile')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    for (const list of ['worker-build', 'worker-runtime', 'media']) expect(dockerfile).toContain(`debian-packages/${list}.txt`);
    const listed = fs
      .readdirSync(path.resolve(deploy, '../debian-packages'))
      .flatMap((file) => fs.readFileSync(path.resolve(deploy, '../debian-packages', file), 'utf8').split('\n'))
      .filter((line) => line.trim() && !line.startsWith('#'));
    for (const pkg of listed) expect(dockerfile, pkg).not.toMatch(new RegExp(`\\s${pkg.replaceAll('+', '\\+')}(\\s|$)`));
  });

  it('runs the Node.js the bootstrap pins, which the root package’s engines admit', () => {
    expect(read('Dockerfile')).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${NODE_VERSION.replaceAll('.', '\\.')}-bookworm-slim$`, 'm'));
    const engines = JSON.parse(fs.readFileSync(path.resolve(deploy, '../../package.json'), 'utf8')).engines.node as string;
    expect(Number(NODE_VERSION.split('.')[0])).toBeGreaterThanOrEqual(Number(/^>=(\d+)/.exec(engines)![1]));
  });
});

/** Where the compose recipe mounts HAProxy's certificate folder. */
const CERT_DIR = '/usr/local/etc/haproxy/certs';

describe('docker-compose.yml', () => {
  const compose = yaml(read('docker-compose.yml'));
  const example = envFile(read('compose.env.example'));
  // What an operator fills in; the example leaves secrets empty.
  const dotEnv: Env = Object.fromEntries(Object.entries(example).map(([k, v]) => [k, v || `filled-in-${k.toLowerCase()}-secret`]));
  /** Compose's ${NAME}, ${NAME:-default} and ${NAME:?error} against the .env. */
  const interpolate = (value: string) =>
    value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind?: string, rest?: string) => {
      const set = dotEnv[name];
      if (set) return set;
      if (kind === '-') return rest ?? '';
      throw new Error(`\${${name}} is not in compose.env.example`);
    });
  const nodes = Object.keys(compose.services).filter((name) => /^node\d+$/.test(name));
  const envOf = (name: string): Env =>
    Object.fromEntries(Object.entries(compose.services[name].environment as Env).map(([k, v]) => [k, interpolate(String(v))]));
  /** Published ports as host → container, per protocol ("40000-40001:40000-40001/udp"). */
  const published = (name: string) =>
    (compose.services[name].ports as string[]).flatMap((spec) => {
      const [, hostFrom, hostTo, containerFrom, protocol] = /^(\d+)(?:-(\d+))?:(\d+)(?:-\d+)?(?:\/(udp|tcp))?$/.exec(spec)!;
      const count = Number(hostTo ?? hostFrom) - Number(hostFrom) + 1;
      return Array.from({ length: count }, (_, i) => ({ host: Number(hostFrom) + i, container: Number(containerFrom) + i, protocol: protocol ?? 'tcp' }));
    });

  it('runs three platform nodes, PostgreSQL, Redis, coturn and the load balancer', () => {
    expect(nodes).toEqual(['node1', 'node2', 'node3']);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'coturn', 'haproxy']));
  });

  it('gives every node settings config.ts accepts', () => {
    for (const name of nodes) {
      const env = envOf(name);
      expectOnlySettings(env, name);
      expect(() => loadConfig({ ...imageEnv(), ...env }), name).not.toThrow();
    }
  });

  it('publishes each worker’s UDP and TCP port and the pipe ports 1:1 (announced = listening), without overlap', () => {
    const taken = new Set<string>();
    for (const name of nodes) {
      const config = loadConfig({ ...imageEnv(), ...envOf(name) });
      const media = published(name);
      const expected = Array.from({ length: config.mediasoup.numWorkers }, (_, i) => config.mediasoup.portBase + i).flatMap((port) => [
        { host: port, container: port, protocol: 'udp' },
        { host: port, container: port, protocol: 'tcp' },
      ]);
      // Other nodes reach this one's pipe transports (one meeting across nodes) in its RTC range.
      const { min, max } = config.mediasoup.rtcPorts;
      expect(max - min, name).toBeLessThan(1000);
      for (let port = min; port <= max; port++) expected.push({ host: port, container: port, protocol: 'udp' });
      // Only media: HTTP reaches a node through HAProxy, with TLS.
      expect(media, name).toEqual(expect.arrayContaining(expected));
      expect(media, name).toHaveLength(expected.length);
      for (const p of [...media, ...published('haproxy')]) {
        expect(taken.has(`${p.host}/${p.protocol}`), `${name} ${p.host}/${p.protocol}`).toBe(false);
        taken.add(`${p.host}/${p.protocol}`);
      }
      taken.clear();
    }
  });

  it('sends sites to each node’s own https address, which HAProxy publishes and routes to that node alone', () => {
    const haproxy = read('haproxy/haproxy.cfg');
    for (const name of nodes) {
      const config = loadConfig({ ...imageEnv(), ...envOf(name) });
      const publicUrl = new URL(config.publicUrl!);
      expect(publicUrl.protocol, name).toBe('https:');
      expect(publicUrl.hostname, name).toBe(dotEnv.PUBLIC_HOST);
      const port = Number(publicUrl.port);
      expect(published('haproxy'), name).toContainEqual({ host: port, container: port, protocol: 'tcp' });
      expect(haproxy).toMatch(new RegExp(`^\\s+bind :${port} ssl crt ${CERT_DIR}/site\\.pem alpn h2,http/1\\.1$`, 'm'));
      expect(haproxy).toMatch(new RegExp(`^\\s+use_backend ${name} if \\{ dst_port ${port} \\}$`, 'm'));
      const backend = new RegExp(`^backend ${name}\\n((?:    .*\\n)+)`, 'm').exec(haproxy)?.[1] ?? '';
      expect(backend.match(/^\s+server /gm), name).toHaveLength(1);
      expect(backend, name).toMatch(new RegExp(`^\\s+server ${name} ${name}:${config.http.port} `, 'm'));
    }
  });

  it('lets the unprivileged node raise its mediasoup workers to the nice it is configured with', () => {
    for (const name of nodes) {
      const nice = loadConfig({ ...imageEnv(), ...envOf(name) }).mediasoup.workerNice;
      // RLIMIT_NICE is raw: the lowest nice a process may take is 20 minus it.
      expect(20 - Number(compose.services[name].ulimits.nice), name).toBe(nice);
    }
  });

  it('lets a stopping node drain before Docker kills it', () => {
    for (const name of nodes) {
      const grace = /^(\d+)s$/.exec(compose.services[name].stop_grace_period)![1];
      expect(Number(grace), name).toBeGreaterThan(drainTimeoutOf(envOf(name)));
      expect(compose.services[name].stop_signal).toBe('SIGTERM');
    }
  });

  it('balances over every node, checking /healthz, and keeps per-node operations off the load balancer', () => {
    const haproxy = read('haproxy/haproxy.cfg');
    for (const name of nodes) expect(haproxy).toMatch(new RegExp(`^\\s+server ${name} ${name}:3000 check$`, 'm'));
    expect(haproxy).toMatch(/option httpchk GET \/healthz/);
    // By prefix, decoded, in any case: /metrics/ and /METRICS reach the same route on a node.
    expect(haproxy).toMatch(/http-request deny .*\{ path,url_dec,lower -m beg \/metrics \}.*\{ path,url_dec,lower -m beg \/api\/admin\/drain \}/);
    // Every HTTP frontend replaces X-Forwarded-For with the peer's address (the nodes' throttling by address).
    expect(haproxy.match(/http-request set-header X-Forwarded-For %\[src\]/g)).toHaveLength(2);
    expect(compose['x-node-env'].TRUST_PROXY).toBe('uniquelocal');
    expect(compose.services.haproxy.volumes).toContain('./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
  });

  it('terminates TLS on 443 with the mounted certificate, redirects 80, sends HSTS, and the nodes behind it make no certificate', () => {
    const haproxy = read('haproxy/haproxy.cfg');
    expect(published('haproxy')).toEqual(
      expect.arrayContaining([
        { host: 443, container: 443, protocol: 'tcp' },
        { host: 80, container: 80, protocol: 'tcp' },
      ]),
    );
    expect(compose.services.haproxy.volumes.map(interpolate)).toContain(`${dotEnv.TLS_CERT_DIR}:${CERT_DIR}:ro`);
    expect(haproxy).toMatch(/^\s+bind :443$/m);
    expect(haproxy).toMatch(new RegExp(`^\\s+bind abns@sites-https accept-proxy ssl crt ${CERT_DIR}/site\\.pem alpn h2,http/1\\.1$`, 'm'));
    expect(haproxy).toMatch(/^\s+bind :80$/m);
    expect(haproxy).toMatch(/^\s+http-request redirect scheme https code 301 unless \{ ssl_fc \}$/m);
    expect(haproxy.match(/Strict-Transport-Security "max-age=\d+"/g)).toHaveLength(2);
    for (const name of nodes) {
      const config = loadConfig({ ...imageEnv(), ...envOf(name) });
      expect(config.tls, name).toBeUndefined();
      expect(config.auth.cookieSecure, name).toBe(true);
    }
  });

  const haproxyBinary = fs.existsSync('/usr/sbin/haproxy');
  it.skipIf(!haproxyBinary)('passes haproxy -c with a certificate in the mounted folder (and fails without one)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-haproxy-'));
    try {
      const local = await openLocalCa(path.join(dir, 'ca'), [dotEnv.PUBLIC_HOST!], createLogger('silent'));
      fs.mkdirSync(path.join(dir, 'certs'));
      const config = path.join(dir, 'haproxy.cfg');
      fs.writeFileSync(config, read('haproxy/haproxy.cfg').replaceAll(CERT_DIR, path.join(dir, 'certs')));
      // In a network namespace of its own: the node names it tries to resolve never leave the machine.
      const check = () =>
        spawnSync('unshare', ['--net', 'haproxy', '-c', '-f', config], {
          encoding: 'utf8',
          env: { ...process.env, ...compose.services.haproxy.environment, TURN_DOMAIN: dotEnv.TURN_DOMAIN },
        });
      const missing = check();
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toMatch(/certificate from file '.*site\.pem'/);
      fs.writeFileSync(path.join(dir, 'certs/site.pem'), local.certPem + local.keyPem);
      const valid = check();
      expect(valid.stdout + valid.stderr, valid.stderr).toMatch(/Configuration file is valid/);
      expect(valid.status).toBe(0);
      // The only warnings: the compose network's names and Docker's DNS, which exist only inside Docker.
      const warnings = valid.stderr.split('\n').filter((line) => line.includes('[WARNING]'));
      for (const warning of warnings) {
        expect(warning).toMatch(/could not resolve address '(node\d|host\.docker\.internal)'|resolvers 'docker': can't connect socket/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives coturn the nodes’ TURN secret, on the ports the nodes hand to browsers', () => {
    const command = (compose.services.coturn.command as string[]).map(interpolate);
    const turn = loadConfig({ ...imageEnv(), ...envOf('node1') }).turn!;
    expect(command).toContain(`--static-auth-secret=${turn.secret}`);
    const conf = read('coturn/turnserver.conf');
    const ports = turn.urls.map((url) => /:(\d+)(\?|$)/.exec(url)![1]);
    expect(new Set(ports)).toEqual(new Set([/^listening-port=(\d+)$/m.exec(conf)![1], /^tls-listening-port=(\d+)$/m.exec(conf)![1]]));
  });

  it('passes turns: on 443 through HAProxy to coturn by its name, coturn holding its own certificate', () => {
    const haproxy = read('haproxy/haproxy.cfg');
    const turns = loadConfig({ ...imageEnv(), ...envOf('node1') }).turn!.urls.find((url) => url.startsWith('turns:'))!;
    expect(turns).toBe(`turns:${dotEnv.TURN_DOMAIN}:443?transport=tcp`);
    expect(haproxy).toMatch(/^\s+use_backend turn-tls if \{ req\.ssl_sni -i "\$\{TURN_DOMAIN\}" \}$/m);
    expect(compose.services.haproxy.environment.TURN_DOMAIN).toBe('${TURN_DOMAIN:?set TURN_DOMAIN in .env}');
    const tlsPort = /--tls-listening-port=(\d+)/.exec((compose.services.coturn.command as string[]).join(' '))![1];
    expect(haproxy).toMatch(new RegExp(`^\\s+server coturn host\\.docker\\.internal:${tlsPort} `, 'm'));
    expect(compose.services.haproxy.extra_hosts).toContain('host.docker.internal:host-gateway');
    const conf = read('coturn/turnserver.conf');
    const certDir = path.dirname(/^cert=(.+)$/m.exec(conf)![1]!);
    expect(path.dirname(/^pkey=(.+)$/m.exec(conf)![1]!)).toBe(certDir);
    expect(compose.services.coturn.volumes.map(interpolate)).toContain(`${dotEnv.TURN_CERT_DIR}:${certDir}:ro`);
  });
});

describe('Kubernetes manifests', () => {
  const dir = path.join(deploy, 'kubernetes');
  const documents = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => loadAll(fs.readFileSync(path.join(dir, file), 'utf8')) as any[]);
  const find = (kind: string) => documents.find((d) => d.kind === kind);
  const daemonSet = find('DaemonSet');
  const pod = daemonSet.spec.template.spec;
  const container = pod.containers[0];
  /** Values the kubelet fills in from the pod's node: this test's stand-ins. */
  const fieldValues: Record<string, string> = { 'status.hostIP': '10.20.0.11', 'spec.nodeName': 'media-1' };
  const containerEnv = (): Env => {
    const env: Env = {};
    for (const e of container.env as Array<{ name: string; value?: string; valueFrom?: { fieldRef: { fieldPath: string } } }>) {
      // $(NAME) refers to a variable defined above it, as Kubernetes expands it.
      env[e.name] = e.value?.replace(/\$\((\w+)\)/g, (_all, name: string) => env[name] ?? '') ?? fieldValues[e.valueFrom!.fieldRef.fieldPath]!;
    }
    return env;
  };
  /** Variables of the container that only feed $(…) in another one (the node's name): not settings. */
  const helpers = (container.env as Array<{ name: string }>)
    .map((e) => e.name)
    .filter((name) => !settingNames.includes(name) && JSON.stringify(container.env).includes(`$(${name})`));
  /** What the container starts with: the image's ENV, then the ConfigMap and Secret, then its own env. */
  const podEnv = (): Env => ({ ...imageEnv(), ...find('ConfigMap').data, ...find('Secret').stringData, ...containerEnv() });

  it('sets only platform settings, with values config.ts accepts', () => {
    expectOnlySettings(find('ConfigMap').data, 'ConfigMap');
    expectOnlySettings(find('Secret').stringData, 'Secret');
    const own = (container.env as Array<{ name: string }>).filter((e) => !helpers.includes(e.name));
    expectOnlySettings(Object.fromEntries(own.map((e) => [e.name, ''])), 'DaemonSet env');
    expect(helpers).toEqual(['NODE_NAME']);
    expect(() => loadConfig(podEnv())).not.toThrow();
  });

  it('serves HTTPS on each node with the certificate of a mounted TLS Secret, probed over HTTPS, published on 443', () => {
    const config = loadConfig(podEnv());
    expect(config.tls?.source.kind).toBe('files');
    const { certFile, keyFile } = config.tls!.source as { certFile: string; keyFile: string };
    const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === path.dirname(certFile));
    expect(mount?.readOnly).toBe(true);
    expect(path.dirname(keyFile)).toBe(mount.mountPath);
    // A kubernetes.io/tls Secret holds tls.crt and tls.key.
    expect([path.basename(certFile), path.basename(keyFile)]).toEqual(['tls.crt', 'tls.key']);
    expect(pod.volumes.find((v: { name: string }) => v.name === mount.name).secret.secretName).toBe('province-meet-tls');
    expect(config.auth.cookieSecure).toBe(true);
    expect(config.publicUrl).toBe('https://media-1.meet.example.gov.vn:3000');
    expect(container.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 'https', scheme: 'HTTPS' });
    expect(find('Service').spec.ports).toEqual([{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }]);
  });

  it('runs media nodes on the host network with every worker port declared, UDP and TCP', () => {
    expect(pod.hostNetwork).toBe(true);
    const config = loadConfig(podEnv());
    const media = container.ports.filter((p: { name: string }) => p.name !== 'https');
    const expected = Array.from({ length: config.mediasoup.numWorkers }, (_, i) => config.mediasoup.portBase + i).flatMap((port) => [
      { containerPort: port, protocol: 'UDP' },
      { containerPort: port, protocol: 'TCP' },
    ]);
    expect(media.map(({ containerPort, protocol }: any) => ({ containerPort, protocol }))).toEqual(expect.arrayContaining(expected));
    expect(media).toHaveLength(expected.length);
    expect(container.ports.find((p: { name: string }) => p.name === 'https').containerPort).toBe(config.http.port);
  });

  it('takes a draining node out of the Service and gives it time to drain', () => {
    expect(container.lifecycle.preStop.exec.command.join(' ')).toMatch(/kill -TERM 1/);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(drainTimeoutOf(podEnv()));
    const service = find('Service');
    expect(service.spec.selector).toEqual(daemonSet.spec.selector.matchLabels);
    expect(daemonSet.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.sessionAffinity).toBe('None');
  });

  it('lists files that exist, and mounts the shared data volume where PM_DATA_DIR points', () => {
    const kustomization = yaml(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
    for (const file of kustomization.resources) expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
    const config = loadConfig(podEnv());
    expect(container.volumeMounts).toContainEqual({ name: 'data', mountPath: config.dataDir });
    expect(find('PersistentVolumeClaim').spec.accessModes).toEqual(['ReadWriteMany']);
  });
});

describe('systemd unit', () => {
  const unit = read('systemd/province-meet.service');
  const env = envFile(read('systemd/province-meet.env.example'));
  const directive = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(unit)?.[1];

  it('reads an environment file of platform settings config.ts accepts', () => {
    expect(directive('EnvironmentFile')).toBe('/etc/province-meet/province-meet.env');
    expectOnlySettings(env, 'province-meet.env.example');
    expect(() => loadConfig({ ...env, MEDIASOUP_WORKER_BIN: '/bin/true' })).not.toThrow();
  });

  it('stops with SIGTERM to the main process only, and waits longer than the drain', () => {
    expect(directive('KillSignal')).toBe('SIGTERM');
    // The mediasoup workers are the node's children: they carry media until the node closes them.
    expect(directive('KillMode')).toBe('mixed');
    expect(Number(/^(\d+)s$/.exec(directive('TimeoutStopSec')!)![1])).toBeGreaterThan(drainTimeoutOf(env));
    expect(directive('Restart')).toBe('on-failure');
    expect(Number(directive('LimitNOFILE'))).toBeGreaterThanOrEqual(65536);
  });

  it('serves HTTPS on 443 with its own certificate files, redirects 80, and may bind both without root', () => {
    const config = loadConfig({ ...env, MEDIASOUP_WORKER_BIN: '/bin/true' });
    expect(config.tls).toEqual({ source: { kind: 'files', certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE }, redirectPort: 80 });
    expect(config.http.port).toBe(443);
    expect(config.auth.cookieSecure).toBe(true);
    expect(config.publicUrl).toMatch(/^https:\/\//);
    expect(directive('AmbientCapabilities')).toBe('CAP_NET_BIND_SERVICE');
    expect(directive('User')).not.toBe('root');
  });

  it('lets the unprivileged node raise its mediasoup workers to the nice it is configured with', () => {
    const { workerNice } = loadConfig({ ...env, MEDIASOUP_WORKER_BIN: '/bin/true' }).mediasoup;
    // systemd's LimitNICE= takes a signed value as a nice level.
    expect(directive('LimitNICE')).toBe(String(workerNice));
  });

  it('runs the Node.js the bootstrap pins', () => {
    expect(directive('ExecStart')).toMatch(/^\/opt\/province-meet\/node\/bin\/node --import tsx src\/main\.ts$/);
    expect(fs.readFileSync(path.join(deploy, 'README.md'), 'utf8')).toContain('node infra/node/ensure.mjs');
  });

  const systemdAnalyze = fs.existsSync('/usr/bin/systemd-analyze');
  it.skipIf(!systemdAnalyze)('passes systemd-analyze verify', () => {
    // The node binary lives in /opt/province-meet on a server; here this test's own node stands in for it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-systemd-'));
    const copy = path.join(dir, 'province-meet.service');
    fs.writeFileSync(copy, unit.replace('/opt/province-meet/node/bin/node', process.execPath));
    try {
      // Throws, with systemd's complaint, on any unknown directive or bad value.
      const out = execFileSync('systemd-analyze', ['verify', copy], { encoding: 'utf8', stdio: 'pipe' });
      expect(out).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('coturn turnserver.conf', () => {
  const conf = read('coturn/turnserver.conf');
  const lines = conf.split('\n').filter((line) => line && !line.startsWith('#'));

  it('uses the REST API shared secret on 3478 and TLS 443', () => {
    expect(lines).toEqual(expect.arrayContaining(['listening-port=3478', 'tls-listening-port=443', 'use-auth-secret', 'no-multicast-peers']));
    expect(lines.some((line) => line.startsWith('static-auth-secret='))).toBe(true);
    expect(lines.some((line) => line.startsWith('realm='))).toBe(true);
  });

  it('denies private ranges to relays, except the SFU’s addresses', () => {
    for (const range of ['10.0.0.0-10.255.255.255', '172.16.0.0-172.31.255.255', '192.168.0.0-192.168.255.255', '127.0.0.0-127.255.255.255']) {
      expect(lines).toContain(`denied-peer-ip=${range}`);
    }
    expect(lines.filter((line) => line.startsWith('allowed-peer-ip='))).toHaveLength(1);
  });
});
