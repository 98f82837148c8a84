/**
 * The camera, microphone and speaker a meeting room chose in its technical check, remembered by
 * the kiosk (rooms often have two cameras and a speakerphone) and used for every meeting after.
 */
export interface DevicePreferences {
  cameraId?: string;
  microphoneId?: string;
  speakerId?: string;
}

const STORAGE_KEY = 'pm.devices';

export function loadDevicePreferences(): DevicePreferences {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    const pick = (key: keyof DevicePreferences) => {
      const value = (stored as Record<string, unknown>)[key];
      return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
    };
    return { cameraId: pick('cameraId'), microphoneId: pick('microphoneId'), speakerId: pick('speakerId') };
  } catch {
    // Unreadable (edited by hand, an older format): the browser's default devices, as before a choice.
    return {};
  }
}

export function saveDevicePreferences(preferences: DevicePreferences): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
}

/**
 * What to ask `getUserMedia` for: the room's camera in HD and its microphone with the usual voice
 * processing, the chosen devices preferred (`ideal`: a device unplugged since falls back to another).
 */
export function roomMediaConstraints(preferences: DevicePreferences = loadDevicePreferences()): MediaStreamConstraints {
  const device = (id: string | undefined) => (id ? { deviceId: { ideal: id } } : {});
  return {
    video: { width: 1280, height: 720, frameRate: 30, ...device(preferences.cameraId) },
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, ...device(preferences.microphoneId) },
  };
}

/** Plays an element's sound on the chosen speaker (browsers without the choice use the default). */
export async function routeToSpeaker(element: HTMLMediaElement, speakerId: string | undefined): Promise<void> {
  const sink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (speakerId && sink.setSinkId) await sink.setSinkId(speakerId);
}
