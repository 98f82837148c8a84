import type { RecordingStatus } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { SignallingClient } from '../../signalling/signallingClient';

/**
 * A meeting's recording state as every invited screen shows it: read once, then kept current by
 * the server's `recording:state` pushes. Also returns the connection the controls send on.
 */
export function useRecordingStatus(meetingId: string) {
  const [status, setStatus] = useState<RecordingStatus>();
  const [signalling, setSignalling] = useState<SignallingClient>();
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
  }, [meetingId]);
  return { status, setStatus, signalling };
}
