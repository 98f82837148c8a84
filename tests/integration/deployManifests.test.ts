import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load, loadAll, mergeTag } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig, settingNames } from '@pm/server/config.ts';

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
});

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
      const media = published(name).filter((p) => p.container !== config.http.port);
      const expected = Array.from({ length: config.mediasoup.numWorkers }, (_, i) => config.mediasoup.portBase + i).flatMap((port) => [
        { host: port, container: port, protocol: 'udp' },
        { host: port, container: port, protocol: 'tcp' },
      ]);
      // Other nodes reach this one's pipe transports (one meeting across nodes) in its RTC range.
      const { min, max } = config.mediasoup.rtcPorts;
      expect(max - min, name).toBeLessThan(1000);
      for (let port = min; port <= max; port++) expected.push({ host: port, container: port, protocol: 'udp' });
      expect(media, name).toEqual(expect.arrayContaining(expected));
      expect(media, name).toHaveLength(expected.length);
      for (const p of published(name)) {
        expect(taken.has(`${p.host}/${p.protocol}`), `${name} ${p.host}/${p.protocol}`).toBe(false);
        taken.add(`${p.host}/${p.protocol}`);
      }
      // Another node sends sites to PUBLIC_URL: it must be this node's published HTTP port.
      const http = published(name).find((p) => p.container === config.http.port)!;
      expect(new URL(config.publicUrl!).port, name).toBe(String(http.host));
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
    expect(haproxy).toMatch(/http-request deny .*\{ path \/metrics \}.*\{ path \/api\/admin\/drain \}/);
    expect(compose.services.haproxy.volumes).toContain('./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
  });

  it('gives coturn the nodes’ TURN secret, on the ports the nodes hand to browsers', () => {
    const command = (compose.services.coturn.command as string[]).map(interpolate);
    const turn = loadConfig({ ...imageEnv(), ...envOf('node1') }).turn!;
    expect(command).toContain(`--static-auth-secret=${turn.secret}`);
    const conf = read('coturn/turnserver.conf');
    const ports = turn.urls.map((url) => /:(\d+)(\?|$)/.exec(url)![1]);
    expect(new Set(ports)).toEqual(new Set([/^listening-port=(\d+)$/m.exec(conf)![1], /^tls-listening-port=(\d+)$/m.exec(conf)![1]]));
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
  /** What the container starts with: the image's ENV, then the ConfigMap and Secret, then its own env. */
  const podEnv = (): Env => ({
    ...imageEnv(),
    ...find('ConfigMap').data,
    ...find('Secret').stringData,
    ...Object.fromEntries(
      container.env.map((e: { name: string; value?: string }) => [e.name, e.value?.replace('$(MEDIASOUP_ANNOUNCED_IP)', '10.20.0.11') ?? '10.20.0.11']),
    ),
  });

  it('sets only platform settings, with values config.ts accepts', () => {
    expectOnlySettings(find('ConfigMap').data, 'ConfigMap');
    expectOnlySettings(find('Secret').stringData, 'Secret');
    expectOnlySettings(Object.fromEntries(container.env.map((e: { name: string }) => [e.name, ''])), 'DaemonSet env');
    expect(() => loadConfig(podEnv())).not.toThrow();
  });

  it('runs media nodes on the host network with every worker port declared, UDP and TCP', () => {
    expect(pod.hostNetwork).toBe(true);
    const config = loadConfig(podEnv());
    const media = container.ports.filter((p: { name: string }) => p.name !== 'http');
    const expected = Array.from({ length: config.mediasoup.numWorkers }, (_, i) => config.mediasoup.portBase + i).flatMap((port) => [
      { containerPort: port, protocol: 'UDP' },
      { containerPort: port, protocol: 'TCP' },
    ]);
    expect(media.map(({ containerPort, protocol }: any) => ({ containerPort, protocol }))).toEqual(expect.arrayContaining(expected));
    expect(media).toHaveLength(expected.length);
    expect(container.ports.find((p: { name: string }) => p.name === 'http').containerPort).toBe(config.http.port);
  });

  it('takes a draining node out of the Service and gives it time to drain', () => {
    expect(container.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.lifecycle.preStop.exec.command.join(' ')).toMatch(/kill -TERM 1/);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(drainTimeoutOf(podEnv()));
    const service = find('Service');
    expect(service.spec.selector).toEqual(daemonSet.spec.selector.matchLabels);
    expect(daemonSet.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports[0].targetPort).toBe('http');
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

  const systemdAnalyze = fs.existsSync('/usr/bin/systemd-analyze') && fs.existsSync('/usr/bin/node');
  it.skipIf(!systemdAnalyze)('passes systemd-analyze verify', () => {
    // Throws, with systemd's complaint, on any unknown directive or bad value.
    const out = execFileSync('systemd-analyze', ['verify', path.join(deploy, 'systemd/province-meet.service')], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toBe('');
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
