import type { ScheduledMeeting } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../../api/apiClient';
import { detach } from '../../../util/detach';

/**
 * The meeting as scheduled (start time, agenda) for the room's waiting screen and agenda. The
 * meeting goes on without it: a failure to load leaves those parts out, and is logged.
 */
export function useMeetingPlan(meetingId: string): ScheduledMeeting | undefined {
  const [plan, setPlan] = useState<ScheduledMeeting>();
  useEffect(() => {
    let current = true;
    detach(
      callApi('meetings.get', { params: { id: meetingId } }).then(({ meeting }) => current && setPlan(meeting)),
      'loading the meeting’s agenda',
    );
    return () => {
      current = false;
    };
  }, [meetingId]);
  return plan;
}
