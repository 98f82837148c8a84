import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectFloor, selectSites, siteName } from '../state/selectors';
import { formatTime } from './siteDisplay';

/** The ordered requests to speak, with the chair's controls. */
export function SpeakerQueue() {
  const { t, language } = useI18n();
  const connection = useMeetingConnection();
  const floor = useMeetingState(selectFloor);
  const sites = useMeetingState(selectSites);
  const action = useAction();
  const holder = floor.holder;
  return (
    <section className="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('meeting.queue')}</h2>
      <p data-testid="floor-holder">
        {holder ? (
          <>
            {t('meeting.holder')}: <strong>{siteName(sites, holder.siteId)}</strong>{' '}
            <button type="button" className="button" onClick={() => action.run(connection.revokeFloor)}>
              {t('meeting.revoke')}
            </button>
          </>
        ) : (
          t('meeting.nobodyHolds')
        )}
      </p>
      {floor.presenter && (
        <p data-testid="invited-presenter">
          {t('meeting.presenterInvited')}: <strong>{siteName(sites, floor.presenter)}</strong>{' '}
          <button type="button" className="button" onClick={() => action.run(() => connection.invitePresenter(null))}>
            {t('meeting.withdrawPresenter')}
          </button>
        </p>
      )}
      {floor.queue.length === 0 ? (
        <p>{t('meeting.queueEmpty')}</p>
      ) : (
        <ol className="queue" data-testid="speaker-queue">
          {floor.queue.map((request, index) => (
            <li key={request.siteId} data-site={request.siteId}>
              <span>
                {siteName(sites, request.siteId)}{' '}
                <small>
                  {t('meeting.requestedAt')} {formatTime(request.requestedAt, language)}
                </small>
              </span>
              <span className="queue__actions">
                {index > 0 && (
                  <button type="button" className="button button--small" onClick={() => action.run(() => connection.moveToFront(request.siteId))}>
                    {t('meeting.toFront')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => action.run(() => connection.grantFloor(request.siteId))}
                >
                  {t('meeting.grant')}
                </button>
                {floor.presenter !== request.siteId && (
                  <button type="button" className="button" onClick={() => action.run(() => connection.invitePresenter(request.siteId))}>
                    {t('meeting.invitePresenter')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="toolbar">
        <button type="button" className="button" onClick={() => action.run(connection.nextFloor)}>
          {t('meeting.next')}
        </button>
        <button type="button" className="button button--danger" onClick={() => action.run(connection.muteAll)}>
          {t('meeting.muteAll')}
        </button>
        <ActionError action={action} />
      </div>
    </section>
  );
}
