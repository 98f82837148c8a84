import { mediaKindSchema, rtpParametersSchema } from '@pm/shared';
import { z } from 'zod';
import type { ms } from '../mediasoupModule.js';

/** A producer as it crosses from one node to another: enough to re-create it on the far side. */
export const pipedProducerSchema = z.object({
  id: z.string(),
  kind: mediaKindSchema,
  rtpParameters: rtpParametersSchema,
  paused: z.boolean(),
  appData: z.record(z.string(), z.unknown()),
});
export type PipedProducer = z.infer<typeof pipedProducerSchema>;

export interface PipeAddress {
  ip: string;
  port: number;
}

export interface PipeListen {
  ip: string;
  announcedIp?: string;
}

/**
 * One side of a media link between two nodes: a mediasoup PipeTransport on one router of a
 * meeting, connected to its twin on the other node. What `pipeToRouter` does inside one process,
 * done across processes: `send` consumes a producer here (the far side re-creates it with the
 * same id through `receive`). RTX is on, so a packet lost between nodes is repaired by NACK.
 */
export class PipeEndpoint {
  /** Producers sent to the far side, by producer id (the pipe consumer, once made). */
  private readonly sent = new Map<string, Promise<{ consumer: ms.Consumer; piped: PipedProducer }>>();
  /** Producers received from the far side. */
  private readonly received = new Map<string, ms.Producer>();

  private constructor(
    readonly linkId: string,
    readonly router: ms.Router,
    private readonly transport: ms.PipeTransport,
    /** The far side must close its copy: the producer sent from here closed. */
    private readonly onSentClosed: (producerId: string) => void,
  ) {}

  static async create(
    linkId: string,
    router: ms.Router,
    listen: PipeListen,
    onSentClosed: (producerId: string) => void,
  ): Promise<PipeEndpoint> {
    const transport = await router.createPipeTransport({
      listenIp: { ip: listen.ip, announcedIp: listen.announcedIp },
      enableRtx: true,
      appData: { linkId },
    });
    return new PipeEndpoint(linkId, router, transport, onSentClosed);
  }

  get address(): PipeAddress {
    const { localIp, localPort } = this.transport.tuple;
    return { ip: localIp, port: localPort };
  }

  get closed(): boolean {
    return this.transport.closed;
  }

  /** Runs once the pipe is gone (its router or worker closed, or `close()`). */
  onClosed(listener: () => void): void {
    if (this.transport.closed) listener();
    else this.transport.observer.once('close', listener);
  }

  async connect(far: PipeAddress): Promise<void> {
    await this.transport.connect({ ip: far.ip, port: far.port });
  }

  /**
   * Starts sending a producer of this endpoint's router; concurrent calls share one pipe consumer.
   * Not `flowing`: the pipe is set up but carries nothing until `setFlowing(true)`.
   */
  async send(producerId: string, appData: Record<string, unknown> = {}, flowing = true): Promise<PipedProducer> {
    let sending = this.sent.get(producerId);
    if (!sending) {
      sending = this.transport.consume({ producerId }).then(async (consumer) => {
        consumer.observer.once('close', () => {
          this.sent.delete(producerId);
          if (!this.transport.closed) this.onSentClosed(producerId);
        });
        if (!flowing) await consumer.pause();
        const piped: PipedProducer = {
          id: producerId,
          kind: consumer.kind,
          rtpParameters: { ...consumer.rtpParameters },
          paused: consumer.producerPaused,
          appData,
        };
        return { consumer, piped };
      });
      this.sent.set(producerId, sending);
      sending.catch(() => this.sent.delete(producerId));
    }
    return (await sending).piped;
  }

  /** Lets a sent producer's media cross the link, or holds them back (nobody there receives them). */
  async setFlowing(producerId: string, flowing: boolean): Promise<void> {
    const sending = this.sent.get(producerId);
    if (!sending) return;
    const { consumer } = await sending;
    if (consumer.closed) return;
    if (flowing) await consumer.resume();
    else await consumer.pause();
  }

  /** Re-creates a producer sent by the far side, with the same id, on this endpoint's router. */
  async receive(piped: PipedProducer): Promise<ms.Producer> {
    const existing = this.received.get(piped.id);
    if (existing && !existing.closed) return existing;
    const producer = await this.transport.produce({
      id: piped.id,
      kind: piped.kind,
      rtpParameters: piped.rtpParameters,
      paused: piped.paused,
      appData: piped.appData,
    });
    this.received.set(producer.id, producer);
    producer.observer.once('close', () => this.received.delete(producer.id));
    return producer;
  }

  /** The far side's producer closed: so does its copy here (and every consumer of it). */
  dropReceived(producerId: string): void {
    this.received.get(producerId)?.close();
  }

  close(): void {
    this.transport.close();
  }
}
