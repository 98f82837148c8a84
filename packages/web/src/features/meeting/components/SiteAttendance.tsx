import type { RollCall } from '@pm/shared';
import { useState } from 'react';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useSecondsLeft } from '../hooks/useSecondsLeft';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectHeadcount, selectRollCall, selectSelfSiteId } from '../state/selectors';
import { formatTime } from './siteDisplay';

/** The roll-call prompt a meeting room answers, over everything else while it is open. */
export function RollCallPrompt() {
  const rollCall = useMeetingState(selectRollCall);
  const selfId = useMeetingState(selectSelfSiteId);
  if (!rollCall || !selfId || rollCall.closed) return null;
  // Keyed by the roll call: its countdown starts when this screen hears of it.
  return <OpenRollCall key={rollCall.rollCallId} rollCall={rollCall} confirmedAt={rollCall.confirmed[selfId]} />;
}

function OpenRollCall({ rollCall, confirmedAt }: { rollCall: RollCall; confirmedAt: number | undefined }) {
  const { t, language } = useI18n();
  const connection = useMeetingConnection();
  const action = useAction();
  const remaining = useSecondsLeft(rollCall.deadline - rollCall.startedAt);
  if (remaining === 0) return null;
  return (
    <div className="rollcall" role="dialog" aria-labelledby="rollcall-title" data-testid="rollcall-prompt">
      <h2 id="rollcall-title">{t('rollcall.prompt')}</h2>
      {confirmedAt ? (
        <p>
          {t('rollcall.confirmed')} {formatTime(confirmedAt, language)}
        </p>
      ) : (
        <>
          <p>
            {t('rollcall.remaining')}: <strong data-testid="rollcall-remaining">{remaining}</strong> {t('rollcall.seconds')}
          </p>
          <button
            type="button"
            className="button button--primary button--big"
            autoFocus
            onClick={() => action.run(() => connection.confirmRollCall(rollCall.rollCallId))}
          >
            {t('rollcall.confirm')}
          </button>
          <ActionError action={action} />
        </>
      )}
    </div>
  );
}

/** How many officials sit in the room: entered at check-in, corrected during the meeting. */
export function HeadcountField() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const headcount = useMeetingState(selectHeadcount);
  const [value, setValue] = useState(headcount === null ? '' : String(headcount));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = () => {
    const entered = Number(value);
    if (!Number.isInteger(entered) || entered < 0) return;
    setSaved(false);
    action.run(
      () => connection.setHeadcount(entered),
      () => setSaved(true),
    );
  };
  return (
    <form
      className="headcount"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        {t('headcount.label')}{' '}
        <input
          type="number"
          min={0}
          max={1000}
          value={value}
          onChange={(e) => (setValue(e.target.value), setSaved(false))}
          data-testid="headcount-input"
        />
      </label>{' '}
      <button type="submit" className="button">
        {t('headcount.save')}
      </button>{' '}
      {saved && <span role="status">{t('headcount.saved')}</span>}
      <ActionError action={action} />
    </form>
  );
}
