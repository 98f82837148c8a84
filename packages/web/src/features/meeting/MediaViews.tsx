import { useEffect, useRef } from 'react';
import type { MeetingConnection } from './meetingConnection';

/** Plays one received video; the track is looked up in the connection, never kept in React state. */
export function ConsumerVideo({
  connection,
  consumerId,
  testId,
  className,
}: {
  connection: MeetingConnection;
  consumerId: string | undefined;
  testId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    const track = consumerId ? connection.track(consumerId) : undefined;
    if (!video) return;
    video.srcObject = track ? new MediaStream([track]) : null;
    if (track) void video.play().catch(() => undefined);
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

/** Plays one received audio track (programme audio: the chair and whoever holds the floor). */
export function ConsumerAudio({ connection, consumerId }: { connection: MeetingConnection; consumerId: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    const track = connection.track(consumerId);
    if (!audio || !track) return;
    audio.srcObject = new MediaStream([track]);
    void audio.play().catch(() => undefined);
  }, [connection, consumerId]);
  return <audio ref={ref} autoPlay data-testid="programme-audio" data-consumer={consumerId} />;
}
