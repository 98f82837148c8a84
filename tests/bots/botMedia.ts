import type { ConsumerPurpose, ServerEventPayload } from '@pm/shared';
import type { Device, types } from 'mediasoup-client';
import type { MediaStreamTrack as WeriftTrack } from 'werift';
import type { BotSignalling } from './botSignalling.ts';
import { epochMs, RtpCounter, type RtpCounts } from './rtpCounter.ts';
import { loadBotDevice } from './weriftDevice.ts';

export type NewConsumer = ServerEventPayload<'media:newConsumer'>;

/** One consumer as the bot received it: what it is and how much of it arrived. */
export interface ReceivedConsumer {
  consumerId: string;
  producerId: string;
  kind: 'audio' | 'video';
  purpose: ConsumerPurpose;
  /** The site whose media this is; null for the chair. */
  siteId: string | null;
  createdAt: number;
  closedAt: number | undefined;
  /** Packets and payload bytes (RTP header excluded). */
  counts: RtpCounts;
}

interface Receiving {
  info: Omit<ReceivedConsumer, 'counts' | 'closedAt'>;
  counter: RtpCounter;
  consumer: types.Consumer;
  closedAt: number | undefined;
}

/**
 * One join's receive side, as the web client's MediaSession builds it: a Device loaded with the
 * router's capabilities, one receive transport, and a consumer per `media:newConsumer`, resumed
 * once it exists. Every consumer's RTP is counted; nothing is decoded.
 */
export class BotMedia {
  private readonly receiving = new Map<string, Receiving>();
  /** Consumers the server closed before their local side was built. */
  private readonly closedEarly = new Set<string>();
  private closed = false;

  private constructor(
    private readonly device: Device,
    private readonly transport: types.Transport,
  ) {}

  static async open(
    signalling: BotSignalling,
    routerRtpCapabilities: types.RtpCapabilities,
    onTransportFailed: () => void,
  ): Promise<BotMedia> {
    const device = await loadBotDevice(routerRtpCapabilities);
    const options = await signalling.request('media:createTransport', { direction: 'recv' });
    const transport = device.createRecvTransport({
      id: options.id,
      iceParameters: options.iceParameters as types.IceParameters,
      iceCandidates: options.iceCandidates as types.IceCandidate[],
      dtlsParameters: options.dtlsParameters as types.DtlsParameters,
    });
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      signalling
        .request('media:connectTransport', { transportId: transport.id, dtlsParameters: { ...dtlsParameters } })
        .then(() => callback(), errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed') onTransportFailed();
    });
    return new BotMedia(device, transport);
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.device.rtpCapabilities;
  }

  /** Builds the local consumer, starts counting its packets, then asks the server to resume it. */
  async consume(signalling: BotSignalling, offer: NewConsumer): Promise<ReceivedConsumer> {
    if (this.closed) throw new Error('media closed (the bot rejoined meanwhile)');
    const consumer = await this.transport.consume({
      id: offer.id,
      producerId: offer.producerId,
      kind: offer.kind,
      rtpParameters: offer.rtpParameters as types.RtpParameters,
    });
    const counter = new RtpCounter();
    // mediasoup-client types the track as the DOM's; under werift it is werift's, which emits RTP.
    (consumer.track as unknown as WeriftTrack).onReceiveRtp.subscribe((rtp) => {
      counter.add(rtp.header.sequenceNumber, rtp.payload.length);
    });
    const entry: Receiving = {
      info: {
        consumerId: offer.id,
        producerId: offer.producerId,
        kind: offer.kind,
        purpose: offer.purpose,
        siteId: offer.siteId,
        createdAt: epochMs(),
      },
      counter,
      consumer,
      closedAt: undefined,
    };
    this.receiving.set(offer.id, entry);
    if (this.closedEarly.delete(offer.id)) this.closeConsumer(offer.id);
    else await signalling.request('media:resumeConsumer', { consumerId: offer.id });
    return this.describe(entry);
  }

  closeConsumer(consumerId: string): void {
    const entry = this.receiving.get(consumerId);
    if (!entry) {
      this.closedEarly.add(consumerId);
      return;
    }
    if (entry.closedAt !== undefined) return;
    entry.closedAt = epochMs();
    entry.consumer.close();
  }

  consumers(): ReceivedConsumer[] {
    return [...this.receiving.values()].map((entry) => this.describe(entry));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const consumerId of this.receiving.keys()) this.closeConsumer(consumerId);
    this.transport.close();
  }

  private describe(entry: Receiving): ReceivedConsumer {
    return { ...entry.info, closedAt: entry.closedAt, counts: entry.counter.counts() };
  }
}
