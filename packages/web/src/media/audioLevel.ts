import { useEffect, useState } from 'react';
import { detach } from '../util/detach';

/** How often a level meter is redrawn: smooth enough to see speech, cheap on a kiosk. */
const LEVEL_SAMPLE_MS = 100;
/** The quietest level a meter shows above nothing (dBFS): room noise sits below, speech well above. */
const FLOOR_DB = -60;

/** A meter's position (0–1) for a signal's RMS amplitude, on a decibel scale as ears hear it. */
export function levelFromRms(rms: number): number {
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/**
 * The live level (0–1) of a stream's microphone, measured in the browser (Web Audio), so a room
 * sees its microphone works before and while it speaks. 0 without a microphone.
 */
export function useAudioLevel(stream: MediaStream | undefined): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!track) return;
    const context = new AudioContext();
    // Started without a click (an unattended kiosk), the context may wait for one; ask anyway.
    detach(context.resume(), 'starting the level meter');
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const meanSquare = samples.reduce((sum, v) => sum + v * v, 0) / samples.length;
      setLevel(levelFromRms(Math.sqrt(meanSquare)));
    }, LEVEL_SAMPLE_MS);
    return () => {
      clearInterval(timer);
      source.disconnect();
      detach(context.close(), 'closing the level meter');
      setLevel(0);
    };
  }, [stream]);
  return level;
}
