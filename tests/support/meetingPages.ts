import type { Locator, Page } from 'playwright-core';

/** Frames decoded now and again a second later: the second must be higher, or the picture froze. */
export async function stillDecoding(read: () => Promise<number>): Promise<boolean> {
  const before = await read();
  await new Promise((r) => setTimeout(r, 1000));
  return (await read()) > before && before > 0;
}

/** Whether the whole element is inside the viewport, the page not scrolled: what a user sees without scrolling. */
export async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  return (await page.evaluate(() => window.scrollY)) === 0 && inView(page, locator);
}

/** Whether the whole element is inside the viewport as the page is scrolled now: what the user sees after the page brought it into view. */
export async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  // Scrolling aligns an edge to the viewport's to within a fraction of a pixel.
  const edge = (value: number) => Math.round(value);
  return !!box && edge(box.x) >= 0 && edge(box.y) >= 0 && edge(box.x + box.width) <= viewport.width && edge(box.y + box.height) <= viewport.height;
}

/** What a meeting screen received, read from the browser's own WebRTC statistics. */
export interface ReceivedTrack {
  consumerId: string;
  purpose: 'programme-video' | 'programme-audio' | 'return-video' | 'programme-inset' | 'wall';
  siteId: string | null;
  kind: 'audio' | 'video';
  packetsReceived: number;
  framesDecoded: number;
  keyFramesDecoded: number;
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

  /**
   * The programme video's decoded frames and keyframes. The programme is one stable consumer
   * whoever is on it: the caption says whose picture it is, and a switch shows as a keyframe.
   */
  async programmeVideo(): Promise<{ frames: number; keyframes: number }> {
    const video = (await this.received()).find((r) => r.purpose === 'programme-video');
    return { frames: video?.framesDecoded ?? 0, keyframes: video?.keyFramesDecoded ?? 0 };
  }

  /** Whose camera the programme carries now by its caption: a site id, or null for the chair's. */
  async programmeSiteId(): Promise<string | null> {
    const siteId = await this.page.getByTestId('programme-caption').getAttribute('data-video-site-id');
    return siteId ? siteId : null;
  }

  /** Whether the programme carries `siteId`'s camera (null: the chair's) and its picture keeps decoding over a second. */
  async decodesProgrammeOf(siteId: string | null): Promise<boolean> {
    if ((await this.programmeSiteId()) !== siteId) return false;
    const before = (await this.programmeVideo()).frames;
    await new Promise((r) => setTimeout(r, 1000));
    return before > 0 && (await this.programmeVideo()).frames > before;
  }

  /** Decoded frames of the picture the room watches while it is on the programme itself (the return picture). */
  async returnFrames(): Promise<number> {
    return (await this.received()).find((r) => r.purpose === 'return-video')?.framesDecoded ?? 0;
  }

  /**
   * How many programme audio tracks carry sound now (their energy grows over a second): the chair's
   * voice alone, or the chair's and the voice of the room holding the floor.
   */
  async programmeVoicesSounding(): Promise<number> {
    const energies = async () =>
      new Map((await this.received()).filter((r) => r.purpose === 'programme-audio').map((r) => [r.consumerId, r.audioEnergy]));
    const before = await energies();
    await new Promise((r) => setTimeout(r, 1000));
    return [...(await energies())].filter(([id, energy]) => energy > (before.get(id) ?? 0)).length;
  }

  /** The ids of every consumer the screen holds: a stable programme keeps them through floor changes. */
  async consumerIds(): Promise<string[]> {
    return (await this.received()).map((r) => r.consumerId).sort();
  }

  /** Decoded frames of the presenter's camera shown small over a presentation. */
  async insetFrames(): Promise<number> {
    return (await this.received()).find((r) => r.purpose === 'programme-inset')?.framesDecoded ?? 0;
  }

  caption(): Promise<string | null> {
    return this.page.getByTestId('programme-caption').textContent();
  }
}
