import type { types } from 'mediasoup-client';
import { roomMediaConstraints } from '../../media/devicePreferences';
import { MediaSession, type ConnectionPath } from '../../media/mediaSession';
import { SignallingClient } from '../../signalling/signallingClient';
import { detach } from '../../util/detach';

export type StepState = 'idle' | 'running' | 'ok' | 'failed';

export interface CheckState {
  devices: StepState;
  server: StepState;
  media: StepState;
  localStream?: MediaStream;
  returnedStream?: MediaStream;
  framesDecoded: number;
  roundTripMs?: number;
  /** How the media reach the SFU: straight (UDP, TCP) or through the TURN relay. */
  path?: ConnectionPath;
  error?: unknown;
  /** The server lost its media worker; the check restarts by itself. */
  reconnecting: boolean;
}

export const initialCheckState: CheckState = {
  devices: 'idle',
  server: 'idle',
  media: 'idle',
  framesDecoded: 0,
  reconnecting: false,
};

const STATS_INTERVAL_MS = 1000;

/**
 * The technical check, free of React: opens camera and microphone, sends them to the SFU, has the
 * SFU send the video back, and reports what came back (frames decoded, round-trip time).
 */
export class TechnicalCheckRun {
  private state: CheckState = initialCheckState;
  private signalling: SignallingClient | undefined;
  private media: MediaSession | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(
    private readonly onChange: (state: CheckState) => void,
    /** Test the path through the TURN relay alone (what a meeting room behind a strict firewall gets). */
    private readonly relayOnly = false,
  ) {}

  async start(): Promise<void> {
    this.update({ ...initialCheckState, devices: 'running' });
    let local: MediaStream;
    try {
      // The devices the room chose, as the meeting will open them.
      local = await navigator.mediaDevices.getUserMedia(roomMediaConstraints());
    } catch (error) {
      this.update({ devices: 'failed', error: new DeviceError(error) });
      return;
    }
    this.update({ devices: 'ok', localStream: local, server: 'running' });

    this.signalling = new SignallingClient();
    // restartMedia shows its own failure in the state; detach only catches the unforeseen.
    this.signalling.on('media:reconnectRequired', () => detach(this.restartMedia(local), 'restarting the check'));
    await this.runMedia(local);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.statsTimer);
    this.media?.close();
    this.signalling?.close();
    this.state.localStream?.getTracks().forEach((t) => t.stop());
  }

  private async runMedia(local: MediaStream): Promise<void> {
    const signalling = this.signalling;
    if (!signalling || this.stopped) return;
    try {
      const { rtpCapabilities } = await signalling.request('check:start', {});
      this.media = new MediaSession(signalling, { relayOnly: this.relayOnly });
      await this.media.load(rtpCapabilities);
      await this.media.prepareReceive();
      this.update({ server: 'ok', media: 'running', reconnecting: false });

      const [videoTrack] = local.getVideoTracks();
      const [audioTrack] = local.getAudioTracks();
      if (!videoTrack) throw new DeviceError('no camera track');
      const video = await this.media.produce(videoTrack, 'camera');
      if (audioTrack) await this.media.produce(audioTrack, 'microphone');

      const returned = await this.media.consume(
        await signalling.request('check:loopback', {
          producerId: video.id,
          rtpCapabilities: { ...this.media.rtpCapabilities },
        }),
      );
      this.update({ returnedStream: new MediaStream([returned.track]) });
      this.watchStats(returned);
    } catch (error) {
      if (this.state.server === 'running') this.update({ server: 'failed', error });
      else this.update({ media: 'failed', error });
    }
  }

  private async restartMedia(local: MediaStream): Promise<void> {
    clearInterval(this.statsTimer);
    this.media?.close();
    this.update({ reconnecting: true, media: 'running', server: 'running', returnedStream: undefined });
    await this.runMedia(local);
  }

  private watchStats(consumer: types.Consumer): void {
    clearInterval(this.statsTimer);
    this.statsTimer = setInterval(() => detach(this.readStats(consumer), 'reading the check statistics'), STATS_INTERVAL_MS);
  }

  private async readStats(consumer: types.Consumer): Promise<void> {
    if (consumer.closed) return;
    const stats = await consumer.getStats();
    let framesDecoded = 0;
    for (const report of stats.values() as Iterable<{ type: string; kind?: string; framesDecoded?: number }>) {
      if (report.type === 'inbound-rtp' && report.kind === 'video') framesDecoded = report.framesDecoded ?? 0;
    }
    const roundTripMs = await this.media?.roundTripMs();
    const path = await this.media?.connectionPath();
    this.update({ framesDecoded, roundTripMs, path, media: framesDecoded > 0 ? 'ok' : 'running' });
  }

  private update(patch: Partial<CheckState>): void {
    if (this.stopped) return;
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }
}

/** Camera or microphone could not be opened: the user has to act, so it gets its own message. */
export class DeviceError extends Error {
  constructor(cause: unknown) {
    super('camera or microphone unavailable', { cause });
    this.name = 'DeviceError';
  }
}
