import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConnectionBanner } from './ConnectionBanner';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { ProgrammeView } from './ProgrammeView';
import { SiteWall } from './SiteWall';
import { SpeakerQueue } from './SpeakerQueue';
import { AlertList, RollCallPanel } from './StaffAttendance';

/** The meeting's title with a link to its attendance report (opens beside the console). */
function ConsoleTitle({ state, prefix }: { state: MeetingViewState; prefix?: string }) {
  const { t } = useI18n();
  return (
    <div className="console__title">
      <h1>
        {prefix}
        {state.summary?.title}
      </h1>
      {state.summary && (
        <a className="button" href={`/meetings/${state.summary.meetingId}/attendance`} target="_blank" rel="noreferrer">
          {t('report.link')}
        </a>
      )}
    </div>
  );
}

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
      <ConsoleTitle state={state} />
      <ConnectionBanner state={state} />
      <AlertList connection={connection} state={state} />
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
        <div>
          <SpeakerQueue connection={connection} state={state} />
          <RollCallPanel connection={connection} state={state} />
        </div>
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
      <ConsoleTitle state={state} prefix={`${t('wall.heading')} — `} />
      <ConnectionBanner state={state} />
      <AlertList connection={connection} state={state} />
      <SiteWall connection={connection} state={state} pageSize={24} />
      <div className="console__top">
        <SpeakerQueue connection={connection} state={state} />
        <RollCallPanel connection={connection} state={state} />
      </div>
    </section>
  );
}
