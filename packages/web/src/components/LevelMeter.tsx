import { useAudioLevel } from '../media/audioLevel';
import { Icon } from './Icon';

/** A microphone's level as a bar that moves with the voice (its own component: it redraws ten times a second). */
export function LevelMeter({ stream, label }: { stream: MediaStream | undefined; label: string }) {
  const level = useAudioLevel(stream);
  const percent = Math.round(level * 100);
  return (
    <div className="level-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="mic-level">
      <Icon name="mic" />
      <span className="level-meter__track">
        <span className="level-meter__fill" style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}
