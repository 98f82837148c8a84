import { useI18n } from '../../i18n/I18nProvider';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { formatTime, siteName } from './siteDisplay';

/** The ordered requests to speak, with the chair's controls. */
export function SpeakerQueue({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t, language } = useI18n();
  const holder = state.floor.holder;
  return (
    <section className="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('meeting.queue')}</h2>
      <p data-testid="floor-holder">
        {holder ? (
          <>
            {t('meeting.holder')}: <strong>{siteName(state, holder.siteId)}</strong>{' '}
            <button type="button" className="button" onClick={() => void connection.revokeFloor()}>
              {t('meeting.revoke')}
            </button>
          </>
        ) : (
          t('meeting.nobodyHolds')
        )}
      </p>
      {state.floor.queue.length === 0 ? (
        <p>{t('meeting.queueEmpty')}</p>
      ) : (
        <ol className="queue" data-testid="speaker-queue">
          {state.floor.queue.map((request) => (
            <li key={request.siteId} data-site={request.siteId}>
              <span>
                {siteName(state, request.siteId)}{' '}
                <small>
                  {t('meeting.requestedAt')} {formatTime(request.requestedAt, language)}
                </small>
              </span>
              <button type="button" className="button button--primary" onClick={() => void connection.grantFloor(request.siteId)}>
                {t('meeting.grant')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void connection.nextFloor()}>
          {t('meeting.next')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void connection.muteAll()}>
          {t('meeting.muteAll')}
        </button>
      </div>
    </section>
  );
}
