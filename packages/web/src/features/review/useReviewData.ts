import type { MeetingAttendanceReport, MinutesDocument, RecordingDetail } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';

export interface ReviewData {
  doc: MinutesDocument;
  recording: RecordingDetail;
  /** Absent when the account may not read attendance. */
  attendance: MeetingAttendanceReport | undefined;
}

/** Everything the review page shows of one meeting, read once. */
export function useReviewData(meetingId: string) {
  const [data, setData] = useState<ReviewData>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const params = { params: { id: meetingId } };
    Promise.all([
      callApi('minutes.get', params),
      callApi('recording.get', params),
      callApi('attendance.meeting', params).catch(() => undefined),
    ]).then(([doc, recording, attendance]) => setData({ doc, recording, attendance }), setError);
  }, [meetingId]);
  return { data, error };
}
