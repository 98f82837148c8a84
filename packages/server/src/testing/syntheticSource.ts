/**
 * Media of our own making for tests against a real mediasoup worker: a "camera" that sends VP8
 * simulcast frames (one RTP packet each, valid payload descriptors, a byte naming the source and
 * the layer) and answers keyframe requests at once, and a "microphone" sending Opus-sized packets.
 * mediasoup reads only the RTP headers and VP8 descriptors, so no encoder is needed.
 */
import dgram from 'node:dgram';
import { readFeedback } from '../sfu/rtp/rtcpFeedback.js';
import { buildRtp, isRtcp, isRtp, RTP_HEADER, rtp, senderReport } from '../sfu/rtp/rtpPacket.js';
import type { ms } from '../sfu/mediasoupModule.js';

const VP8_PT = 96;
const OPUS_PT = 111;

/** A VP8 payload: descriptor with a 15-bit picture id and TL0PICIDX, then a frame header byte, then a tag. */
function vp8Frame(pictureId: number, key: boolean, tag: number): Buffer {
  return Buffer.from([0x90, 0xc0, 0x80 | ((pictureId >> 8) & 0x7f), pictureId & 0xff, pictureId & 0xff, key ? 0x9c : 0x9d, 0x01, 0x2a, tag]);
}

/** The tag a synthetic frame carries: which source (high nibble) and layer (low nibble). */
export function frameTag(packet: Buffer): number | undefined {
  if (!isRtp(packet)) return undefined;
  return packet[packet.length - 1];
}

export const tagOf = (source: number, layer: number) => (source << 4) | layer;

export interface SyntheticCamera {
  producer: ms.Producer;
  /** Keyframe requests it received, by layer. */
  keyframeRequests: number[];
  /** Keyframes it sent, by layer. */
  keyframesSent: number[];
  close(): void;
}

async function plainSender(router: ms.Router): Promise<{ transport: ms.PlainTransport; socket: dgram.Socket }> {
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { transport, socket };
}

/**
 * A simulcast camera (three layers) named by `source` (1–15), sending at `fps` on `router`, with a
 * sender report per layer every second as a browser sends (mediasoup moves a consumer between
 * simulcast layers only once both have one). With `minKeyframeIntervalMs` it ignores a keyframe
 * request that comes sooner than that after its last keyframe, as libwebrtc does (300 ms).
 */
export async function syntheticCamera(
  router: ms.Router,
  source: number,
  options: { fps?: number; layers?: number; minKeyframeIntervalMs?: number } = {},
): Promise<SyntheticCamera> {
  const layers = options.layers ?? 3;
  const { transport, socket } = await plainSender(router);
  const ssrcs = Array.from({ length: layers }, (_, layer) => 0x100000 * source + layer + 1);
  const producer = await transport.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] }],
      encodings: ssrcs.map((ssrc) => ({ ssrc })),
    },
    appData: { source: 'camera' },
  });
  const keyframeRequests = new Array<number>(layers).fill(0);
  const keyframesSent = new Array<number>(layers).fill(0);
  const lastKeyframeAt = new Array<number>(layers).fill(Number.NEGATIVE_INFINITY);
  const wantsKey = new Array<boolean>(layers).fill(true);
  socket.on('message', (packet) => {
    if (!isRtcp(packet)) return;
    for (const feedback of readFeedback(packet)) {
      const layer = ssrcs.indexOf(feedback.mediaSsrc);
      if (feedback.kind === 'keyframe' && layer >= 0) {
        keyframeRequests[layer]!++;
        if (Date.now() - lastKeyframeAt[layer]! >= (options.minKeyframeIntervalMs ?? 0)) wantsKey[layer] = true;
      }
    }
  });
  let frame = 0;
  let sent = 0;
  const reports = setInterval(() => {
    for (const ssrc of ssrcs) socket.send(senderReport(ssrc, Date.now(), frame * 3000, sent, sent * 9), transport.tuple.localPort, '127.0.0.1');
  }, 1000);
  const timer = setInterval(() => {
    frame++;
    for (let layer = 0; layer < layers; layer++) {
      const key = wantsKey[layer]!;
      wantsKey[layer] = false;
      if (key) {
        keyframesSent[layer]!++;
        lastKeyframeAt[layer] = Date.now();
      }
      const packet = buildRtp(VP8_PT, frame, frame * 3000, ssrcs[layer]!, vp8Frame(frame, key, tagOf(source, layer)));
      packet[1]! |= 0x80; // one packet per frame: it ends the frame
      socket.send(packet, transport.tuple.localPort, '127.0.0.1');
      sent++;
    }
  }, 1000 / (options.fps ?? 30));
  return {
    producer,
    keyframeRequests,
    keyframesSent,
    close: () => {
      clearInterval(timer);
      clearInterval(reports);
      socket.close();
      transport.close();
    },
  };
}

/** A microphone: an Opus-sized packet every 20 ms, its last byte naming the source. */
export async function syntheticMicrophone(router: ms.Router, source: number): Promise<{ producer: ms.Producer; close(): void }> {
  const { transport, socket } = await plainSender(router);
  const ssrc = 0x200000 * source + 7;
  const producer = await transport.produce({
    kind: 'audio',
    rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2 }], encodings: [{ ssrc }] },
    appData: { source: 'microphone' },
  });
  let seq = 0;
  const timer = setInterval(() => {
    seq++;
    socket.send(buildRtp(OPUS_PT, seq, seq * 960, ssrc, Buffer.from([0xf8, 0xff, 0xfe, tagOf(source, 0)])), transport.tuple.localPort, '127.0.0.1');
  }, 20);
  return {
    producer,
    close: () => {
      clearInterval(timer);
      socket.close();
      transport.close();
    },
  };
}

/** What a receiver on a plain transport got: every RTP packet with its arrival time. */
export interface PlainReceiver {
  packets: Array<{ at: number; ssrc: number; seq: number; timestamp: number; tag: number | undefined; payloadLength: number }>;
  consumer: ms.Consumer;
  /** Sends a keyframe request for its consumer, as a viewer switching layers would. */
  askKeyframe(): Promise<void>;
  close(): void;
}

/** Consumes `producer` on a plain transport of `router` and records what arrives. */
export async function plainReceiver(router: ms.Router, producer: ms.Producer, rtpCapabilities: ms.RtpCapabilities, spatialLayer?: number): Promise<PlainReceiver> {
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
  const consumer = await transport.consume({
    producerId: producer.id,
    rtpCapabilities,
    paused: true,
    ...(spatialLayer === undefined ? {} : { preferredLayers: { spatialLayer } }),
  });
  const packets: PlainReceiver['packets'] = [];
  socket.on('message', (packet) => {
    if (!isRtp(packet)) return;
    packets.push({
      at: Date.now(),
      ssrc: rtp.ssrc(packet),
      seq: rtp.seq(packet),
      timestamp: rtp.timestamp(packet),
      tag: frameTag(packet),
      payloadLength: packet.length - RTP_HEADER,
    });
  });
  await consumer.resume();
  return {
    packets,
    consumer,
    askKeyframe: () => consumer.requestKeyFrame(),
    close: () => {
      socket.close();
      transport.close();
    },
  };
}
