import type { Page } from 'playwright-core';

/** What a meeting screen received, read from the browser's own WebRTC statistics. */
export interface ReceivedTrack {
  consumerId: string;
  purpose: 'programme-video' | 'programme-audio' | 'return-video' | 'programme-inset' | 'wall';
  siteId: string | null;
  kind: 'audio' | 'video';
  packetsReceived: number;
  framesDecoded: number;
  audioEnergy: number;
}

/** A meeting screen (kiosk, chair console, operator wall) seen from a test: a page object. */
export class MeetingScreen {
  constructor(readonly page: Page) {}

  async open(meetingId: string): Promise<void> {
    await this.page.goto(`/meeting/${meetingId}`);
  }

  received(): Promise<ReceivedTrack[]> {
    return this.page.evaluate(async () => {
      const diagnostics = (window as unknown as { pmDiagnostics?: { receiveStats(): Promise<unknown[]> } }).pmDiagnostics;
      return ((await diagnostics?.receiveStats()) ?? []) as ReceivedTrack[];
    });
  }

  /** The programme video's decoded frames, if the programme currently comes from `siteId` (null: the chair). */
  async programmeFramesFrom(siteId: string | null): Promise<number> {
    const video = (await this.received()).find((r) => r.purpose === 'programme-video' && r.siteId === siteId);
    return video?.framesDecoded ?? 0;
  }

  /** Audio energy decoded from `siteId`'s microphone in the programme (null: the chair). */
  async programmeAudioEnergyFrom(siteId: string | null): Promise<number> {
    const audio = (await this.received()).find((r) => r.purpose === 'programme-audio' && r.siteId === siteId);
    return audio?.audioEnergy ?? 0;
  }

  /** Decoded frames of the presenter's camera shown small over a presentation. */
  async insetFrames(): Promise<number> {
    return (await this.received()).find((r) => r.purpose === 'programme-inset')?.framesDecoded ?? 0;
  }

  caption(): Promise<string | null> {
    return this.page.getByTestId('programme-caption').textContent();
  }
}
