import { CodedError, type FloorState } from '@pm/shared';

/**
 * The floor of an official meeting: sites ask to speak and wait in order; the chair grants,
 * revokes, moves to the next, spotlights a site, invites one to present or mutes all. Pure state with no I/O, so one
 * owner can keep it, snapshot it (to Redis, for another node to take over) and test it alone.
 */
export class FloorControl {
  private state: FloorState;

  constructor(initial?: FloorState) {
    this.state = initial ? structuredClone(initial) : { queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null };
  }

  snapshot(): FloorState {
    return structuredClone(this.state);
  }

  get holder(): string | undefined {
    return this.state.holder?.siteId;
  }

  get spotlight(): string | undefined {
    return this.state.spotlight ?? undefined;
  }

  get presenter(): string | undefined {
    return this.state.presenter ?? undefined;
  }

  /** Whether a site may present its screen: it holds the floor, or the chair invited it. */
  mayPresent(siteId: string): boolean {
    return this.holder === siteId || this.presenter === siteId;
  }

  /** 1-based place of a site in the queue, or undefined when it is not waiting. */
  positionOf(siteId: string): number | undefined {
    const index = this.state.queue.findIndex((r) => r.siteId === siteId);
    return index < 0 ? undefined : index + 1;
  }

  /** A site asks for the floor. Asking twice keeps its first place. */
  request(siteId: string, now: number): number {
    if (this.state.holder?.siteId === siteId) throw new CodedError('CONFLICT', 'this site already has the floor');
    const existing = this.positionOf(siteId);
    if (existing) return existing;
    this.state.queue.push({ siteId, requestedAt: now });
    return this.state.queue.length;
  }

  /** A site withdraws its request (or leaves the meeting). */
  cancel(siteId: string): boolean {
    const before = this.state.queue.length;
    this.state.queue = this.state.queue.filter((r) => r.siteId !== siteId);
    return this.state.queue.length !== before;
  }

  /**
   * The operator moves a waiting site to the front of the queue (the chair asked for it, or its
   * question is urgent); it keeps the time it asked. False if it was not waiting.
   */
  moveToFront(siteId: string): boolean {
    const request = this.state.queue.find((r) => r.siteId === siteId);
    if (!request) return false;
    this.state.queue = [request, ...this.state.queue.filter((r) => r !== request)];
    return true;
  }

  /** The chair gives the floor to a site, which need not be in the queue; the previous holder loses it. */
  grant(siteId: string, now: number): void {
    this.cancel(siteId);
    this.state.holder = { siteId, since: now };
  }

  revoke(): string | undefined {
    const previous = this.state.holder?.siteId;
    this.state.holder = null;
    return previous;
  }

  /** Grants the floor to the first site in the queue; with an empty queue, the floor returns to the chair. */
  next(now: number): string | undefined {
    const first = this.state.queue[0];
    if (!first) {
      this.revoke();
      return undefined;
    }
    this.grant(first.siteId, now);
    return first.siteId;
  }

  setSpotlight(siteId: string | undefined): void {
    this.state.spotlight = siteId ?? null;
  }

  /** The chair invites a site to present (undefined withdraws the invitation); one at a time. */
  invitePresenter(siteId: string | undefined): void {
    this.state.presenter = siteId ?? null;
  }

  /** Silences every site: the floor returns to the chair; the spotlight and the invitation to present are cleared. */
  muteAll(now: number): void {
    this.state.holder = null;
    this.state.spotlight = null;
    this.state.presenter = null;
    this.state.muteAllAt = now;
  }

  /**
   * Closes one room's microphone as "mute all" closes every room's: the floor returns to the
   * chair, and the room is marked as muted by the staff (its kiosk says so). Like after "mute
   * all", the room speaks again only by asking for the floor. False if its microphone was not open.
   */
  muteSite(siteId: string, now: number): boolean {
    if (this.holder !== siteId) return false;
    this.state.holder = null;
    this.state.mutedSite = { siteId, at: now };
    return true;
  }

  /** A site left for good: it loses its place, the floor, the spotlight and its invitation to present. */
  removeSite(siteId: string): void {
    this.cancel(siteId);
    if (this.state.holder?.siteId === siteId) this.state.holder = null;
    if (this.state.spotlight === siteId) this.state.spotlight = null;
    if (this.state.presenter === siteId) this.state.presenter = null;
  }
}
