import { useEffect, useRef } from 'react';

/** A <video> showing a MediaStream; the stream stays in the media service, not in React state. */
export function VideoView({ stream, muted, testId }: { stream?: MediaStream; muted?: boolean; testId?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream ?? null;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return <video ref={ref} className="video" autoPlay playsInline muted={muted} data-testid={testId} />;
}
