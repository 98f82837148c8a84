import { routeToSpeaker } from '../../media/devicePreferences';

const TONE_HZ = 440;
const TONE_SECONDS = 1.5;

/**
 * Plays a short tone on the chosen speaker, so the room hears that its speakers work (the check's
 * returned picture carries no sound back). Resolves when the tone is over.
 */
export async function playTestSound(speakerId: string | undefined): Promise<void> {
  const context = new AudioContext();
  try {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const output = context.createMediaStreamDestination();
    oscillator.frequency.value = TONE_HZ;
    // Fade in and out: a click-free tone at a comfortable level.
    gain.gain.setValueAtTime(0, context.currentTime);
    gain.gain.linearRampToValueAtTime(0.3, context.currentTime + 0.05);
    gain.gain.linearRampToValueAtTime(0, context.currentTime + TONE_SECONDS);
    oscillator.connect(gain).connect(output);
    const audio = new Audio();
    audio.srcObject = output.stream;
    await routeToSpeaker(audio, speakerId);
    await context.resume();
    await audio.play();
    oscillator.start();
    oscillator.stop(context.currentTime + TONE_SECONDS);
    await new Promise((resolve) => oscillator.addEventListener('ended', resolve, { once: true }));
    audio.pause();
  } finally {
    await context.close();
  }
}
