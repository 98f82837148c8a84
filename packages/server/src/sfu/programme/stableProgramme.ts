import { randomInt } from 'node:crypto';
import type { Logger } from '../../logger.js';
import { detach } from '../../util/detach.js';
import { SerialQueue } from '../../util/serialQueue.js';
import type { ms } from '../mediasoupModule.js';
import { plainCapabilities } from '../plainCapabilities.js';
import type { LaneSpec } from './programmeRelay.js';
import { RelayThreadClient } from './relayThreadClient.js';

/**
 * The programme's outputs: the picture every room watches, the chair's voice, the voice of the
 * room holding the floor, the picture the room on the programme watches instead of itself, and
 * the presenter's camera shown small over a presentation.
 */
export const programmeOutputs = ['video', 'chairVoice', 'floorVoice', 'returnVideo', 'inset'] as const;
export type ProgrammeOutput = (typeof programmeOutputs)[number];

/** What feeds an output: a producer, on the router where it lives. */
export interface ProgrammeSource {
  producer: ms.Producer;
  router: ms.Router;
}

export type ProgrammeSources = Record<ProgrammeOutput, ProgrammeSource | undefined>;

const VP8 = { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 };
const OPUS = { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 };
const videoFeedback = [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }];

const isVideo = (output: ProgrammeOutput) => output !== 'chairVoice' && output !== 'floorVoice';

/**
 * The layer of its source each lane of an output carries. The pictures keep the source's three
 * simulcast layers, so each room takes the one its link allows; the inset is a small picture, one
 * lane from the middle layer (a quarter of the top's pixels is plenty for a corner of the screen).
 */
const laneLayers: Record<ProgrammeOutput, number[]> = {
  video: [0, 1, 2],
  chairVoice: [0],
  floorVoice: [0],
  returnVideo: [0, 1, 2],
  inset: [1],
};

/**
 * A new source is asked for its keyframe again this often until every lane carries it. mediasoup
 * passes one on at most every 300 ms while a request waits (infra/mediasoup-worker/patch-worker.py,
 * edit 7), and retries only if asked meanwhile: asking more often than that keeps the retry armed.
 */
const KEYFRAME_ASK_MS = 100;

interface Feeding {
  /** Null: the output has no source. */
  producerId: string | null;
  generation: number;
  consumers: ms.Consumer[];
  /** Lanes not yet carrying this source. */
  waiting: Set<number>;
}

/**
 * A meeting's stable programme: producers created once on the programme's router, which every
 * participant consumes once, and whose sources switch on the server. A floor change costs no
 * signalling at the rooms: the relay thread moves each output's lanes to the new source's consumers
 * (video at its keyframe), and the rooms' consumers carry on with the same SSRCs. Simulcast stays:
 * the video outputs have three layers fed by the source's three, and each room's consumer picks
 * its layer by its own bandwidth, as with any camera.
 */
export class StableProgramme {
  private readonly feeding = new Map<ProgrammeOutput, Feeding>();
  /** Consumers of sources being replaced, closed once the lanes carry the new source. */
  private readonly retiring = new Map<ProgrammeOutput, ms.Consumer[]>();
  private readonly switches = new SerialQueue();
  private readonly switchedListeners: Array<(output: ProgrammeOutput) => void> = [];
  private generation = 0;
  private closed = false;

  private constructor(
    readonly router: ms.Router,
    readonly producers: Record<ProgrammeOutput, ms.Producer>,
    private readonly tap: ms.PlainTransport,
    private readonly inject: ms.PlainTransport,
    private readonly relay: RelayThreadClient,
    private readonly bringToRouter: (source: ProgrammeSource) => Promise<void>,
    private readonly log: Logger,
  ) {
    relay.onSwitched((output, layer, generation) => this.laneSwitched(output as ProgrammeOutput, layer, generation));
  }

  static async create(router: ms.Router, bringToRouter: (source: ProgrammeSource) => Promise<void>, log: Logger): Promise<StableProgramme> {
    const plain = { listenIp: '127.0.0.1', rtcpMux: true, comedia: false };
    const tap = await router.createPlainTransport({ ...plain, appData: { programme: 'tap' } });
    const inject = await router.createPlainTransport({ ...plain, appData: { programme: 'inject' } });
    const lanes = laneSpecs();
    let relay: RelayThreadClient | undefined;
    try {
      relay = await RelayThreadClient.start(lanes, { tap: tap.tuple.localPort, inject: inject.tuple.localPort }, log);
      await tap.connect({ ip: '127.0.0.1', port: relay.ports.tap });
      await inject.connect({ ip: '127.0.0.1', port: relay.ports.inject });
      const produce = async (output: ProgrammeOutput) => {
        const own = lanes.filter((lane) => lane.output === output);
        const video = isVideo(output);
        return inject.produce({
          kind: video ? 'video' : 'audio',
          rtpParameters: {
            codecs: [video ? { ...VP8, rtcpFeedback: videoFeedback } : OPUS],
            encodings: own.map((lane) => ({ ssrc: lane.ssrc, ...(video ? { scalabilityMode: 'L1T3' } : {}) })),
            rtcp: { cname: `programme-${output}`, reducedSize: true },
          },
          appData: { programme: output },
        });
      };
      const producers = {
        video: await produce('video'),
        chairVoice: await produce('chairVoice'),
        floorVoice: await produce('floorVoice'),
        returnVideo: await produce('returnVideo'),
        inset: await produce('inset'),
      };
      return new StableProgramme(router, producers, tap, inject, relay, bringToRouter, log);
    } catch (err) {
      relay?.close();
      tap.close();
      inject.close();
      throw err;
    }
  }

