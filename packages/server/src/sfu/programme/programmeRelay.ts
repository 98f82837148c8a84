import dgram from 'node:dgram';
import { readFeedback, pictureLossIndication } from '../rtp/rtcpFeedback.js';
import { isRtcp, isRtp, rtp, rtpPayload } from '../rtp/rtpPacket.js';
import { RtpContinuity } from '../rtp/rtpContinuity.js';
import { isVp8KeyframeStart, Vp8Continuity } from '../rtp/vp8.js';

/** One stream of a stable programme producer: an output (programme video, a voice…) and a layer of it. */
export interface LaneSpec {
  output: string;
  layer: number;
  /** The stable producer's SSRC for this layer. */
  ssrc: number;
  payloadType: number;
  clockRate: number;
  video: boolean;
}

export interface RelayPorts {
  /** Where mediasoup's tap transport (the sources' consumers) listens, and where the relay listens for it. */
  tap: number;
  /** Where mediasoup's inject transport (the stable producers) listens, and where the relay sends from. */
  inject: number;
}

export interface RelayEvents {
  /** A lane now carries the source routed to it with `generation` (video: from its keyframe). */
  switched(output: string, layer: number, generation: number): void;
}

const SENDER_REPORT_MS = 1000;
/** Packets kept per lane to answer NACKs from the stable producer (loss between the relay and the worker). */
const HISTORY = 1024;

interface Lane {
  spec: LaneSpec;
  continuity: RtpContinuity;
  current: number | undefined;
  pending: { ssrc: number; generation: number } | undefined;
  started: boolean;
  history: Array<Buffer | undefined>;
}

/**
 * The data path of a meeting's stable programme: between two mediasoup plain transports on the
 * programme's router. The tap transport carries the chosen sources (consumers whose SSRCs the
 * relay is told); the inject transport carries the stable producers every site consumes once. The
 * relay rewrites each source's packets into its lane's one continuous stream (RtpContinuity: one
 * SSRC, continuous sequence numbers and timestamps, VP8 picture ids), switching video only at a
 * keyframe of the new source and voices at once; it passes the stable producers' keyframe
 * requests on to whatever feeds them, answers their NACKs, and sends sender reports (which
 * mediasoup needs to switch a site between simulcast layers).
 */
export class ProgrammeRelay {
  private readonly lanes: Lane[];
  /** Lanes by the SSRC of a source consumer feeding them (now, or once it sends a keyframe). */
  private readonly bySource = new Map<number, Set<Lane>>();
  private readonly byStable = new Map<number, Lane>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly relaySsrc = 0x5e1a7;

  private constructor(
    specs: LaneSpec[],
    private readonly tapSocket: dgram.Socket,
    private readonly injectSocket: dgram.Socket,
    private readonly mediasoup: RelayPorts,
    private readonly events: RelayEvents,
  ) {
    this.lanes = specs.map((spec) => ({
      spec,
      continuity: new RtpContinuity(spec.payloadType, spec.clockRate, {
        ssrc: spec.ssrc,
        ...(spec.video ? { canStart: isVp8KeyframeStart, payload: new Vp8Continuity() } : {}),
      }),
      current: undefined,
      pending: undefined,
      started: false,
      history: new Array<Buffer | undefined>(HISTORY),
    }));
    for (const lane of this.lanes) this.byStable.set(lane.spec.ssrc, lane);
    tapSocket.on('message', (packet) => this.fromTap(packet));
    injectSocket.on('message', (packet) => this.fromInject(packet));
    this.timers.push(setInterval(() => this.sendReports(), SENDER_REPORT_MS));
  }

  /** Binds the relay's two sockets on loopback; `mediasoup` are the transports' own ports. */
  static async open(specs: LaneSpec[], mediasoup: RelayPorts, events: RelayEvents): Promise<ProgrammeRelay> {
    const [tap, inject] = await Promise.all([bind(), bind()]);
    return new ProgrammeRelay(specs, tap, inject, mediasoup, events);
  }

  /** Where mediasoup's transports must send: the tap transport to `tap`, the inject transport to `inject`. */
  get ports(): RelayPorts {
    return { tap: this.tapSocket.address().port, inject: this.injectSocket.address().port };
  }

