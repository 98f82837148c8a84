import type { MinutesDocument } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { DirectiveForm } from '../directives/DirectiveForm';

/** The chair gives a directive from the console, stamped with this moment of the meeting. */
export function ChairDirective({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [agenda, setAgenda] = useState<MinutesDocument['agenda']>();
  const [done, setDone] = useState(false);
  const open = () => {
    setDone(false);
    void callApi('minutes.get', { params: { id: meetingId } }).then((doc) => setAgenda(doc.agenda), () => setAgenda([]));
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={open} data-testid="chair-directive">
        {t('minutes.giveDirective')}
      </button>
      {done && <span role="status">{t('directives.created')}</span>}
      {agenda && (
        <div className="recording-bar__panel">
          <DirectiveForm
            meetingId={meetingId}
            agenda={agenda}
            fromEntry={null}
            defaultAgenda={null}
            onDone={() => {
              setAgenda(undefined);
              setDone(true);
            }}
          />
        </div>
      )}
    </>
  );
}
