// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadDevicePreferences, roomMediaConstraints, saveDevicePreferences } from './devicePreferences';

afterEach(() => localStorage.clear());

describe('the devices a meeting room chose', () => {
  it('are remembered by the kiosk and asked for in every meeting, preferred rather than required', () => {
    saveDevicePreferences({ cameraId: 'cam-2', microphoneId: 'speakerphone', speakerId: 'speakerphone-out' });
    expect(loadDevicePreferences()).toEqual({ cameraId: 'cam-2', microphoneId: 'speakerphone', speakerId: 'speakerphone-out' });
    const constraints = roomMediaConstraints();
    expect(constraints.video).toMatchObject({ width: 1280, deviceId: { ideal: 'cam-2' } });
    expect(constraints.audio).toMatchObject({ echoCancellation: true, deviceId: { ideal: 'speakerphone' } });
  });

  it('before any choice, or after a garbled one, the browser’s defaults are used', () => {
    expect(roomMediaConstraints().video).not.toHaveProperty('deviceId');
    localStorage.setItem('pm.devices', '{not json');
    expect(loadDevicePreferences()).toEqual({});
    localStorage.setItem('pm.devices', JSON.stringify({ cameraId: 42 }));
    expect(loadDevicePreferences().cameraId).toBeUndefined();
  });
});
