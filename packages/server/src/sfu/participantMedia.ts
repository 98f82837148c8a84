import type { ConsumerOptions, MediaKind, QualityFigures, TransportOptions } from '@pm/shared';
import type { ms } from './mediasoupModule.js';
import type { ConsumeOptions, TrackSource } from './peerMedia.js';
import type { WorkerSlot } from './workerPool.js';

/**
 * What the signalling and a meeting's routing need from one client's media, wherever they run:
 * on this node (PeerMedia) or on another node of the cluster (RemotePeerMedia, which asks that
 * node). `router` is where the client's producers can be consumed on this node, `slot` its worker.
 */
export interface ParticipantMedia {
  readonly peerId: string;
  /** The node whose workers hold the media; undefined: this node. */
  readonly node: string | undefined;
  readonly slot: WorkerSlot;
  readonly router: ms.Router;
  readonly isClosed: boolean;
  createTransport(direction: 'send' | 'recv'): Promise<TransportOptions>;
  connectTransport(transportId: string, dtlsParameters: ms.DtlsParameters): Promise<void>;
  restartIce(transportId: string): Promise<ms.IceParameters>;
  /** Resolves to the producer as it can be consumed on `router`. */
  produce(transportId: string, kind: MediaKind, rtpParameters: ms.RtpParameters, source: TrackSource): Promise<ms.Producer>;
  producers(): Iterable<ms.Producer>;
  closeProducer(producerId: string): Promise<void> | void;
  /** Consumes a producer available on `router` (the caller pipes it there first). */
  consume(producerId: string, rtpCapabilities: ms.RtpCapabilities, options?: ConsumeOptions): Promise<ConsumerOptions>;
  resumeConsumer(consumerId: string): Promise<void>;
  setServerPaused(consumerId: string, paused: boolean): Promise<void>;
  /** Closes a consumer and tells the client; it never fails (a consumer already gone is fine). */
  closeConsumer(consumerId: string): void;
  qualityFigures(): Promise<QualityFigures>;
  onClose(listener: () => void): void;
  close(): void;
}
