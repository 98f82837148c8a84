import type { ProtocolClient } from '../support/signallingClient.ts';
import { CLIP_FPS, type ReplayClip } from './replayClips.ts';
import { epochMs } from './rtpCounter.ts';
import { LightTransport } from './wire/lightTransport.ts';
import { senderReport } from '@pm/server/sfu/rtp/rtpPacket.ts';
import { parseCompound } from './wire/rtcp.ts';
import { buildRtp } from './wire/rtpHeader.ts';
import { packetizeFrame } from './wire/vp8.ts';

const VP8_PT = 96;
const RTX_PT = 97;
const OPUS_PT = 111;
const AUDIO_LEVEL_ID = 1;
const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';
/** RTP payloads of at most this size, as Chrome's packetizer keeps them under the path MTU. */
const MAX_PAYLOAD = 1200;
const TICK_MS = 5;
const SENDER_REPORT_MS = 1000;
/** Sent packets kept per stream to answer NACKs with (Chrome keeps about a second's worth too). */
const HISTORY = 1024;
const VIDEO_CLOCK = 90_000;
const AUDIO_CLOCK = 48_000;
const OPUS_PACKET_MS = 20;
/**
 * A keyframe sent on a layer answers every request raised before it could have arrived: requests
 * within this long of the last jump are not answered again (hundreds of sites asking at once
 * would otherwise turn the layer into keyframes only, which no encoder does).
 */
const KEYFRAME_ANSWERS_MS = 300;

/** One RTP stream we send: its numbering and what it sent, kept for retransmission. */
class SentStream {
  private extendedSeq = Math.floor(Math.random() * 0x8000);
  readonly timestampBase = (Math.random() * 0xffffffff) >>> 0;
  private readonly history = Array.from(
    { length: HISTORY },
    (): { seq: number; packet: Buffer; headerLength: number } | undefined => undefined,
  );
  packets = 0;
  octets = 0;

  constructor(
    readonly ssrc: number,
    readonly clockRate: number,
  ) {}

  next(): { seq: number; rollover: number } {
    const ext = this.extendedSeq++;
    return { seq: ext & 0xffff, rollover: Math.floor(ext / 0x10000) };
  }

  remember(seq: number, packet: Buffer, headerLength: number): void {
    this.history[seq % HISTORY] = { seq, packet, headerLength };
    this.packets++;
    this.octets += packet.length - headerLength;
  }

  recall(seq: number): { packet: Buffer; headerLength: number } | undefined {
    const kept = this.history[seq % HISTORY];
    return kept?.seq === seq ? kept : undefined;
  }
}

interface Layer {
  stream: SentStream;
  rtx: SentStream;
  frames: Buffer[];
  keyframes: number[];
  position: number;
  pictureId: number;
  lastKeyframeJumpAt: number;
}

export interface ReplayStats {
  /** Payload bytes and packets sent, retransmissions excluded. */
  octets: number;
  packets: number;
  /** Packets of each simulcast layer (lowest first) and of the voice. */
  layerPackets: number[];
  voicePackets: number;
  sentForMs: number;
  keyframeRequests: number;
  /** Requests answered with a jump to the next keyframe (the others came within 300 ms of one). */
  keyframesSentOnRequest: number;
  retransmissions: number;
}

/**
 * Sends a replay clip as a camera (three VP8 simulcast layers, each with RTX) and a microphone
 * (Opus) on one send transport, at the clip's fixed rate whatever the machine is doing: frames are
 * due by the clock, not by an encoder that can starve. VP8 is packetized per RFC 7741 with a 15-bit
 * picture id. On a PLI or FIR for a layer, that layer jumps at once to the clip's next keyframe (a
 * decodable stream either way); NACKed packets are resent on RTX; sender reports every second.
 */
export class ReplaySender {
  private readonly layers: Layer[];
  private readonly voice = new SentStream(randomSsrc(), AUDIO_CLOCK);
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = performance.now();
  private framesSent = 0;
  private voicePacketsSent = 0;
  private lastReportAt = 0;
  private keyframeRequests = 0;
  private keyframesSentOnRequest = 0;
  private retransmissions = 0;

