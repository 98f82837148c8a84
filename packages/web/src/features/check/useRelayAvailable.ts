import { useEffect, useState } from 'react';
import { turnServers } from '../../media/mediaSession';

/** Whether the platform has a TURN relay, so the check can also test the path through it. */
export function useRelayAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    turnServers().then(
      (servers) => live && setAvailable(servers.length > 0),
      () => live && setAvailable(false),
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}
