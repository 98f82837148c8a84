import { can } from '@pm/shared';
import { useEffect, useRef } from 'react';
import { callApi } from '../../api/apiClient';
import { useSession } from '../../auth/SessionProvider';
import type { CheckState } from './technicalCheck';

/**
 * A meeting room's check ends in success or failure: that outcome goes to the server once, where
 * the operator's readiness list shows it. A step that was never reached counts as failed.
 */
export function useReportCheck(state: CheckState): void {
  const identity = useSession();
  const reported = useRef(false);
  const steps = [state.devices, state.server, state.media];
  const passed = steps.every((step) => step === 'ok');
  const failed = steps.includes('failed');
  useEffect(() => {
    if (!passed && !failed) {
      if (state.devices === 'idle') reported.current = false;
      return;
    }
    if (reported.current || !identity || !can(identity.role, 'checks.report')) return;
    reported.current = true;
    const outcome = (step: string) => (step === 'ok' ? ('ok' as const) : ('failed' as const));
    void callApi('checks.report', {
      body: { devices: outcome(state.devices), server: outcome(state.server), media: outcome(state.media), roundTripMs: state.roundTripMs ?? null },
    }).catch((error: unknown) => console.warn('technical check not reported', error));
  }, [passed, failed, identity, state.devices, state.server, state.media, state.roundTripMs]);
}
