import { applyServerEvent, type MeetingEvent } from './applyServerEvent';
import { initialMeetingState, type MeetingViewState } from './meetingState';

/**
 * The one owner of a meeting screen's state: events go in, listeners hear of a change. Free of
 * React; hooks read it through `useSyncExternalStore` with a selector.
 */
export class MeetingStore {
  private state: MeetingViewState = initialMeetingState;
  private readonly listeners = new Set<() => void>();

  getState = (): MeetingViewState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(event: MeetingEvent): void {
    const next = applyServerEvent(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
