import {
  CodedError,
  consumerOptionsSchema,
  qualityFiguresSchema,
  transportOptionsSchema,
  type ConsumerOptions,
  type MediaKind,
  type QualityFigures,
  type TrackSource,
  type TransportOptions,
} from '@pm/shared';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { ms } from '../mediasoupModule.js';
import type { ConsumeOptions, ParticipantMedia, ReceivedTrack } from '../participantMedia.js';
import type { PeerMediaEvents } from '../peerMedia.js';
import type { WorkerSlot } from '../workerPool.js';
import type { NodeLink } from './nodeLink.js';

export interface RemotePeerEvents extends PeerMediaEvents {
  /** The media on the other node are gone (worker died, node lost): the client must rejoin. */
  lost(reason: string): void;
}

/**
 * A client whose media run on another node of the cluster, seen from the meeting's host: every
 * call is a request to that node, where a PeerMedia does the work. What the client sends comes up
 * the node link, so the host holds each of its producers as a local one (on the link's gateway
 * router) and the meeting treats it like any other; what the client receives goes down the link.
 */
export class RemotePeerMedia implements ParticipantMedia {
  private readonly producerById = new Map<string, ms.Producer>();
  /** What the client receives, kept here: the consumers themselves live on the other node. */
  private readonly receiving = new Map<string, ReceivedTrack>();
  private readonly closeListeners: Array<() => void> = [];
  private unregister: () => void = () => undefined;
  private closed = false;

  private constructor(
    readonly peerId: string,
    private readonly link: NodeLink,
    private readonly events: RemotePeerEvents,
    private readonly log: Logger,
  ) {}

  static async open(link: NodeLink, peerId: string, events: RemotePeerEvents, log: Logger): Promise<RemotePeerMedia> {
    const media = new RemotePeerMedia(peerId, link, events, log);
    media.unregister = link.agent.registerHostPeer(peerId, {
      consumerClosed: (consumerId) => {
        media.receiving.delete(consumerId);
        events.consumerClosed(consumerId);
      },
      lost: (reason) => media.lose(reason),
    });
    try {
      await link.request('edge.openPeer', { peerId, meetingId: link.meetingId });
    } catch (err) {
      media.unregister();
      throw err;
    }
    link.onClose((reason) => media.lose(reason));
    return media;
  }

  /** Which node holds the media. */
  get node(): string {
    return this.link.node;
  }

  get slot(): WorkerSlot {
    return this.link.slot;
  }

  get router(): ms.Router {
    return this.link.router;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async createTransport(direction: 'send' | 'recv'): Promise<TransportOptions> {
    return transportOptionsSchema.parse(await this.call('edge.createTransport', { peerId: this.peerId, direction }));
  }

  async connectTransport(transportId: string, dtlsParameters: ms.DtlsParameters): Promise<void> {
    await this.call('edge.connectTransport', { peerId: this.peerId, transportId, dtlsParameters: { ...dtlsParameters } });
  }

  async restartIce(transportId: string): Promise<ms.IceParameters> {
    const answer = z
      .object({ iceParameters: z.looseObject({}) })
      .parse(await this.call('edge.restartIce', { peerId: this.peerId, transportId }));
    return answer.iceParameters as unknown as ms.IceParameters;
  }

  async produce(transportId: string, kind: MediaKind, rtpParameters: ms.RtpParameters, source: TrackSource): Promise<ms.Producer> {
    const { producerId } = z
      .object({ producerId: z.string() })
      .parse(
        await this.call('edge.produce', { peerId: this.peerId, transportId, kind, rtpParameters: { ...rtpParameters }, source }),
      );
    const producer = await this.link.uplink(producerId, kind);
    this.producerById.set(producer.id, producer);
    producer.observer.once('close', () => this.producerById.delete(producer.id));
    this.events.producerOpened?.(producer);
    return producer;
  }

  producers(): IterableIterator<ms.Producer> {
    return this.producerById.values();
  }

  async closeProducer(producerId: string): Promise<void> {
    if (!this.producerById.has(producerId)) throw new CodedError('NOT_FOUND', `no producer ${producerId} of this site`);
    // Closed there; the link closes the copy here.
    await this.call('edge.closeProducer', { peerId: this.peerId, producerId });
  }

  async consume(producerId: string, rtpCapabilities: ms.RtpCapabilities, options: ConsumeOptions): Promise<ConsumerOptions> {
    await this.link.downlink(producerId);
    const consumer = consumerOptionsSchema.parse(
      await this.call('edge.consume', {
        peerId: this.peerId,
        producerId,
        rtpCapabilities: { ...rtpCapabilities },
        ...options,
      }),
    );
    this.receiving.set(consumer.id, { consumerId: consumer.id, producerId, purpose: options.purpose, siteId: options.siteId });
    return consumer;
  }

  received(): ReceivedTrack[] {
    return [...this.receiving.values()];
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    await this.call('edge.resumeConsumer', { peerId: this.peerId, consumerId });
  }

  async setServerPaused(consumerId: string, paused: boolean): Promise<void> {
    await this.call('edge.setServerPaused', { peerId: this.peerId, consumerId, paused });
  }

  closeConsumer(consumerId: string): void {
    this.receiving.delete(consumerId);
    this.call('edge.closeConsumer', { peerId: this.peerId, consumerId }).catch((err: unknown) =>
      this.log.debug({ err, peer: this.peerId, consumerId }, 'remote consumer already gone'),
    );
  }

  async qualityFigures(): Promise<QualityFigures> {
    return qualityFiguresSchema.parse(await this.call('edge.quality', { peerId: this.peerId }));
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unregister();
    for (const producer of this.producerById.values()) producer.close();
    if (!this.link.isClosed) this.link.request('edge.closePeer', { peerId: this.peerId }).catch(() => undefined);
    for (const listener of this.closeListeners) listener();
  }

  private lose(reason: string): void {
    if (this.closed) return;
    this.events.lost(reason);
    this.close();
  }

  private call(...args: Parameters<NodeLink['request']>): Promise<unknown> {
    if (this.closed) return Promise.reject(new CodedError('MEDIA_UNAVAILABLE', 'media session closed; reconnect'));
    return this.link.request(...args);
  }
}
