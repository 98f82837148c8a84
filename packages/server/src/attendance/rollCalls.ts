import { CodedError, type RollCall } from '@pm/shared';
import type { Logger } from '../logger.js';

export interface RollCallStore {
  createRollCall(meetingId: string, startedByUserId: string, startedAt: Date, deadline: Date): Promise<string>;
  confirmRollCall(rollCallId: string, siteId: string, userId: string, at: Date): Promise<void>;
}

/**
 * Roll calls (điểm danh) of one meeting: the operator or chair starts one, every site is asked to
 * confirm, and at the deadline the result is final. One at a time; as many as the meeting needs.
 * Every step is written before it is announced, so a restart keeps what was confirmed.
 */
export class RollCalls {
  private current: (RollCall & { timer: NodeJS.Timeout }) | undefined;

  constructor(
    private readonly meetingId: string,
    private readonly store: RollCallStore,
    private readonly changed: (rollCall: RollCall) => void,
    private readonly log: Logger,
  ) {}

  active(): RollCall | undefined {
    return this.current && !this.current.closed ? this.view(this.current) : undefined;
  }

  async start(startedByUserId: string, durationSeconds: number, now = Date.now()): Promise<RollCall> {
    if (this.active()) throw new CodedError('CONFLICT', 'a roll call is already open');
    const deadline = now + durationSeconds * 1000;
    const rollCallId = await this.store.createRollCall(this.meetingId, startedByUserId, new Date(now), new Date(deadline));
    const timer = setTimeout(() => this.closeCurrent(), deadline - now);
    timer.unref();
    this.current = { rollCallId, startedAt: now, deadline, confirmed: {}, closed: false, timer };
    this.log.info({ meeting: this.meetingId, rollCallId, durationSeconds }, 'roll call started');
    this.publish();
    return this.view(this.current);
  }

  async confirm(rollCallId: string, siteId: string, userId: string, now = Date.now()): Promise<RollCall> {
    const current = this.current;
    if (!current || current.rollCallId !== rollCallId || current.closed || now > current.deadline) {
      throw new CodedError('CONFLICT', 'this roll call is closed');
    }
    if (current.confirmed[siteId] === undefined) {
      await this.store.confirmRollCall(rollCallId, siteId, userId, new Date(now));
      current.confirmed[siteId] = now;
      this.publish();
    }
    return this.view(current);
  }

  close(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.closeCurrent();
  }

  private closeCurrent(): void {
    if (!this.current || this.current.closed) return;
    this.current.closed = true;
    this.log.info(
      { meeting: this.meetingId, rollCallId: this.current.rollCallId, confirmed: Object.keys(this.current.confirmed).length },
      'roll call closed',
    );
    this.publish();
  }

  private publish(): void {
    if (this.current) this.changed(this.view(this.current));
  }

  private view({ rollCallId, startedAt, deadline, confirmed, closed }: RollCall): RollCall {
    return { rollCallId, startedAt, deadline, confirmed: { ...confirmed }, closed };
  }
}