  /**
   * Feeds a lane from the source consumer `sourceSsrc` (null: nothing). The lane carries on with
   * its current source until the new one can start (a keyframe, for video), then tells `switched`.
   */
  route(output: string, layer: number, sourceSsrc: number | null, generation: number): void {
    const lane = this.lane(output, layer);
    if (lane.pending) this.unindex(lane.pending.ssrc, lane);
    lane.pending = undefined;
    if (sourceSsrc === null) {
      if (lane.current !== undefined) this.unindex(lane.current, lane);
      lane.current = undefined;
      this.events.switched(output, layer, generation);
      return;
    }
    if (sourceSsrc === lane.current) {
      this.events.switched(output, layer, generation);
      return;
    }
    lane.pending = { ssrc: sourceSsrc, generation };
    this.index(sourceSsrc, lane);
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.tapSocket.close();
    this.injectSocket.close();
  }

  private fromTap(packet: Buffer): void {
    // The tap consumers' sender reports are not needed: each lane reports its own clock.
    if (!isRtp(packet)) return;
    const lanes = this.bySource.get(rtp.ssrc(packet));
    if (!lanes) return;
    const now = Date.now();
    for (const lane of lanes) {
      if (lane.pending?.ssrc === rtp.ssrc(packet) && !this.startPending(lane, packet)) continue;
      if (lane.current !== rtp.ssrc(packet)) continue;
      // Lanes fed by one source each rewrite a copy.
      const copy = lanes.size > 1 ? Buffer.from(packet) : packet;
      if (!lane.continuity.rewrite(copy, now)) continue;
      lane.history[rtp.seq(copy) % HISTORY] = copy;
      lane.started = true;
      this.injectSocket.send(copy, this.mediasoup.inject, '127.0.0.1');
    }
  }

  /** The pending source takes the lane over if this packet can start it. */
  private startPending(lane: Lane, packet: Buffer): boolean {
    const pending = lane.pending!;
    if (lane.spec.video && !isVp8KeyframeStart(rtpPayload(packet))) return false;
    if (lane.current !== undefined) this.unindex(lane.current, lane);
    lane.current = pending.ssrc;
    lane.pending = undefined;
    lane.continuity.follow(pending.ssrc);
    this.events.switched(lane.spec.output, lane.spec.layer, pending.generation);
    return true;
  }

  private fromInject(packet: Buffer): void {
    if (!isRtcp(packet)) return;
    for (const feedback of readFeedback(packet)) {
      const lane = this.byStable.get(feedback.mediaSsrc);
      if (!lane) continue;
      if (feedback.kind === 'keyframe') {
        // A pending source is asked by the switch itself (StableProgramme), until it answers.
        if (lane.current !== undefined) this.askKeyframe(lane.current);
      } else {
        for (const seq of feedback.lost) {
          const kept = lane.history[seq % HISTORY];
          if (kept && rtp.seq(kept) === seq) this.injectSocket.send(kept, this.mediasoup.inject, '127.0.0.1');
        }
      }
    }
  }

  private askKeyframe(sourceSsrc: number): void {
    this.tapSocket.send(pictureLossIndication(this.relaySsrc, sourceSsrc), this.mediasoup.tap, '127.0.0.1');
  }

  private sendReports(): void {
    const now = Date.now();
    for (const lane of this.lanes) {
      if (lane.started) this.injectSocket.send(lane.continuity.senderReport(now), this.mediasoup.inject, '127.0.0.1');
    }
  }

  private lane(output: string, layer: number): Lane {
    const lane = this.lanes.find((l) => l.spec.output === output && l.spec.layer === layer);
    if (!lane) throw new Error(`the relay has no lane ${output}/${layer}`);
    return lane;
  }

  private index(ssrc: number, lane: Lane): void {
    const lanes = this.bySource.get(ssrc) ?? new Set<Lane>();
    lanes.add(lane);
    this.bySource.set(ssrc, lanes);
  }

  private unindex(ssrc: number, lane: Lane): void {
    const lanes = this.bySource.get(ssrc);
    lanes?.delete(lane);
    if (lanes?.size === 0) this.bySource.delete(ssrc);
  }
}

async function bind(): Promise<dgram.Socket> {
  const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}
