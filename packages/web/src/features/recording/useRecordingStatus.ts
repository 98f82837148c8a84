import type { RecordingStatus } from '@pm/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { SignallingClient } from '../../signalling/signallingClient';

/** A recording status and when it arrived, for the clock that counts on from it. */
interface Received {
  status: RecordingStatus;
  receivedAt: number;
}

/**
 * A meeting's recording state as every invited screen shows it: read once, then kept current by
 * the server's `recording:state` pushes. Also returns the connection the controls send on.
 */
export function useRecordingStatus(meetingId: string) {
  const [received, setReceived] = useState<Received>();
  const [signalling, setSignalling] = useState<SignallingClient>();
  const setStatus = useCallback((status: RecordingStatus) => setReceived({ status, receivedAt: Date.now() }), []);
  useEffect(() => {
    const client = new SignallingClient();
    setSignalling(client);
    const stop = client.on('recording:state', (next) => next.meetingId === meetingId && setStatus(next));
    // A reconnection may have missed a push: read the state again.
    const read = () => void callApi('recording.status', { params: { id: meetingId } }).then(setStatus, () => undefined);
    client.socket.on('connect', read);
    read();
    return () => {
      stop();
      client.close();
    };
  }, [meetingId, setStatus]);
  return { status: received?.status, receivedAt: received?.receivedAt ?? 0, setStatus, signalling };
}
