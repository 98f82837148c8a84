import { Device, type types } from 'mediasoup-client';
import type { ConsumerOptions, TrackSource } from '@pm/shared';
import { callApi } from '../api/apiClient';
import type { SignallingClient } from '../signalling/signallingClient';

/**
 * Three simulcast layers for cameras: the programme takes the top one, the operator's site wall
 * the lowest. Bitrates sized for a district's typical 10–20 Mbps line.
 */
export const CAMERA_ENCODINGS: types.RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

export type ConnectionPath = 'udp' | 'tcp' | 'relay';

/** The fields of the ICE reports read here (the DOM types leave a stats report's entries untyped). */
interface IceReport {
  type: string;
  nominated?: boolean;
  state?: string;
  localCandidateId?: string;
  currentRoundTripTime?: number;
  candidateType?: string;
  protocol?: string;
}

/**
 * A client's mediasoup objects (device, transports, producers, consumers), kept out of React
 * state: components hold ids and ask this service for tracks. Framework-free, so the same code
 * serves the check page, the site kiosk and the chair console.
 */
export class MediaSession {
  readonly device = new Device();
  private sendTransport: types.Transport | undefined;
  private recvTransport: types.Transport | undefined;
  private readonly producers = new Map<string, types.Producer>();
  private readonly consumers = new Map<string, types.Consumer>();

  constructor(
    private readonly signalling: SignallingClient,
    /** Only through the TURN relay (the technical check's test of the path a strict firewall leaves). */
    private readonly options: { relayOnly?: boolean } = {},
  ) {}

  async load(routerRtpCapabilities: types.RtpCapabilities): Promise<void> {
    if (!this.device.loaded) await this.device.load({ routerRtpCapabilities });
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.device.rtpCapabilities;
  }

  /** Creates the receive transport ahead of the first consumer, so the server may send at once. */
  async prepareReceive(): Promise<void> {
    await this.transport('recv');
  }

  /** Notified when a transport's connection fails for good, after an ICE restart was tried. */
  onTransportFailed: (() => void) | undefined;

  async produce(track: MediaStreamTrack, source: TrackSource): Promise<types.Producer> {
    const transport = await this.transport('send');
    const producer = await transport.produce({
      track,
      appData: { source },
      ...(source === 'camera' ? { encodings: CAMERA_ENCODINGS, codecOptions: { videoGoogleStartBitrate: 1000 } } : {}),
    });
    this.producers.set(producer.id, producer);
    return producer;
  }

  /** Stops sending a track and tells the SFU, so the programme falls back at once. */
  async closeProducer(producer: types.Producer): Promise<void> {
    producer.close();
    this.producers.delete(producer.id);
    await this.signalling.request('media:closeProducer', { producerId: producer.id });
  }

  /** A producer the SFU closed by itself (a room's share once it lost the floor): stop sending it, nothing to ask. */
  producerClosedByServer(producerId: string): void {
    const producer = this.producers.get(producerId);
    if (!producer) return;
    this.producers.delete(producerId);
    producer.close();
  }

  /** Builds the local consumer for a server-side consumer and asks the server to resume it. */
  async consume(options: ConsumerOptions): Promise<types.Consumer> {
    const transport = await this.transport('recv');
    const consumer = await transport.consume({
      id: options.id,
      producerId: options.producerId,
      kind: options.kind,
      rtpParameters: options.rtpParameters as types.RtpParameters,
    });
    this.consumers.set(consumer.id, consumer);
    await this.signalling.request('media:resumeConsumer', { consumerId: consumer.id });
    return consumer;
  }

  consumer(consumerId: string): types.Consumer | undefined {
    return this.consumers.get(consumerId);
  }

  closeConsumer(consumerId: string): void {
    this.consumers.get(consumerId)?.close();
    this.consumers.delete(consumerId);
  }

