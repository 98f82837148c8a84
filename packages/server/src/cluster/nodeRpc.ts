import { randomUUID } from 'node:crypto';
import { CodedError, errorCodeSchema } from '@pm/shared';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { detach } from '../util/detach.js';
import type { MessageBus } from './messageBus.js';

/** How long a request to another node may take before the caller gives up. */
const REQUEST_TIMEOUT_MS = 8000;
/** Liveness of the nodes this one depends on: a ping each second, lost after this long unanswered. */
const PING_INTERVAL_MS = 1000;
const LOST_AFTER_MS = 4000;
/**
 * A node found silent stays out of placement this long: a dead one has left the registry by then
 * (NODE_TTL_MS), one that was only cut off (a Redis restart) is back in it with fresh heartbeats.
 */
const LOST_FOR_MS = 10_000;

const envelopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request'), id: z.string(), from: z.string(), method: z.string(), params: z.unknown() }),
  z.object({
    type: z.literal('response'),
    id: z.string(),
    result: z.unknown().optional(),
    error: z.object({ code: errorCodeSchema, message: z.string() }).optional(),
  }),
  z.object({ type: z.literal('event'), from: z.string(), event: z.string(), payload: z.unknown() }),
]);
type Envelope = z.infer<typeof envelopeSchema>;

/** A node's requests and events: each validates its own parameters (the other node is a boundary too). */
export type RpcMethods = Record<string, (params: unknown, from: string) => Promise<unknown>>;
export type RpcEvents = Record<string, (payload: unknown, from: string) => void>;

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Watch {
  lastAnswerAt: number;
  inFlight: boolean;
  listeners: Set<() => void>;
}

/**
 * Requests and events between the nodes of a cluster, carried by Redis pub/sub: each node listens
 * on its own channel. This is the control plane of a meeting that spans nodes (the host asks the
 * node that holds a site's media to create its transports, consumers and pipes); the media
 * themselves go node to node over mediasoup pipe transports, never through Redis.
 */