  /** Hears each output once its lanes carry the source last shown (the picture has changed at the rooms). */
  onSwitched(listener: (output: ProgrammeOutput) => void): void {
    this.switchedListeners.push(listener);
  }

  /** The relay is gone (its thread crashed, the router closed): the programme must be built again. */
  onLost(listener: (reason: string) => void): void {
    this.relay.onLost(listener);
    this.router.observer.once('close', () => {
      if (!this.closed) listener('the programme router closed');
    });
  }

  /** Feeds each output from its source (undefined: nothing); outputs whose source is the same are left alone. */
  show(sources: ProgrammeSources): void {
    detach(
      this.switches.push(async () => {
        for (const output of programmeOutputs) await this.feed(output, sources[output]);
      }),
      this.log,
      'switching the programme',
    );
  }

  /** Resolves once every switch asked so far has been set up (not necessarily switched: keyframes come later). */
  settled(): Promise<void> {
    return this.switches.push(async () => undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.relay.close();
    this.tap.close();
    this.inject.close();
  }

  private async feed(output: ProgrammeOutput, source: ProgrammeSource | undefined): Promise<void> {
    const current = this.feeding.get(output);
    if (this.closed || (current?.producerId ?? null) === (source?.producer.id ?? null)) return;
    const generation = ++this.generation;
    // Lanes may carry the old source (or, mid-switch, either) until the new one takes them all.
    if (current) this.retiring.set(output, [...(this.retiring.get(output) ?? []), ...current.consumers]);
    const lanes = laneLayers[output].map((_, lane) => lane);
    if (!source || source.producer.closed) {
      this.feeding.set(output, { producerId: null, generation, consumers: [], waiting: new Set(lanes) });
      for (const layer of lanes) this.relay.route(output, layer, null, generation);
      return;
    }
    await this.bringToRouter(source);
    const consumers = await this.consumersOf(source.producer, laneLayers[output]);
    const feeding: Feeding = { producerId: source.producer.id, generation, consumers: [...new Set(consumers)], waiting: new Set(lanes) };
    this.feeding.set(output, feeding);
    for (const layer of lanes) this.relay.route(output, layer, consumers[layer]!.rtpParameters.encodings![0]!.ssrc!, generation);
    // Only now that the relay waits for them, and all at once: a keyframe the source sent before a
    // consumer forwards would be lost to it, and the source answers no sooner than 300 ms later.
    await Promise.all(feeding.consumers.map((consumer) => consumer.resume()));
    if (isVideo(output)) this.askForKeyframes(output, feeding, consumers);
  }

  /**
   * Asks the new source for a keyframe on each layer its lanes wait for, again every
   * KEYFRAME_ASK_MS until they all carry it. Through mediasoup's own request (for the consumer's
   * target layer): a consumer that has not started yet passes no PLI from the relay on.
   */
  private askForKeyframes(output: ProgrammeOutput, feeding: Feeding, byLane: ms.Consumer[]): void {
    const ask = () => {
      if (this.closed || this.feeding.get(output) !== feeding || feeding.waiting.size === 0) return false;
      for (const consumer of new Set([...feeding.waiting].map((lane) => byLane[lane]!))) {
        consumer.requestKeyFrame().catch(() => undefined); // closed meanwhile: the next switch took over
      }
      return true;
    };
    if (!ask()) return;
    const timer = setInterval(() => {
      if (!ask()) clearInterval(timer);
    }, KEYFRAME_ASK_MS);
  }

  /**
   * One consumer per lane: each lane takes the source's layer it wants (its top layer when it
   * has fewer); a source with one stream (a screen share, an older kiosk) feeds every lane.
   */
  private async consumersOf(producer: ms.Producer, wanted: number[]): Promise<ms.Consumer[]> {
    const layers = Math.max(1, producer.rtpParameters.encodings?.length ?? 1);
    const rtpCapabilities = plainCapabilities(this.router);
    const byLayer = new Map<number, ms.Consumer>();
    const lanes: ms.Consumer[] = [];
    for (const want of wanted) {
      const layer = Math.min(want, layers - 1);
      let consumer = byLayer.get(layer);
      if (!consumer) {
        consumer = await this.tap.consume({
          producerId: producer.id,
          rtpCapabilities,
          // Paused until the relay knows its SSRC (see feed).
          paused: true,
          ...(layers > 1 ? { preferredLayers: { spatialLayer: layer } } : {}),
          appData: { programmeTap: true },
        });
        byLayer.set(layer, consumer);
      }
      lanes.push(consumer);
    }
    return lanes;
  }

  private laneSwitched(output: ProgrammeOutput, layer: number, generation: number): void {
    const feeding = this.feeding.get(output);
    if (!feeding || feeding.generation !== generation) return;
    feeding.waiting.delete(layer);
    if (feeding.waiting.size > 0) return;
    for (const consumer of this.retiring.get(output) ?? []) consumer.close();
    this.retiring.delete(output);
    for (const listener of this.switchedListeners) listener(output);
  }
}

/** The relay's lanes: three for each picture, one for the inset and each voice, each with an SSRC of its own. */
function laneSpecs(): LaneSpec[] {
  const used = new Set<number>();
  const ssrc = () => {
    let value: number;
    do value = randomInt(1, 2 ** 32 - 1);
    while (used.has(value));
    used.add(value);
    return value;
  };
  return programmeOutputs.flatMap((output) => {
    const video = isVideo(output);
    const codec = video ? VP8 : OPUS;
    return laneLayers[output].map((_, layer) => ({
      output,
      layer,
      ssrc: ssrc(),
      payloadType: codec.payloadType,
      clockRate: codec.clockRate,
      video,
    }));
  });
}
