import { CodedError, type ConsumerOptions, type MediaKind, type TransportOptions } from '@pm/shared';
import type { ms } from './mediasoupModule.js';
import type { WorkerSlot } from './workerPool.js';

export type TrackSource = 'camera' | 'microphone' | 'screen';

export interface PeerMediaEvents {
  consumerClosed(consumerId: string): void;
}

/**
 * One client's media on one router: its WebRTC transports, what it sends (producers) and what it
 * receives (consumers). It is the only owner of these objects; `close()` closes them all and is
 * safe to call twice.
 */
export class PeerMedia {
  private readonly transports = new Map<string, ms.WebRtcTransport>();
  private readonly producers = new Map<string, ms.Producer>();
  private readonly consumers = new Map<string, ms.Consumer>();
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    readonly peerId: string,
    readonly slot: WorkerSlot,
    readonly router: ms.Router,
    private readonly events: PeerMediaEvents,
  ) {}

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
    this.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.producers.delete(producer.id));
    return producer;
  }

  producer(producerId: string): ms.Producer {
    const producer = this.producers.get(producerId);
    if (!producer) throw new CodedError('NOT_FOUND', `no producer ${producerId} of this site`);
    return producer;
  }

  closeProducer(producerId: string): void {
    this.producer(producerId).close();
  }

  /**
   * Consumes a producer of this router on the client's receive transport, paused: the client
   * resumes it once its consumer exists, so no keyframe is lost before it can be decoded.
   */
  async consume(producerId: string, rtpCapabilities: ms.RtpCapabilities): Promise<ConsumerOptions> {
    this.assertOpen();
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new CodedError('BAD_REQUEST', `this client cannot receive producer ${producerId}`);
    }
    const transport = [...this.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) throw new CodedError('BAD_REQUEST', 'create a receive transport first');
    const consumer = await transport.consume({ producerId, rtpCapabilities, paused: true });
    this.consumers.set(consumer.id, consumer);
    const forget = () => {
      if (this.consumers.delete(consumer.id)) this.events.consumerClosed(consumer.id);
    };
    consumer.on('producerclose', forget);
    consumer.on('transportclose', () => this.consumers.delete(consumer.id));
    return {
      id: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: { ...consumer.rtpParameters },
    };
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) throw new CodedError('NOT_FOUND', `no consumer ${consumerId}`);
    await consumer.resume();
    if (consumer.kind === 'video') await consumer.requestKeyFrame();
  }

  /** Runs `listener` once, when this peer's media closes. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
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
