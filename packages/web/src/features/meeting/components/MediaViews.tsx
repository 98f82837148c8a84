import { useEffect, useRef } from 'react';
import { loadDevicePreferences, routeToSpeaker } from '../../../media/devicePreferences';
import { useMeetingConnection } from '../hooks/meetingContext';

/** Plays one received video; the track is looked up in the connection, never kept in React state. */
export function ConsumerVideo({
  consumerId,
  testId,
  className,
}: {
  consumerId: string | undefined;
  testId?: string;
  className?: string;
}) {
  const connection = useMeetingConnection();
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    const track = consumerId ? connection.track(consumerId) : undefined;
    if (!video) return;
    video.srcObject = track ? new MediaStream([track]) : null;
    // A refused autoplay leaves the picture still until the next interaction; nothing to report.
    if (track) video.play().catch(() => undefined);
  }, [connection, consumerId]);
  return (
    <video
      ref={ref}
      className={className ?? 'video'}
      autoPlay
      playsInline
      muted
      data-testid={testId}
      data-consumer={consumerId ?? ''}
    />
  );
}

/** Plays one received audio track (programme audio: the chair and whoever holds the floor), at `volume` (0–1). */
export function ConsumerAudio({ consumerId, volume = 1 }: { consumerId: string; volume?: number }) {
  const connection = useMeetingConnection();
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    const track = connection.track(consumerId);
    if (!audio || !track) return;
    audio.srcObject = new MediaStream([track]);
    audio.play().catch(() => undefined);
    // On the speaker the room chose; a speaker gone since leaves the default, which still plays.
    routeToSpeaker(audio, loadDevicePreferences().speakerId).catch(() => undefined);
  }, [connection, consumerId]);
  useEffect(() => {
    if (ref.current) ref.current.volume = volume;
  }, [volume]);
  return <audio ref={ref} autoPlay data-testid="programme-audio" data-consumer={consumerId} />;
}
