import type { ScheduledMeeting } from '@pm/shared';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingPlan } from '../hooks/useMeetingPlan';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectAgendaItem, selectPhase } from '../state/selectors';

/** The agenda item under discussion, as every room sees it over the programme; nothing while none is named. */
export function CurrentAgendaItem({ plan }: { plan: ScheduledMeeting | undefined }) {
  const { t } = useI18n();
  const position = useMeetingState(selectAgendaItem);
  const item = plan?.agenda.find((i) => i.position === position);
  if (!item) return null;
  return (
    <p className="current-item" data-testid="current-agenda-item" data-position={item.position}>
      <span className="current-item__label">{t('kiosk.currentItem')}:</span> {item.position}. {item.title}
      {item.presentingUnitName && <span className="agenda__unit"> — {item.presentingUnitName}</span>}
    </p>
  );
}

/**
 * The chair (or an operator) names the agenda item under discussion: the rooms show it, and the
 * minutes can follow it. One button per item; the current one is marked.
 */
export function AgendaControl() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const plan = useMeetingPlan(connection.meetingId);
  const position = useMeetingState(selectAgendaItem);
  const phase = useMeetingState(selectPhase);
  const action = useAction();
  if (!plan || plan.agenda.length === 0) return null;
  return (
    <section className="panel agenda-control" aria-labelledby="agenda-control-heading" data-testid="agenda-control">
      <h2 id="agenda-control-heading">{t('kiosk.agenda')}</h2>
      <ol>
        {plan.agenda.map((item) => (
          <li key={item.position}>
            <button
              type="button"
              className={item.position === position ? 'button button--primary' : 'button'}
              aria-pressed={item.position === position}
              disabled={phase !== 'live'}
              onClick={() => action.run(() => connection.setAgendaItem(item.position === position ? null : item.position))}
            >
              {item.position}. {item.title}
            </button>
          </li>
        ))}
      </ol>
      <ActionError action={action} />
    </section>
  );
}
