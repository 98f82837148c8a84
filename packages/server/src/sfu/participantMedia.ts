import type { ConsumerOptions, ConsumerPurpose, MediaKind, QualityFigures, TrackSource, TransportOptions } from '@pm/shared';
import type { ms } from './mediasoupModule.js';
import type { WorkerSlot } from './workerPool.js';

export interface ConsumeOptions {
  /** What the client does with it (programme, site wall), and whose track it is (null: the chair's). */
  purpose: ConsumerPurpose;
  siteId: string | null;
  /** Simulcast layer to receive: the programme takes the top one, the site wall the lowest. */
  spatialLayer?: number;
}

/** A consumer of the client as the meeting sees it: what it receives, and for what. */
export interface ReceivedTrack {
  consumerId: string;
  producerId: string;
  purpose: ConsumerPurpose;
  siteId: string | null;
}

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
  consume(producerId: string, rtpCapabilities: ms.RtpCapabilities, options: ConsumeOptions): Promise<ConsumerOptions>;
  /** The client's consumers now: the one record of what it receives. */
  received(): ReceivedTrack[];
  resumeConsumer(consumerId: string): Promise<void>;
  setServerPaused(consumerId: string, paused: boolean): Promise<void>;
  /** Closes a consumer and tells the client; it never fails (a consumer already gone is fine). */
  closeConsumer(consumerId: string): void;
  qualityFigures(): Promise<QualityFigures>;
  onClose(listener: () => void): void;
  close(): void;
}
