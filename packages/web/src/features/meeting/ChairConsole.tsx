import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConnectionBanner } from './ConnectionBanner';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { ProgrammeView } from './ProgrammeView';
import { SiteWall } from './SiteWall';
import { SpeakerQueue } from './SpeakerQueue';

/** The chair's console: programme preview, the speaker queue and its controls, and every site. */
export function ChairConsole({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t, errorText } = useI18n();
  const [presentError, setPresentError] = useState<unknown>();
  const togglePresentation = () => {
    setPresentError(undefined);
    const action = state.presenting ? connection.stopPresentation() : connection.startPresentation();
    action.catch(setPresentError);
  };
  return (
    <section className="console">
      <h1>{state.summary?.title}</h1>
      <ConnectionBanner state={state} />
      <div className="console__top">
        <div>
          <ProgrammeView connection={connection} state={state} />
          <div className="toolbar">
            <button type="button" className="button" onClick={togglePresentation} disabled={state.phase !== 'live'}>
              {state.presenting ? t('meeting.stopPresenting') : t('meeting.present')}
            </button>
            {presentError !== undefined && <span role="alert">{errorText(presentError)}</span>}
          </div>
        </div>
        <SpeakerQueue connection={connection} state={state} />
      </div>
      <SiteWall connection={connection} state={state} pageSize={12} />
    </section>
  );
}

/** The operator's screen: the site wall at full size, plus the queue. */
export function OperatorWall({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t } = useI18n();
  return (
    <section className="console">
      <h1>
        {t('wall.heading')} — {state.summary?.title}
      </h1>
      <ConnectionBanner state={state} />
      <SiteWall connection={connection} state={state} pageSize={24} />
      <SpeakerQueue connection={connection} state={state} />
    </section>
  );
}
