import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@pm/server/logger.ts';
import { mediaCodecs } from '@pm/server/sfu/mediaCodecs.ts';
import type { ms } from '@pm/server/sfu/mediasoupModule.ts';
import { plainCapabilities } from '@pm/server/sfu/plainCapabilities.ts';
import { WorkerPool } from '@pm/server/sfu/workerPool.ts';
import { freeMediaPortBase } from '@pm/server/testing/mediaPorts.ts';
import { syntheticCamera, type SyntheticCamera } from '@pm/server/testing/syntheticSource.ts';
import { headerLength } from '../bots/wire/rtpHeader.ts';
import { unprotectRtpPayload } from '../bots/wire/srtpGcm.ts';
import { LightTransport } from '../bots/wire/lightTransport.ts';

/**
 * The bots' own DTLS client against the DTLS server it meets in a meeting, mediasoup's (OpenSSL):
 * the handshake completes on both sides, the keys it exports open the server's SRTP, and a server
 * whose certificate is not the one signalled is refused.
 */
describe('the light bots’ DTLS client against a mediasoup WebRtcTransport', () => {
  let pool: WorkerPool;
  let router: ms.Router;
  let camera: SyntheticCamera;
  const opened: Array<{ server: ms.WebRtcTransport; bot: LightTransport }> = [];

  beforeAll(async () => {
    pool = await WorkerPool.start(
      { workerBin: process.env.MEDIASOUP_WORKER_BIN!, numWorkers: 1, listenIp: '127.0.0.1', portBase: await freeMediaPortBase(1), rtcPorts: { min: 30000, max: 32000 } },
      createLogger('silent'),
    );
    router = await pool.slot(0).worker.createRouter({ mediaCodecs });
    camera = await syntheticCamera(router, 1, { layers: 1 });
  });

  afterAll(async () => {
    for (const { server, bot } of opened) {
      bot.close();
      server.close();
    }
    camera?.close();
    await pool?.close();
  });

  /** A server transport and a bot transport facing it, the bot's DTLS parameters already given to the server. */
  async function transportPair(onRtp: (packet: Buffer) => void = () => {}) {
    const server = await router.createWebRtcTransport({ webRtcServer: pool.slot(0).webRtcServer, enableUdp: true });
    const options = { id: server.id, iceParameters: server.iceParameters, iceCandidates: server.iceCandidates, dtlsParameters: server.dtlsParameters };
    const bot = LightTransport.open(options, { rtp: onRtp, rtcp: () => {}, failed: () => {} });
    opened.push({ server, bot });
    await server.connect({ dtlsParameters: await LightTransport.dtlsParameters() });
    return { server, bot };
  }

  it('completes the handshake with OpenSSL and opens the server’s SRTP with the exported keys', async () => {
    const packets: Buffer[] = [];
    const { server, bot } = await transportPair((packet) => packets.push(packet));
    await bot.connect(server.dtlsParameters.fingerprints);
    await expect.poll(() => server.dtlsState).toBe('connected');
    const consumer = await server.consume({ producerId: camera.producer.id, rtpCapabilities: plainCapabilities(router) });
    await expect.poll(() => packets.length, { timeout: 5000 }).toBeGreaterThan(5);
    for (const packet of packets.slice(0, 5)) {
      expect(() => unprotectRtpPayload(bot.keys!.remote, packet, headerLength(packet), 0)).not.toThrow();
    }
    consumer.close();
  });

  it('refuses a server whose certificate is not the one signalled', async () => {
    const { server, bot } = await transportPair();
    const [genuine] = server.dtlsParameters.fingerprints.filter((f) => f.algorithm === 'sha-256');
    const forged = { algorithm: 'sha-256', value: genuine!.value.replace(/^../, (byte) => (byte === '00' ? '01' : '00')) };
    await expect(bot.connect([forged])).rejects.toThrow(/does not match its signalled fingerprint/);
    expect(server.dtlsState).not.toBe('connected');
  });

  it('completes forty handshakes started at once, as in a join storm', async () => {
    const pairs = await Promise.all(Array.from({ length: 40 }, () => transportPair()));
    await Promise.all(pairs.map(({ server, bot }) => bot.connect(server.dtlsParameters.fingerprints)));
    await expect.poll(() => pairs.filter(({ server }) => server.dtlsState === 'connected').length).toBe(40);
  });
});
