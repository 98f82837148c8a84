import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { loadDevicePreferences, saveDevicePreferences, type DevicePreferences } from '../../media/devicePreferences';
import { detach } from '../../util/detach';

const kinds = [
  ['cameraId', 'videoinput', 'check.camera'],
  ['microphoneId', 'audioinput', 'check.microphone'],
  ['speakerId', 'audiooutput', 'check.speaker'],
] as const;

/** The devices the browser offers, listed again when one is plugged in or out. */
function useDevices(ready: boolean): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    // Before the camera is allowed, the browser hides the devices' names: list them after.
    if (!ready || !navigator.mediaDevices) return;
    const list = () => detach(navigator.mediaDevices.enumerateDevices().then(setDevices), 'listing devices');
    list();
    navigator.mediaDevices.addEventListener('devicechange', list);
    return () => navigator.mediaDevices.removeEventListener('devicechange', list);
  }, [ready]);
  return devices;
}

/**
 * The room chooses its camera, microphone and speaker (often two cameras and a speakerphone);
 * the kiosk remembers them for every meeting. A new camera or microphone restarts the check.
 */
export function DeviceChoice({ ready, onChange }: { ready: boolean; onChange: (preferences: DevicePreferences) => void }) {
  const { t } = useI18n();
  const devices = useDevices(ready);
  const [chosen, setChosen] = useState(loadDevicePreferences);
  const choose = (key: keyof DevicePreferences, deviceId: string) => {
    const next = { ...chosen, [key]: deviceId || undefined };
    setChosen(next);
    saveDevicePreferences(next);
    onChange(next);
  };
  return (
    <fieldset className="devices" data-testid="device-choice">
      <legend>{t('check.devices')}</legend>
      {kinds.map(([key, kind, label]) => {
        const offered = devices.filter((d) => d.kind === kind);
        return (
          <label key={key}>
            {t(label)}
            <select value={chosen[key] ?? ''} onChange={(e) => choose(key, e.target.value)} data-testid={`device-${key}`}>
              <option value="">{t('check.defaultDevice')}</option>
              {offered.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `${t(label)} ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </fieldset>
  );
}
