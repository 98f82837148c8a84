import type { ScheduledMeeting } from '@pm/shared';
import { formatDateTime } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18nProvider';
import { Countdown } from '../../schedule/MeetingTimes';
import { useNow } from '../../schedule/useMeetings';

/**
 * What a room sees before the chair arrives (nothing is on the programme yet): the meeting, when
 * it starts, its agenda, and that it waits for the chair, instead of a black picture.
 */
export function WaitingScreen({ title, plan }: { title: string | undefined; plan: ScheduledMeeting | undefined }) {
  const { t, language } = useI18n();
  const now = useNow();
  return (
    <div className="waiting" role="status" data-testid="waiting-screen">
      <h2 className="waiting__title">{title}</h2>
      {plan && (
        <>
          <p className="waiting__when">
            {t('kiosk.waitingStarts')} {formatDateTime(plan.startsAt, language)}
          </p>
          <p className="waiting__countdown">
            <Countdown meeting={plan} now={now} />
          </p>
        </>
      )}
      <p className="waiting__chair">{t('kiosk.waiting')}</p>
      {plan && plan.agenda.length > 0 && <AgendaList plan={plan} />}
    </div>
  );
}

/** The meeting's agenda, in order, with who presents each item. */
export function AgendaList({ plan }: { plan: ScheduledMeeting }) {
  const { t } = useI18n();
  return (
    <section className="agenda" aria-labelledby="agenda-heading" data-testid="agenda">
      <h3 id="agenda-heading">{t('kiosk.agenda')}</h3>
      <ol>
        {plan.agenda.map((item) => (
          <li key={item.position}>
            {item.title}
            {item.presentingUnitName && <span className="agenda__unit"> — {item.presentingUnitName}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
