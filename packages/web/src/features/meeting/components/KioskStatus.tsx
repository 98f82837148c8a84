import { useEffect, useState } from 'react';
import { Icon } from '../../../components/Icon';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import { sameFields, selectFloorNotice, selectNetworkLevel, selectOwnMedia } from '../state/selectors';

/** How long a notice of the chair's action on the room's floor stays on screen. */
export const FLOOR_NOTICE_MS = 8000;
const VOLUME_KEY = 'pm.kioskVolume';

/**
 * Whether the room is on air, said plainly and truthfully: its picture on every screen, and
 * whether its microphone is heard (a spotlighted room's microphone may be closed).
 */
export function OnAirStatus() {
  const { t } = useI18n();
  const { onProgramme, micOpen } = useMeetingState(selectOwnMedia, sameFields);
  if (!onProgramme && !micOpen) return null;
  return (
    <div className="on-air" role="status" data-testid="on-air" data-mic-open={micOpen}>
      {onProgramme && (
        <p className="on-air__live">
          <Icon name="live" /> {t('kiosk.live')}
        </p>
      )}
      <p className={micOpen ? 'on-air__mic on-air__mic--open' : 'on-air__mic'}>
        <Icon name={micOpen ? 'mic' : 'micOff'} /> {micOpen ? t('kiosk.micOpen') : t('kiosk.micClosed')}
      </p>
    </div>
  );
}

/** The room's network, from its own WebRTC measurements (not "good" because it is connected). */
export function NetworkIndicator() {
  const { t } = useI18n();
  const level = useMeetingState(selectNetworkLevel);
  const bars = { good: 4, fair: 2, poor: 1, unknown: 0, down: 0 }[level];
  return (
    <p className={`network network--${level}`} data-testid="network-indicator" data-level={level}>
      <span className="network__bars" aria-hidden="true">
        {[1, 2, 3, 4].map((bar) => (
          <span key={bar} className={bar <= bars ? 'network__bar network__bar--on' : 'network__bar'} />
        ))}
      </span>
      {t('kiosk.network')}: <strong>{t(`kiosk.network.${level}`)}</strong>
    </p>
  );
}

/** The chair just muted everyone, ended the room's turn, or gave it the floor: told for a few seconds. */
export function FloorNoticeBanner() {
  const { t } = useI18n();
  const notice = useMeetingState(selectFloorNotice);
  const [shownUntilSeq, setShownUntilSeq] = useState(0);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setShownUntilSeq(notice.seq), FLOOR_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice || shownUntilSeq >= notice.seq) return null;
  return (
    <p className={`floor-notice floor-notice--${notice.kind}`} role="alert" data-testid="floor-notice" data-kind={notice.kind}>
      <Icon name={notice.kind === 'granted' ? 'mic' : 'micOff'} /> {t(`kiosk.notice.${notice.kind}`)}
    </p>
  );
}

/** The programme's loudness in this room, remembered by the kiosk. */
export function useKioskVolume(): [number, (volume: number) => void] {
  const [volume, setVolume] = useState(() => {
    const stored = Number(localStorage.getItem(VOLUME_KEY) ?? '1');
    return Number.isFinite(stored) ? Math.min(1, Math.max(0, stored)) : 1;
  });
  useEffect(() => localStorage.setItem(VOLUME_KEY, String(volume)), [volume]);
  return [volume, setVolume];
}

export function VolumeControl({ volume, onChange }: { volume: number; onChange: (volume: number) => void }) {
  const { t } = useI18n();
  return (
    <label className="volume">
      <Icon name="speaker" />
      <span className="visually-hidden">{t('kiosk.volume')}</span>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(volume * 100)}
        onChange={(e) => onChange(Number(e.target.value) / 100)}
        aria-label={t('kiosk.volume')}
        data-testid="volume"
      />
    </label>
  );
}
