import type { ScheduledMeetingDetail, Site, SiteGroup, Unit, User } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../../api/apiClient';

export interface EditorData {
  units: Unit[];
  sites: Site[];
  groups: SiteGroup[];
  chairs: User[];
  meeting: ScheduledMeetingDetail | undefined;
}

/** Everything the meeting form chooses from: the directory, the chairs, and the meeting being edited. */
export function useEditorData(meetingId: string | undefined) {
  const [data, setData] = useState<EditorData>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let current = true;
    Promise.all([
      callApi('units.list'),
      callApi('sites.list', { query: {} }),
      callApi('siteGroups.list'),
      callApi('users.list', { query: { role: 'CHAIR' } }),
      meetingId ? callApi('meetings.get', { params: { id: meetingId } }) : Promise.resolve(undefined),
    ]).then(
      ([units, sites, groups, chairs, meeting]) =>
        current &&
        setData({
          units: units.units,
          sites: sites.sites,
          groups: groups.groups,
          chairs: chairs.users.filter((u) => !u.disabled),
          meeting: meeting?.meeting,
        }),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [meetingId]);
  return { data, error };
}
