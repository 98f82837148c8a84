import {
  CodedError,
  type ConsumerOptions,
  type MediaKind,
  type QualityFigures,
  type TrackSource,
  type TransportOptions,
} from '@pm/shared';
import type { ms } from './mediasoupModule.js';
import type { ConsumeOptions, ParticipantMedia, ReceivedTrack } from './participantMedia.js';
import { receivedStreamFigures } from './receivedStreamFigures.js';
import type { WorkerSlot } from './workerPool.js';

/**
 * Where a client's media run: a router on a worker where the client is counted from the moment of
 * placement (WorkerPool.reservePeer); `release` gives the count back, once, when the media close.
 */
export interface PeerPlacement {
  slot: WorkerSlot;
  router: ms.Router;
  release: () => void;
}

export interface PeerMediaEvents {
  consumerClosed(consumerId: string): void;
  /** A producer of this peer opened; its owner decides whether anyone should receive it. */
  producerOpened?(producer: ms.Producer): void;
}

/**
 * One client's media on one router: its WebRTC transports, what it sends (producers) and what it
 * receives (consumers). It is the only owner of these objects; `close()` closes them all and is
 * safe to call twice.
 */
export class PeerMedia implements ParticipantMedia {
  private readonly transports = new Map<string, ms.WebRtcTransport>();
  private readonly producerById = new Map<string, ms.Producer>();
  private readonly consumers = new Map<string, ms.Consumer>();
  /** Consumers closed lately: a client may still resume one before it hears that it closed. */
  private readonly closedConsumers = new Set<string>();
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];
  /** On this node's own workers. */
  readonly node = undefined;

  constructor(
    readonly peerId: string,
    private readonly placement: PeerPlacement,
    private readonly events: PeerMediaEvents,
  ) {}

  get slot(): WorkerSlot {
    return this.placement.slot;
  }

  get router(): ms.Router {
    return this.placement.router;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async createTransport(direction: 'send' | 'recv'): Promise<TransportOptions> {
    this.assertOpen();
    const transport = await this.router.createWebRtcTransport({
      webRtcServer: this.slot.webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
      appData: { peerId: this.peerId, direction },
    });
    this.transports.set(transport.id, transport);
    transport.observer.once('close', () => this.transports.delete(transport.id));
    return {
      id: transport.id,
      iceParameters: { ...transport.iceParameters },
      iceCandidates: transport.iceCandidates.map((c) => ({ ...c })),
      dtlsParameters: { ...transport.dtlsParameters },
    };
  }

  async connectTransport(transportId: string, dtlsParameters: ms.DtlsParameters): Promise<void> {
    await this.transport(transportId).connect({ dtlsParameters });
  }

  async restartIce(transportId: string): Promise<ms.IceParameters> {
    return this.transport(transportId).restartIce();
  }

  async produce(
    transportId: string,
    kind: MediaKind,
    rtpParameters: ms.RtpParameters,
    source: TrackSource,
  ): Promise<ms.Producer> {
    const transport = this.transport(transportId);
    if (transport.appData.direction !== 'send') {
      throw new CodedError('BAD_REQUEST', 'produce needs a send transport');
    }
    const producer = await transport.produce({ kind, rtpParameters, appData: { peerId: this.peerId, source } });
    this.producerById.set(producer.id, producer);
    producer.observer.once('close', () => this.producerById.delete(producer.id));
    this.events.producerOpened?.(producer);
    return producer;
  }

  private producer(producerId: string): ms.Producer {
    const producer = this.producerById.get(producerId);
    if (!producer) throw new CodedError('NOT_FOUND', `no producer ${producerId} of this site`);
    return producer;
  }

  producers(): IterableIterator<ms.Producer> {
    return this.producerById.values();
  }

  closeProducer(producerId: string): void {
    this.producer(producerId).close();
  }

  /**
   * Consumes a producer of this router on the client's receive transport, paused: the client
   * resumes it once its consumer exists, so no keyframe is lost before it can be decoded.
   */
  async consume(producerId: string, rtpCapabilities: ms.RtpCapabilities, options: ConsumeOptions): Promise<ConsumerOptions> {
    this.assertOpen();
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new CodedError('BAD_REQUEST', `this client cannot receive producer ${producerId}`);
    }
    const transport = [...this.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) throw new CodedError('BAD_REQUEST', 'create a receive transport first');
    const consumer = await transport.consume({
      producerId,
      rtpCapabilities,
      paused: true,
      ...(options.spatialLayer === undefined ? {} : { preferredLayers: { spatialLayer: options.spatialLayer } }),
      appData: { purpose: options.purpose, siteId: options.siteId },
    });
    this.consumers.set(consumer.id, consumer);
    const forget = () => {
      if (this.forgetConsumer(consumer.id)) this.events.consumerClosed(consumer.id);
    };
    consumer.on('producerclose', forget);
    consumer.on('transportclose', () => this.forgetConsumer(consumer.id));
    return {
      id: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: { ...consumer.rtpParameters },
    };
  }

  received(): ReceivedTrack[] {
    return [...this.consumers.values()].map((c) => ({
      consumerId: c.id,
      producerId: c.producerId,
      purpose: c.appData.purpose as ConsumeOptions['purpose'],
      siteId: c.appData.siteId as string | null,
    }));
  }

  /** The client has built its side of a consumer: media may flow. */
  async resumeConsumer(consumerId: string): Promise<void> {
    // The programme switched meanwhile: the client is being told, nothing to resume.
    if (this.closedConsumers.has(consumerId)) return;
    const consumer = this.consumer(consumerId);
    consumer.appData.clientReady = true;
    if (consumer.appData.serverPaused) return;
    await this.flow(consumer);
  }

  /**
   * Pauses or resumes a consumer for the server's own reasons (a wall tile off screen), without
   * resuming one whose client side is not built yet.
   */
  async setServerPaused(consumerId: string, paused: boolean): Promise<void> {
    const consumer = this.consumer(consumerId);
    consumer.appData.serverPaused = paused;
    if (paused) await consumer.pause();
    else if (consumer.appData.clientReady) await this.flow(consumer);
  }

  /**
   * Resumes a consumer and asks its source for a keyframe. The programme may switch meanwhile and
   * close it: that is no error (the client hears `media:consumerClosed`).
   */
  private async flow(consumer: ms.Consumer): Promise<void> {
    try {
      await consumer.resume();
      if (consumer.kind === 'video') await consumer.requestKeyFrame();
    } catch (err) {
      if (!consumer.closed) throw err;
    }
  }

  /** Closes a consumer the server no longer wants the client to receive, and tells the client. */
  closeConsumer(consumerId: string): void {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) return;
    consumer.close();
    this.forgetConsumer(consumerId);
    this.events.consumerClosed(consumerId);
  }

  private forgetConsumer(consumerId: string): boolean {
    if (!this.consumers.delete(consumerId)) return false;
    this.closedConsumers.add(consumerId);
    // Only the latest matter (a client resumes what it was just offered).
    if (this.closedConsumers.size > 64) this.closedConsumers.delete(this.closedConsumers.values().next().value!);
    return true;
  }

  private consumer(consumerId: string): ms.Consumer {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) throw new CodedError('NOT_FOUND', `no consumer ${consumerId}`);
    return consumer;
  }

  /**
   * Connection figures from the SFU's side: the camera producer's receive stats (what the site
   * sends), the video consumers' send stats (what it receives), the transports' bitrates.
   */
  async qualityFigures(): Promise<QualityFigures> {
    let up = 0;
    let down = 0;
    for (const transport of this.transports.values()) {
      for (const stat of await transport.getStats()) {
        up += stat.recvBitrate ?? 0;
        down += stat.sendBitrate ?? 0;
      }
    }
    const rtts: number[] = [];
    const losses: number[] = [];
    const jitters: number[] = [];
    let producerScore: number | null = null;
    let consumerScore: number | null = null;
    for (const producer of this.producerById.values()) {
      if (producer.kind !== 'video' || producer.closed) continue;
      const figures = receivedStreamFigures(await producer.getStats(), producer.rtpParameters.codecs);
      losses.push(...figures.lossPct);
      rtts.push(...figures.rttMs);
      jitters.push(...figures.jitterMs);
      // A producer has no score until its first RTP arrives: not a bad score. With simulcast the
      // best layer's score is the one that tells whether the site's picture gets through.
      if (producer.score.length > 0) {
        producerScore = Math.max(producerScore ?? 0, ...producer.score.map((s) => s.score));
      }
    }
    for (const consumer of this.consumers.values()) {
      if (consumer.kind !== 'video' || consumer.closed || consumer.paused) continue;
      for (const stat of await consumer.getStats()) {
        if (stat.type !== 'outbound-rtp') continue;
        losses.push((stat.fractionLost / 256) * 100);
        if (stat.roundTripTime) rtts.push(stat.roundTripTime);
      }
      consumerScore = Math.min(consumerScore ?? 10, consumer.score.score);
    }
    const max = (values: number[]) => (values.length ? Math.max(...values) : null);
    return {
      rttMs: max(rtts),
      lossPct: max(losses),
      jitterMs: max(jitters),
      bitrateUpKbps: up / 1000,
      bitrateDownKbps: down / 1000,
      producerScore,
      consumerScore,
    };
  }

  /** Runs `listener` once, when this peer's media closes. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.placement.release();
    // Closing a transport closes its producers and consumers with it.
    for (const transport of this.transports.values()) transport.close();
    for (const listener of this.closeListeners) listener();
  }

  private transport(transportId: string): ms.WebRtcTransport {
    const transport = this.transports.get(transportId);
    if (!transport) throw new CodedError('NOT_FOUND', `no transport ${transportId} of this site`);
    return transport;
  }

  private assertOpen(): void {
    if (this.closed) throw new CodedError('MEDIA_UNAVAILABLE', 'media session closed; reconnect');
  }
}
