import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { formatTime } from './siteDisplay';
import { useCountdown } from './useCountdown';

/** The roll-call prompt a meeting room answers, over everything else while it is open. */
export function RollCallPrompt({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t, language, errorText } = useI18n();
  const [error, setError] = useState<unknown>();
  const rollCall = state.rollCall;
  const remaining = useCountdown(rollCall?.deadline);
  const selfId = state.summary?.selfSiteId;
  if (!rollCall || !selfId || rollCall.closed || remaining === 0) return null;
  const confirmedAt = rollCall.confirmed[selfId];
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
            {t('rollcall.remaining')}: <strong>{remaining}</strong> {t('rollcall.seconds')}
          </p>
          <button
            type="button"
            className="button button--primary button--big"
            autoFocus
            onClick={() => connection.confirmRollCall(rollCall.rollCallId).catch(setError)}
          >
            {t('rollcall.confirm')}
          </button>
          {error !== undefined && <p role="alert">{errorText(error)}</p>}
        </>
      )}
    </div>
  );
}

/** How many officials sit in the room: entered at check-in, corrected during the meeting. */
export function HeadcountField({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t, errorText } = useI18n();
  const [value, setValue] = useState(state.headcount === null ? '' : String(state.headcount));
  const [status, setStatus] = useState<'idle' | 'saved' | { error: unknown }>('idle');
  const save = () => {
    const headcount = Number(value);
    if (!Number.isInteger(headcount) || headcount < 0) return;
    connection.setHeadcount(headcount).then(
      () => setStatus('saved'),
      (error: unknown) => setStatus({ error }),
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
          onChange={(e) => (setValue(e.target.value), setStatus('idle'))}
          data-testid="headcount-input"
        />
      </label>{' '}
      <button type="submit" className="button">
        {t('headcount.save')}
      </button>{' '}
      {status === 'saved' && <span role="status">{t('headcount.saved')}</span>}
      {typeof status === 'object' && <span role="alert">{errorText(status.error)}</span>}
    </form>
  );
}
