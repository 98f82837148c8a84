import type { RecordingStatus } from '@pm/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { SignallingClient } from '../../signalling/signallingClient';
import { detach } from '../../util/detach';

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
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is opened (and closed) by this effect, so it is known only here
    setSignalling(client);
    const stop = client.on('recording:state', (next) => next.meetingId === meetingId && setStatus(next));
    // A reconnection may have missed a push: read the state again.
    const read = () => detach(callApi('recording.status', { params: { id: meetingId } }).then(setStatus), 'reading the recording state');
    client.socket.on('connect', read);
    read();
    return () => {
      stop();
      client.close();
    };
  }, [meetingId, setStatus]);
  return { status: received?.status, receivedAt: received?.receivedAt ?? 0, setStatus, signalling };
}