  /**
   * How the media reach the SFU: straight over UDP or TCP, or through the TURN relay, from the
   * receive transport's selected ICE candidate pair.
   */
  async connectionPath(): Promise<ConnectionPath | undefined> {
    const transport = this.recvTransport ?? this.sendTransport;
    if (!transport) return undefined;
    const stats = await transport.getStats();
    for (const report of stats.values() as Iterable<IceReport>) {
      if (report.type !== 'candidate-pair' || !report.nominated || report.state !== 'succeeded') continue;
      const local = stats.get(report.localCandidateId ?? '') as IceReport | undefined;
      if (local?.candidateType === 'relay') return 'relay';
      return local?.protocol === 'tcp' ? 'tcp' : 'udp';
    }
    return undefined;
  }

  /** Round-trip time to the SFU in ms, from the send or receive transport's ICE candidate pair. */
  async roundTripMs(): Promise<number | undefined> {
    const transport = this.sendTransport ?? this.recvTransport;
    if (!transport) return undefined;
    const stats = await transport.getStats();
    for (const report of stats.values() as Iterable<IceReport>) {
      if (report.type === 'candidate-pair' && report.nominated && typeof report.currentRoundTripTime === 'number') {
        return Math.round(report.currentRoundTripTime * 1000);
      }
    }
    return undefined;
  }

  close(): void {
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.producers.clear();
    this.consumers.clear();
    this.sendTransport = undefined;
    this.recvTransport = undefined;
  }

  /**
   * A connection that drops (Wi-Fi roaming, a router reboot in the district) first gets an ICE
   * restart, which keeps every producer and consumer; only if that fails does the owner rebuild.
   */
  private watchConnection(transport: types.Transport): void {
    let restarted = false;
    transport.on('connectionstatechange', (state) => {
      if (state === 'connected') restarted = false;
      if ((state === 'disconnected' || state === 'failed') && !restarted && !transport.closed) {
        restarted = true;
        this.signalling
          .request('media:restartIce', { transportId: transport.id })
          .then(async ({ iceParameters }) => {
            // The relay's credentials may have expired since the transport was made.
            await transport.updateIceServers({ iceServers: await turnServers() });
            await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
          })
          .catch(() => this.onTransportFailed?.());
      } else if (state === 'failed' && restarted) {
        this.onTransportFailed?.();
      }
    });
  }

  private async transport(direction: 'send' | 'recv'): Promise<types.Transport> {
    const existing = direction === 'send' ? this.sendTransport : this.recvTransport;
    if (existing && !existing.closed) return existing;
    const [options, iceServers] = await Promise.all([
      this.signalling.request('media:createTransport', { direction }),
      turnServers(),
    ]);
    const params = {
      id: options.id,
      iceParameters: options.iceParameters as types.IceParameters,
      iceCandidates: options.iceCandidates as types.IceCandidate[],
      dtlsParameters: options.dtlsParameters as types.DtlsParameters,
      // Straight to the SFU's UDP or TCP port when the network allows it, through the TURN relay
      // (TCP/TLS 443) when the meeting room's firewall lets out nothing else.
      iceServers,
      iceTransportPolicy: this.options.relayOnly ? ('relay' as const) : ('all' as const),
    };
    const transport = direction === 'send' ? this.device.createSendTransport(params) : this.device.createRecvTransport(params);
    this.watchConnection(transport);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signalling
        .request('media:connectTransport', { transportId: transport.id, dtlsParameters: { ...dtlsParameters } })
        .then(() => callback(), errback);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        this.signalling
          .request('media:produce', {
            transportId: transport.id,
            kind,
            rtpParameters: { ...rtpParameters },
            source: (appData.source as TrackSource | undefined) ?? (kind === 'audio' ? 'microphone' : 'camera'),
          })
          .then(({ producerId }) => callback({ id: producerId }), errback);
      });
      this.sendTransport = transport;
    } else {
      this.recvTransport = transport;
    }
    return transport;
  }
}

/**
 * The platform's TURN relay, with fresh time-limited credentials (GET /api/turn-credentials), or
 * none when the server has no relay.
 */
export async function turnServers(): Promise<RTCIceServer[]> {
  const answer = await callApi('turn.credentials');
  if ('relay' in answer) return [];
  const { urls, username, credential } = answer;
  return [{ urls, username, credential }];
}
