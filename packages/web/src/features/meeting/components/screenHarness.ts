import type { MeetingSummary } from '@pm/shared';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import { I18nProvider } from '../../../i18n/I18nProvider';
import { MeetingContext } from '../hooks/meetingContext';
import { MeetingConnection } from '../services/meetingConnection';
import type { MeetingEvent } from '../state/applyServerEvent';

/**
 * Meeting screens rendered by React into a DOM (happy-dom) for the component tests, fed by the
 * store as the server's events would feed it. The connection is never opened: the tests are about
 * what the screens show, not the network. Importing this registers the clean-up after each test.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
});

/** A connection whose store went through a join with `summary` and is live. */
export function liveConnection(summary: MeetingSummary): MeetingConnection {
  const connection = new MeetingConnection(summary.meetingId, { sendMedia: false });
  for (const event of [{ type: 'joining' }, { type: 'joined', summary }, { type: 'live', at: 1 }] as MeetingEvent[]) {
    connection.store.apply(event);
  }
  return connection;
}

export async function renderScreen(connection: MeetingConnection, children: ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  await act(async () => {
    root.render(createElement(I18nProvider, null, createElement(MeetingContext.Provider, { value: connection }, children)));
    await Promise.resolve();
  });
  return container;
}

/** Applies server events to the screen's store, as the connection would on their arrival. */
export function push(connection: MeetingConnection, ...events: MeetingEvent[]): void {
  act(() => events.forEach((event) => connection.store.apply(event)));
}
