import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import type { ProgrammeOutput } from '../sfu/meetingMedia.js';
import type { ms } from '../sfu/mediasoupModule.js';
import { plainCapabilities } from '../sfu/plainCapabilities.js';
import type { FeedRelay } from './feedRelay.js';

export type Slot = 'video' | 'chair' | 'floor';
export type Relays = Record<Slot, FeedRelay>;

/** The programme's outputs the recording holds: its picture, the chair's voice, the floor's voice. */
const recorded: Record<Slot, ProgrammeOutput> = { video: 'video', chair: 'chairVoice', floor: 'floorVoice' };

/**
 * The programme as the recorder takes it: the meeting's stable programme producers (the top
 * layer of its picture, both voices), each consumed once on a plain transport that sends to its
 * relay. The programme switches on the server, so the recorder follows the floor without doing
 * anything; whether there is a picture to record is the meeting's choice of programme.
 */
export class ProgrammeCapture {
  private hasPicture = false;
  private readonly stopWatching: () => void;

  private constructor(
    meeting: LiveMeeting,
    private readonly router: ms.Router,
    private readonly transports: ms.PlainTransport[],
    private readonly video: ms.Consumer,
  ) {
    this.stopWatching = meeting.watchProgramme((selection) => (this.hasPicture = selection.video !== undefined));
  }

  static async open(meeting: LiveMeeting, relays: Relays): Promise<ProgrammeCapture> {
    const programme = await meeting.programme();
    const { router } = programme;
    const transports: ms.PlainTransport[] = [];
    const consumers = {} as Record<Slot, ms.Consumer>;
    try {
      for (const slot of Object.keys(recorded) as Slot[]) {
        const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false, appData: { recorder: true } });
        transports.push(transport);
        await transport.connect({ ip: '127.0.0.1', port: relays[slot].port });
        const producer = programme.producers[recorded[slot]];
        consumers[slot] = await transport.consume({
          producerId: producer.id,
          rtpCapabilities: plainCapabilities(router),
          ...(producer.kind === 'video' ? { preferredLayers: { spatialLayer: 2 } } : {}),
        });
      }
    } catch (err) {
      for (const transport of transports) transport.close();
      throw err;
    }
    return new ProgrammeCapture(meeting, router, transports, consumers.video);
  }

  /** The programme's router went away (the meeting ended or its worker died). */
  onRouterClosed(listener: () => void): void {
    this.router.observer.once('close', listener);
  }

  hasVideo(): boolean {
    return this.hasPicture;
  }

  async requestKeyFrame(): Promise<void> {
    if (!this.video.closed) await this.video.requestKeyFrame();
  }

  close(): void {
    this.stopWatching();
    for (const transport of this.transports) transport.close();
  }
}
