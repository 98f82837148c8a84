import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectSummary } from '../state/selectors';
import { ConnectionBanner } from './ConnectionBanner';
import { PresentationControls } from './PresentationControls';
import { ProgrammeView } from './ProgrammeView';
import { SiteWall } from './SiteWall';
import { SpeakerQueue } from './SpeakerQueue';
import { AlertList, RollCallPanel } from './StaffAttendance';

/** The meeting's title with a link to its attendance report (opens beside the console). */
function ConsoleTitle({ prefix }: { prefix?: string }) {
  const { t } = useI18n();
  const summary = useMeetingState(selectSummary);
  return (
    <div className="console__title">
      <h1>
        {prefix}
        {summary?.title}
      </h1>
      {summary && (
        <a className="button" href={`/meetings/${summary.meetingId}/attendance`} target="_blank" rel="noreferrer">
          {t('report.link')}
        </a>
      )}
    </div>
  );
}

/** The chair's console: programme preview, the speaker queue and its controls, and every site. */
export function ChairConsole() {
  return (
    <section className="console">
      <ConsoleTitle />
      <ConnectionBanner />
      <AlertList />
      <div className="console__top">
        <div>
          <ProgrammeView />
          <PresentationControls />
        </div>
        <div>
          <SpeakerQueue />
          <RollCallPanel />
        </div>
      </div>
      <SiteWall pageSize={12} />
    </section>
  );
}

/** The operator's screen: the site wall at full size, plus the queue. */
export function OperatorWall() {
  const { t } = useI18n();
  return (
    <section className="console">
      <ConsoleTitle prefix={`${t('wall.heading')} — `} />
      <ConnectionBanner />
      <AlertList />
      <SiteWall pageSize={24} />
      <div className="console__top">
        <SpeakerQueue />
        <RollCallPanel />
      </div>
    </section>
  );
}
