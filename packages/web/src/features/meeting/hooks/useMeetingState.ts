import { useMemo, useSyncExternalStore } from 'react';
import type { Selector } from '../state/selectors';
import { useMeetingConnection } from './meetingContext';

/**
 * One part of the meeting's state, chosen by `select`: the component re-renders only when that
 * part changes (by `equal`, `Object.is` unless given), not on every event. A kiosk reading the
 * floor thus sleeps through the quality samples the chair's wall receives every five seconds.
 */
export function useMeetingState<T>(select: Selector<T>, equal: (a: T, b: T) => boolean = Object.is): T {
  const { store } = useMeetingConnection();
  const getSelection = useMemo(() => store.selection(select, equal), [store, select, equal]);
  return useSyncExternalStore(store.subscribe, getSelection);
}
