import type { ConsumerPurpose, ServerEventPayload } from '@pm/shared';
import type { ProtocolClient } from '../support/signallingClient.ts';
import { ReceivedStream } from './receivedStream.ts';
import { epochMs, type RtpCounts } from './rtpCounter.ts';
import { LightTransport } from './wire/lightTransport.ts';
import { nack, parseCompound, pli, receiverReport, type ReportBlock } from './wire/rtcp.ts';
import { extensionValue, rtp } from './wire/rtpHeader.ts';
import { TransportFeedback } from './wire/transportFeedback.ts';
import type { FrameStart } from './wire/vp8.ts';

export type NewConsumer = ServerEventPayload<'media:newConsumer'>;

const TRANSPORT_CC_URI = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';
/** Chrome sends transport-wide feedback about every 100 ms, and receiver reports about every second. */
const FEEDBACK_INTERVAL_MS = 100;
const REPORT_EVERY_TICKS = 10;

/** One consumer as the bot received it: what it is and how much of it arrived. */
export interface ReceivedConsumer {
  consumerId: string;
  producerId: string;
  kind: 'audio' | 'video';
  purpose: ConsumerPurpose;
  /** The site whose media the server said this is; null for the chair. */
  siteId: string | null;
  createdAt: number;
  closedAt: number | undefined;
  /** Packets and payload bytes (RTP header and SRTP tag excluded). */
  counts: RtpCounts;
  /** For video: when the first keyframe started (a picture could be shown from then on). */
  firstKeyframeAt: number | undefined;
  nacksSent: number;
  plisSent: number;
}

interface Receiving {
  info: Omit<ReceivedConsumer, 'counts' | 'closedAt' | 'firstKeyframeAt' | 'nacksSent' | 'plisSent'>;
  stream: ReceivedStream;
  closedAt: number | undefined;
  firstKeyframeAt: number | undefined;
}

/** What a consumer's RTP parameters say about its streams, in mediasoup's shape. */
interface ConsumerRtpParameters {
  codecs: Array<{ mimeType: string; clockRate: number }>;
  encodings: Array<{ ssrc: number; rtx?: { ssrc: number } }>;
  headerExtensions?: Array<{ uri: string; id: number }>;
}

/**
 * One join's receive side, as the web client's MediaSession builds it, on the wire: one receive
 * transport (ICE, DTLS, SRTP of LightTransport), a stream per `media:newConsumer`, resumed once
 * it exists. RTP is counted from its headers; transport-wide feedback, receiver reports, NACK and
 * PLI go back as a browser sends them.
 */
export class BotMedia {
  private readonly receiving = new Map<string, Receiving>();
  private readonly bySsrc = new Map<number, Receiving>();
  private readonly byRtxSsrc = new Map<number, Receiving>();
  /** Consumers the server closed before their local side was built. */
  private readonly closedEarly = new Set<string>();
  private readonly feedback = new TransportFeedback();
  private readonly rtcpSsrc = (Math.random() * 0xffffffff) >>> 0;
  private transportCcId = -1;
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;
  private closed = false;
  /** Packets of no consumer of ours (mediasoup's bandwidth probation, late packets of a closed one). */
  unknownPackets = 0;

  private constructor(
    private readonly transport: LightTransport,
    private readonly onKeyframe: (consumer: ReceivedConsumer, frame: FrameStart, at: number) => void,
  ) {
    this.timer = setInterval(() => this.tick(), FEEDBACK_INTERVAL_MS);
  }

  /**
   * Creates the receive transport and tells the server our DTLS parameters; ICE and DTLS then run
   * in the background (`onTransportFailed` if they fail), as a browser's do while it goes on.
   */
  static async open(
    signalling: ProtocolClient,
    onTransportFailed: (reason: string) => void,
    onKeyframe: (consumer: ReceivedConsumer, frame: FrameStart, at: number) => void,
    /** ICE and DTLS completed: SRTP keys exist and media can flow. */
    onSecured: () => void,
  ): Promise<BotMedia> {
    const options = await signalling.request('media:createTransport', { direction: 'recv' });
    // The transport's handlers reach the media once it exists (no packet can arrive before).
    const built: { media?: BotMedia } = {};
    const transport = LightTransport.open(options, {
      rtp: (packet, at) => built.media?.receive(packet, at),
      rtcp: (compound) => built.media?.receiveRtcp(compound),
      failed: (reason) => onTransportFailed(reason),
    });
    const media = new BotMedia(transport, onKeyframe);
    built.media = media;
    try {
      await signalling.request('media:connectTransport', {
        transportId: options.id,
        dtlsParameters: await LightTransport.dtlsParameters(),
      });
    } catch (error) {
      media.close();
      throw error;
    }
    const fingerprints = (options.dtlsParameters as { fingerprints: Array<{ algorithm: string; value: string }> }).fingerprints;
    transport.connect(fingerprints).then(onSecured, (error: unknown) => {
      if (!media.closed) onTransportFailed(error instanceof Error ? error.message : String(error));
    });
    return media;
  }

