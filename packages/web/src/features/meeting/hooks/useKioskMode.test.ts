import { describe, expect, it } from 'vitest';
import { rememberKioskFlag } from './useKioskMode';

/** A storage that keeps what is set, as the kiosk's localStorage does. */
function storage() {
  const kept = new Map<string, string>();
  return { kept, setItem: (key: string, value: string) => void kept.set(key, value) };
}

describe('the full-screen flag of an unattended kiosk', () => {
  it('is remembered from the home screen’s address, for the meeting reached later through links', () => {
    const store = storage();
    rememberKioskFlag('?kiosk=1', store);
    expect(store.kept.get('pm.kioskFullScreen')).toBe('1');
    rememberKioskFlag('?kiosk=0', store);
    expect(store.kept.get('pm.kioskFullScreen')).toBe('0');
  });

  it('leaves the last choice alone when the address has no flag (or a value it does not know)', () => {
    const store = storage();
    rememberKioskFlag('', store);
    rememberKioskFlag('?kiosk=yes&lang=vi', store);
    expect(store.kept.size).toBe(0);
  });
});
