import type { Site, Unit } from '@pm/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../../api/apiClient';
import { detach } from '../../../util/detach';

/** The whole directory the account manages, disabled entries included, reloaded after each change. */
export function useDirectory() {
  const [units, setUnits] = useState<Unit[]>();
  const [sites, setSites] = useState<Site[]>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    try {
      const [u, s] = await Promise.all([callApi('units.list'), callApi('sites.list', { query: { includeDisabled: 'true' } })]);
      setUnits(u.units);
      setSites(s.sites);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state when its answer arrives, never synchronously; the rule cannot see past the call
  useEffect(() => detach(reload(), 'loading the directory'), [reload]);
  return { units, sites, error, reload };
}