  /** Starts receiving the consumer's streams, then asks the server to resume it. */
  async consume(signalling: ProtocolClient, offer: NewConsumer): Promise<void> {
    if (this.closed) throw new Error('media closed (the bot rejoined meanwhile)');
    const parameters = offer.rtpParameters as unknown as ConsumerRtpParameters;
    const encoding = parameters.encodings[0];
    if (!encoding) throw new Error(`consumer ${offer.id} has no encoding`);
    const transportCc = parameters.headerExtensions?.find((e) => e.uri === TRANSPORT_CC_URI);
    if (transportCc) this.transportCcId = transportCc.id;
    const entry: Receiving = {
      info: {
        consumerId: offer.id,
        producerId: offer.producerId,
        kind: offer.kind,
        purpose: offer.purpose,
        siteId: offer.siteId,
        createdAt: epochMs(),
      },
      stream: new ReceivedStream(
        encoding.ssrc,
        encoding.rtx?.ssrc,
        offer.kind,
        parameters.codecs[0]?.clockRate ?? 90000,
        {
          nack: (mediaSsrc, seqs) => this.transport.sendRtcp(nack(this.rtcpSsrc, mediaSsrc, seqs)),
          pli: (mediaSsrc) => this.transport.sendRtcp(pli(this.rtcpSsrc, mediaSsrc)),
        },
        (frame, at) => {
          entry.firstKeyframeAt ??= at;
          this.onKeyframe(this.describe(entry), frame, at);
        },
      ),
      closedAt: undefined,
      firstKeyframeAt: undefined,
    };
    this.receiving.set(offer.id, entry);
    this.bySsrc.set(encoding.ssrc, entry);
    if (encoding.rtx) this.byRtxSsrc.set(encoding.rtx.ssrc, entry);
    if (this.closedEarly.delete(offer.id)) this.closeConsumer(offer.id);
    else await signalling.request('media:resumeConsumer', { consumerId: offer.id });
  }

  closeConsumer(consumerId: string): void {
    const entry = this.receiving.get(consumerId);
    if (!entry) {
      this.closedEarly.add(consumerId);
      return;
    }
    if (entry.closedAt !== undefined) return;
    entry.closedAt = epochMs();
    this.bySsrc.delete(entry.stream.ssrc);
    if (entry.stream.rtxSsrc !== undefined) this.byRtxSsrc.delete(entry.stream.rtxSsrc);
  }

  consumers(): ReceivedConsumer[] {
    return [...this.receiving.values()].map((entry) => this.describe(entry));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const consumerId of this.receiving.keys()) this.closeConsumer(consumerId);
    this.transport.close();
  }

  private receive(packet: Buffer, at: number): void {
    const keys = this.transport.keys!.remote;
    if (this.transportCcId > 0) {
      const transportSeq = extensionValue(packet, this.transportCcId);
      if (transportSeq >= 0) this.feedback.add(transportSeq, at * 1000);
    }
    const ssrc = rtp.ssrc(packet);
    const entry = this.bySsrc.get(ssrc);
    if (entry) return entry.stream.receive(packet, at, keys);
    const repaired = this.byRtxSsrc.get(ssrc);
    if (repaired) return repaired.stream.receiveRetransmission(packet, at, keys);
    this.unknownPackets++;
  }

  private receiveRtcp(compound: Buffer): void {
    const now = epochMs();
    for (const message of parseCompound(compound)) {
      if (message.type === 'sr') this.bySsrc.get(message.ssrc)?.stream.senderReport(message.ntpMiddle, now);
    }
  }

  private tick(): void {
    if (!this.transport.keys) return;
    const now = epochMs();
    const open = [...this.bySsrc.values()];
    const transportFeedback = this.feedback.take(this.rtcpSsrc, open[0]?.stream.ssrc ?? 0);
    if (transportFeedback) this.transport.sendRtcp(transportFeedback);
    for (const entry of open) entry.stream.tick(now);
    if (++this.ticks % REPORT_EVERY_TICKS === 0) {
      const blocks = open.map((entry) => entry.stream.reportBlock(now)).filter((b): b is ReportBlock => !!b);
      // At most 31 report blocks fit one RR; a site receives three or four streams.
      if (blocks.length > 0) this.transport.sendRtcp(receiverReport(this.rtcpSsrc, blocks.slice(0, 31)));
    }
  }

  private describe(entry: Receiving): ReceivedConsumer {
    return {
      ...entry.info,
      closedAt: entry.closedAt,
      counts: entry.stream.counter.counts(),
      firstKeyframeAt: entry.firstKeyframeAt,
      nacksSent: entry.stream.nacksSent,
      plisSent: entry.stream.plisSent,
    };
  }
}