export class NodeRpc {
  private readonly pending = new Map<string, Pending>();
  private readonly watches = new Map<string, Watch>();
  /** Nodes found silent, and when. */
  private readonly lostNodes = new Map<string, number>();
  private readonly methods: RpcMethods = { ping: async () => ({}) };
  private events: RpcEvents = {};
  private unsubscribe: (() => void) | undefined;
  private pingTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: MessageBus,
    readonly nodeId: string,
    private readonly log: Logger,
  ) {}

  /** Adds requests this node answers: each module that serves other nodes brings its own. */
  serve(methods: RpcMethods): void {
    for (const name of Object.keys(methods)) {
      if (Object.hasOwn(this.methods, name)) throw new Error(`the RPC method ${name} is served twice`);
    }
    Object.assign(this.methods, methods);
  }

  async start(methods: RpcMethods, events: RpcEvents): Promise<void> {
    this.serve(methods);
    this.events = events;
    this.unsubscribe = await this.bus.subscribe(this.channel(this.nodeId), (message) => this.receive(message));
    this.pingTimer = setInterval(() => this.pingWatched(), PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.pingTimer);
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new CodedError('MEDIA_UNAVAILABLE', 'node stopping'));
      this.pending.delete(id);
    }
    this.unsubscribe?.();
  }

  /** Calls `method` on node `to`; rejects with the remote CodedError, or MEDIA_UNAVAILABLE on timeout. */
  request(to: string, method: string, params: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<unknown> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CodedError('MEDIA_UNAVAILABLE', `node ${to} did not answer ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send(to, { type: 'request', id, from: this.nodeId, method, params }).catch((err: unknown) => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      });
    });
  }

  notify(to: string, event: string, payload: unknown): void {
    this.send(to, { type: 'event', from: this.nodeId, event, payload }).catch((err: unknown) =>
      this.log.warn({ err, to, event }, 'could not notify node'),
    );
  }

  /**
   * Runs `onLost` once when `nodeId` stops answering (killed, cut off): what depends on it is
   * rebuilt elsewhere. Returns the function that stops watching.
   */
  watch(nodeId: string, onLost: () => void): () => void {
    let watch = this.watches.get(nodeId);
    if (!watch) {
      watch = { lastAnswerAt: Date.now(), inFlight: false, listeners: new Set() };
      this.watches.set(nodeId, watch);
    }
    const listener = () => onLost();
    watch.listeners.add(listener);
    const watched = watch;
    return () => {
      watched.listeners.delete(listener);
      if (watched.listeners.size === 0 && this.watches.get(nodeId) === watched) this.watches.delete(nodeId);
    };
  }

  /** The node stopped answering lately (its registry entry may not have expired yet). */
  isLost(nodeId: string, now = Date.now()): boolean {
    const lostAt = this.lostNodes.get(nodeId);
    if (lostAt === undefined) return false;
    if (now - lostAt < LOST_FOR_MS) return true;
    this.lostNodes.delete(nodeId);
    return false;
  }

  private pingWatched(): void {
    const now = Date.now();
    for (const [nodeId, watch] of this.watches) {
      if (now - watch.lastAnswerAt > LOST_AFTER_MS) {
        this.watches.delete(nodeId);
        this.lostNodes.set(nodeId, now);
        this.log.warn({ node: nodeId, silentMs: now - watch.lastAnswerAt }, 'node stopped answering');
        for (const listener of watch.listeners) listener();
        continue;
      }
      if (watch.inFlight) continue;
      watch.inFlight = true;
      this.request(nodeId, 'ping', {}, LOST_AFTER_MS)
        .then(() => (watch.lastAnswerAt = Date.now()))
        .catch(() => undefined)
        .finally(() => (watch.inFlight = false));
    }
  }

  private channel(nodeId: string): string {
    return `rpc:${nodeId}`;
  }

  private async send(to: string, envelope: Envelope): Promise<void> {
    await this.bus.publish(this.channel(to), JSON.stringify(envelope));
  }

  private receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = envelopeSchema.parse(JSON.parse(message));
    } catch (err) {
      this.log.warn({ err }, 'ignoring a malformed message from another node');
      return;
    }
    if (envelope.type === 'response') {
      const pending = this.pending.get(envelope.id);
      if (!pending) return;
      this.pending.delete(envelope.id);
      clearTimeout(pending.timer);
      if (envelope.error) pending.reject(new CodedError(envelope.error.code, envelope.error.message));
      else pending.resolve(envelope.result);
    } else if (envelope.type === 'request') {
      // answer() replies with any failure itself; what is left (a reply that could not be sent) is logged.
      detach(this.answer(envelope), this.log, `answering ${envelope.method}`);
    } else {
      const handler = this.events[envelope.event];
      if (!handler) return this.log.warn({ event: envelope.event }, 'unknown event from another node');
      try {
        handler(envelope.payload, envelope.from);
      } catch (err) {
        this.log.warn({ err, event: envelope.event }, 'event from another node failed');
      }
    }
  }

  private async answer(request: Extract<Envelope, { type: 'request' }>): Promise<void> {
    const reply = (body: Omit<Extract<Envelope, { type: 'response' }>, 'type' | 'id'>) =>
      this.send(request.from, { type: 'response', id: request.id, ...body }).catch((err: unknown) =>
        this.log.warn({ err, method: request.method }, 'could not answer another node'),
      );
    // Own names only: "constructor" or "toString" from another node is an unknown method too.
    const method = Object.hasOwn(this.methods, request.method) ? this.methods[request.method] : undefined;
    if (!method) return reply({ error: { code: 'BAD_REQUEST', message: `unknown method ${request.method}` } });
    try {
      await reply({ result: (await method(request.params, request.from)) ?? {} });
    } catch (err) {
      const error =
        err instanceof CodedError
          ? { code: err.code, message: err.message }
          : err instanceof z.ZodError
            ? { code: 'BAD_REQUEST' as const, message: z.prettifyError(err) }
            : { code: 'INTERNAL' as const, message: err instanceof Error ? err.message : String(err) };
      if (error.code === 'INTERNAL') this.log.error({ err, method: request.method }, 'request from another node failed');
      await reply({ error });
    }
  }
}
