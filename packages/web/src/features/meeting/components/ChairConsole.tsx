import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectSummary } from '../state/selectors';
import { AgendaControl } from './AgendaPanels';
import { ConnectionBanner } from './ConnectionBanner';
import { EndMeetingButton } from './MeetingEnd';
import { MessagePanel } from './Messages';
import { PresentationControls } from './PresentationControls';
import { ProgrammeView } from './ProgrammeView';
import { SitePicker } from './SitePicker';
import { SiteWall } from './SiteWall';
import { SpeakerQueue } from './SpeakerQueue';
import { AlertList, RollCallPanel } from './StaffAttendance';
import { WallCounters } from './WallCounters';

/** The meeting's title with a link to its attendance report (opens beside the console) and the end of the meeting. */
function ConsoleTitle({ prefix }: { prefix?: string }) {
  const { t } = useI18n();
  const summary = useMeetingState(selectSummary);
  return (
    <div className="console__title">
      <h1>
        {prefix}
        {summary?.title}
      </h1>
      <div className="toolbar">
        {summary && (
          <a className="button" href={`/meetings/${summary.meetingId}/attendance`} target="_blank" rel="noreferrer">
            {t('report.link')}
          </a>
        )}
        <EndMeetingButton />
      </div>
    </div>
  );
}

/**
 * The chair's console, made for a 1366×768 laptop: the programme, the speaker queue and a picker
 * of every site side by side above the fold; the agenda items under the programme, above the
 * alerts (under the queue and the roll call they fell below the fold, and naming an item meant
 * scrolling); alerts last there, so they never push the queue away; the site wall follows below.
 */
export function ChairConsole() {
  return (
    <section className="console console--chair">
      <ConsoleTitle />
      <ConnectionBanner />
      <div className="console__grid">
        <div>
          <ProgrammeView />
          <PresentationControls />
          <AgendaControl />
          <AlertList />
        </div>
        <div>
          <SpeakerQueue />
          <RollCallPanel />
        </div>
        <SitePicker />
      </div>
      <SiteWall pageSize={12} />
    </section>
  );
}

/**
 * The operator's screen: counters that are also the legend, the site wall (dense on demand, to
 * see far more sites at once), and beside it the programme, the queue, the roll call and the
 * messages; a tile's "message" button addresses the message to its site.
 */
export function OperatorWall() {
  const { t } = useI18n();
  const [dense, setDense] = useState(false);
  const [messageTo, setMessageTo] = useState('all');
  const [writeRequest, setWriteRequest] = useState(0);
  const writeTo = (siteId: string) => {
    setMessageTo(`site:${siteId}`);
    setWriteRequest((n) => n + 1);
  };
  return (
    <section className="console console--wall">
      <ConsoleTitle prefix={`${t('wall.heading')} — `} />
      <ConnectionBanner />
      <div className="toolbar">
        <WallCounters />
        <label>
          <input type="checkbox" checked={dense} onChange={(e) => setDense(e.target.checked)} data-testid="wall-dense" /> {t('wall.dense')}
        </label>
      </div>
      <div className="wall-layout">
        <SiteWall pageSize={dense ? 120 : 24} dense={dense} onMessage={writeTo} />
        <aside className="wall-layout__side">
          <ProgrammeView />
          <SpeakerQueue />
          {/* Messages before the roll call: an operator writes to rooms all meeting long, calls the roll once or twice. */}
          <MessagePanel to={messageTo} onToChange={setMessageTo} writeRequest={writeRequest} />
          <RollCallPanel />
          <AlertList />
        </aside>
      </div>
    </section>
  );
}
