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

  /**
   * A getter of one part of the state for `useSyncExternalStore`: it answers the same value until
   * the state changes, and keeps the last value's identity while the new one is `equal` to it.
   */
  selection<T>(select: (state: MeetingViewState) => T, equal: (a: T, b: T) => boolean): () => T {
    let last: { state: MeetingViewState; selected: T } | undefined;
    return () => {
      const state = this.state;
      if (last?.state === state) return last.selected;
      const selected = select(state);
      last = { state, selected: last && equal(last.selected, selected) ? last.selected : selected };
      return last.selected;
    };
  }

  apply(event: MeetingEvent): void {
    const next = applyServerEvent(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
