import type { ScheduledMeetingDetail } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../../api/apiClient';
import { navigateAway } from '../../../components/Link';
import { useI18n } from '../../../i18n/I18nProvider';
import { detach } from '../../../util/detach';

/** Cancelling needs a reason: the invited sites see it on their screens. */
export function CancelMeeting({ meeting }: { meeting: ScheduledMeetingDetail }) {
  const { t, errorText } = useI18n();
  const [reason, setReason] = useState('');
  const [following, setFollowing] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await callApi('meetings.cancel', { params: { id: meeting.id }, body: { reason, following } });
      navigateAway('/');
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="panel form" onSubmit={(event) => detach(submit(event), 'cancelling the meeting')} aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('cancel.heading')}</h2>
      <label>
        {t('cancel.reason')}
        <input value={reason} required minLength={3} onChange={(e) => setReason(e.target.value)} />
      </label>
      {meeting.seriesId && (
        <label className="checkbox">
          <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} />
          {t('cancel.following')}
        </label>
      )}
      {error !== undefined && <p className="notice notice--error" role="alert">{errorText(error)}</p>}
      <button type="submit" className="button button--danger">{t('cancel.submit')}</button>
    </form>
  );
}
