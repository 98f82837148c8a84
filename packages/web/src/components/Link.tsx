import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { leaveIfNothingUnsaved } from './leaveGuard';

/** Paths the app itself moved to (not the browser's back or forward button), told apart by App. */
export const APP_NAVIGATION = 'pm.appNavigation';

/** Moves the app to another path without reloading; App follows it like the back button. */
function go(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate', { state: APP_NAVIGATION }));
}

/** A move to another screen: while a form holds unsaved changes, the person is asked first. */
export function navigateTo(path: string): void {
  leaveIfNothingUnsaved(() => go(path));
}

/** A move the app makes once the screen has nothing more to keep (the session ended, the meeting was cancelled): never asks. */
export function navigateAway(path: string): void {
  go(path);
}

/** An ordinary link (keyboard, middle-click, copy address all work) that navigates in place. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigateTo(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