  private constructor(
    private readonly transport: LightTransport,
    private readonly clip: ReplayClip,
  ) {
    this.layers = clip.layers.map((layer) => ({
      stream: new SentStream(randomSsrc(), VIDEO_CLOCK),
      rtx: new SentStream(randomSsrc(), VIDEO_CLOCK),
      frames: layer.frames,
      keyframes: layer.keyframes,
      position: 0,
      pictureId: Math.floor(Math.random() * 0x7fff),
      lastKeyframeJumpAt: Number.NEGATIVE_INFINITY,
    }));
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Creates the send transport, connects it, and produces the camera and the microphone. */
  static async start(signalling: ProtocolClient, clip: ReplayClip, onFailed: (reason: string) => void): Promise<ReplaySender> {
    const options = await signalling.request('media:createTransport', { direction: 'send' });
    let sender: ReplaySender | undefined;
    const transport = LightTransport.open(options, {
      rtp: () => {},
      rtcp: (compound) => sender?.receiveRtcp(compound),
      failed: onFailed,
    });
    try {
      await signalling.request('media:connectTransport', {
        transportId: options.id,
        dtlsParameters: await LightTransport.dtlsParameters(),
      });
      await transport.connect(
        (options.dtlsParameters as { fingerprints: Array<{ algorithm: string; value: string }> }).fingerprints,
      );
      sender = new ReplaySender(transport, clip);
      const cname = `replay-${clip.name}`;
      await signalling.request('media:produce', {
        transportId: options.id,
        kind: 'video',
        source: 'camera',
        rtpParameters: {
          codecs: [
            {
              mimeType: 'video/VP8',
              payloadType: VP8_PT,
              clockRate: VIDEO_CLOCK,
              parameters: {},
              rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
            },
            { mimeType: 'video/rtx', payloadType: RTX_PT, clockRate: VIDEO_CLOCK, parameters: { apt: VP8_PT }, rtcpFeedback: [] },
          ],
          headerExtensions: [],
          encodings: sender.layers.map((layer) => ({
            ssrc: layer.stream.ssrc,
            rtx: { ssrc: layer.rtx.ssrc },
            scalabilityMode: 'L1T1',
          })),
          rtcp: { cname, reducedSize: true },
        },
      });
      await signalling.request('media:produce', {
        transportId: options.id,
        kind: 'audio',
        source: 'microphone',
        rtpParameters: {
          codecs: [
            {
              mimeType: 'audio/opus',
              payloadType: OPUS_PT,
              clockRate: AUDIO_CLOCK,
              channels: 2,
              parameters: { minptime: 10, useinbandfec: 1 },
              rtcpFeedback: [],
            },
          ],
          headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: AUDIO_LEVEL_ID }],
          encodings: [{ ssrc: sender.voice.ssrc }],
          rtcp: { cname, reducedSize: true },
        },
      });
      return sender;
    } catch (error) {
      sender?.close();
      transport.close();
      throw error;
    }
  }

  stats(): ReplayStats {
    const streams = [...this.layers.map((l) => l.stream), this.voice];
    return {
      octets: streams.reduce((n, s) => n + s.octets, 0),
      packets: streams.reduce((n, s) => n + s.packets, 0),
      layerPackets: this.layers.map((l) => l.stream.packets),
      voicePackets: this.voice.packets,
      sentForMs: performance.now() - this.startedAt,
      keyframeRequests: this.keyframeRequests,
      keyframesSentOnRequest: this.keyframesSentOnRequest,
      retransmissions: this.retransmissions,
    };
  }

  close(): void {
    clearInterval(this.timer);
    this.transport.close();
  }

  /** Sends every frame and voice packet whose time has come since the start. */
  private tick(): void {
    const elapsed = performance.now() - this.startedAt;
    while (this.framesSent * (1000 / CLIP_FPS) <= elapsed) {
      for (const layer of this.layers) this.sendFrame(layer, this.framesSent);
      this.framesSent++;
    }
    while (this.voicePacketsSent * OPUS_PACKET_MS <= elapsed) this.sendVoice(this.voicePacketsSent++);
    if (elapsed - this.lastReportAt >= SENDER_REPORT_MS) {
      this.lastReportAt = elapsed;
      this.sendReports(elapsed);
    }
  }

  private sendFrame(layer: Layer, frameNumber: number): void {
    const frame = layer.frames[layer.position]!;
    layer.position = (layer.position + 1) % layer.frames.length;
    const timestamp = layer.stream.timestampBase + Math.round((frameNumber * VIDEO_CLOCK) / CLIP_FPS);
    const payloads = packetizeFrame(frame, layer.pictureId++, MAX_PAYLOAD);
    payloads.forEach((payload, i) => {
      const { seq, rollover } = layer.stream.next();
      const { packet, headerLength } = buildRtp({
        payloadType: VP8_PT,
        marker: i === payloads.length - 1,
        sequenceNumber: seq,
        timestamp,
        ssrc: layer.stream.ssrc,
        payload,
      });
      layer.stream.remember(seq, packet, headerLength);
      this.transport.sendRtp(packet, headerLength, rollover);
    });
  }

  private sendVoice(packetNumber: number): void {
    const { seq, rollover } = this.voice.next();
    const { packet, headerLength } = buildRtp({
      payloadType: OPUS_PT,
      marker: packetNumber === 0,
      sequenceNumber: seq,
      timestamp: this.voice.timestampBase + packetNumber * (AUDIO_CLOCK / 1000) * OPUS_PACKET_MS,
      ssrc: this.voice.ssrc,
      // A steady tone at −30 dBov, voice activity set: the SFU's speaker detection hears it.
      extensions: [{ id: AUDIO_LEVEL_ID, value: Buffer.from([0x80 | 30]) }],
      payload: this.clip.opus[packetNumber % this.clip.opus.length]!,
    });
    this.voice.remember(seq, packet, headerLength);
    this.transport.sendRtp(packet, headerLength, rollover);
  }

  private sendReports(elapsed: number): void {
    const now = epochMs();
    const reports = [...this.layers.map((l) => l.stream), this.voice].map((s) =>
      senderReport(s.ssrc, now, s.timestampBase + Math.round((elapsed * s.clockRate) / 1000), s.packets, s.octets),
    );
    this.transport.sendRtcp(Buffer.concat(reports));
  }

  private receiveRtcp(compound: Buffer): void {
    for (const message of parseCompound(compound)) {
      const layer = message.type === 'sr' ? undefined : this.layers.find((l) => l.stream.ssrc === message.mediaSsrc);
      if (!layer) continue;
      if (message.type === 'keyframe') {
        this.keyframeRequests++;
        const now = performance.now();
        if (now - layer.lastKeyframeJumpAt < KEYFRAME_ANSWERS_MS) continue;
        layer.lastKeyframeJumpAt = now;
        this.keyframesSentOnRequest++;
        layer.position = layer.keyframes.find((k) => k >= layer.position) ?? 0;
      } else if (message.type === 'nack') {
        for (const seq of message.sequenceNumbers) this.retransmit(layer, seq);
      }
    }
  }

  /** RFC 4588: the original payload behind its sequence number, on the layer's RTX stream. */
  private retransmit(layer: Layer, seq: number): void {
    const kept = layer.stream.recall(seq);
    if (!kept) return;
    const osn = Buffer.alloc(2);
    osn.writeUInt16BE(seq, 0);
    const { seq: rtxSeq, rollover } = layer.rtx.next();
    const { packet, headerLength } = buildRtp({
      payloadType: RTX_PT,
      marker: (kept.packet[1]! & 0x80) !== 0,
      sequenceNumber: rtxSeq,
      timestamp: kept.packet.readUInt32BE(4),
      ssrc: layer.rtx.ssrc,
      payload: Buffer.concat([osn, kept.packet.subarray(kept.headerLength)]),
    });
    this.retransmissions++;
    this.transport.sendRtp(packet, headerLength, rollover);
  }
}

function randomSsrc(): number {
  return (Math.random() * 0xffffffff) >>> 0;
}
