import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** Moves the app to another path without reloading; App follows it like the back button. */
export function navigateTo(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
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
