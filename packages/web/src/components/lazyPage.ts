import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A screen loaded with its route, not with the app: the build makes it a chunk of its own, so a
 * meeting room's kiosk does not download the secretariat's editors (and the other way round).
 * `load` imports the screen's module and picks its named export.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }));
}
