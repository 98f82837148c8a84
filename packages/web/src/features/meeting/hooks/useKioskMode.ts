import { useCallback, useEffect, useState } from 'react';
import { detach } from '../../../util/detach';

const STORAGE_KEY = 'pm.kioskFullScreen';
/** `?kiosk=1` on any page turns the full-screen kiosk on for this browser (an unattended kiosk's start page), `?kiosk=0` off. */
const URL_FLAG = 'kiosk';
/** On the document while the meeting fills the screen: the app's header and margins give way. */
const BODY_CLASS = 'tv-mode';

/**
 * Remembers the URL flag of whatever page the browser opened first. An unattended kiosk's start
 * URL is its home screen (`/?kiosk=1`: it cannot know tomorrow's meeting), and the meeting it
 * reaches through the home's links carries no flag; read only on the meeting page, the flag was lost.
 */
export function rememberKioskFlag(search: string, storage: Pick<Storage, 'setItem'> = localStorage): void {
  const flag = new URLSearchParams(search).get(URL_FLAG);
  if (flag === '1' || flag === '0') storage.setItem(STORAGE_KEY, flag);
}

/**
 * Whether this browser is a full-screen kiosk (an unattended one, usually), read outside a meeting
 * too: the URL flag remembered as the app started, or the last choice.
 */
export function kioskModeOn(): boolean {
  return localStorage.getItem(STORAGE_KEY) === '1';
}

/**
 * The full-screen kiosk: the programme fills the TV, status in large type, the header hidden.
 * Chosen with one button or the URL flag, and remembered per kiosk. The button also asks the
 * browser for full screen (a kiosk browser started with `--kiosk` already is).
 */
export function useKioskMode(): { on: boolean; enter: () => void; exit: () => void } {
  const [on, setOn] = useState(kioskModeOn);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
    if (!on) return;
    document.body.classList.add(BODY_CLASS);
    return () => document.body.classList.remove(BODY_CLASS);
  }, [on]);
  const enter = useCallback(() => {
    setOn(true);
    // Refused without a click or by policy: the layout is full screen all the same.
    if (!document.fullscreenElement) detach(document.documentElement.requestFullscreen(), 'entering full screen');
  }, []);
  const exit = useCallback(() => {
    setOn(false);
    if (document.fullscreenElement) detach(document.exitFullscreen(), 'leaving full screen');
  }, []);
  return { on, enter, exit };
}
