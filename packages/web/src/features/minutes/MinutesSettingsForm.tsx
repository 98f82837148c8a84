import type { MinutesSettings } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import { useI18n } from '../../i18n/I18nProvider';
import { detach } from '../../util/detach';

const fields = ['issuingBody', 'place', 'minutesNumber', 'conclusionsNumber', 'signerTitle', 'signerName', 'secretaryName'] as const;

/** The exported documents' particulars: issuing body, numbers, signer. */
export function MinutesSettingsForm({ meetingId, settings, onSaved }: { meetingId: string; settings: MinutesSettings; onSaved: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<(typeof fields)[number], string>>(settings);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const unsaved = useUnsavedChanges(values);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callApi('minutes.settings', { params: { id: meetingId }, body: { version: settings.version, ...values } });
      setSaved(true);
      unsaved.saved(values);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <details className="panel">
      <summary>{t('minutes.settings')}</summary>
      <form className="form form__row" onSubmit={(e) => detach(submit(e), 'saving the document particulars')}>
        {fields.map((field) => (
          <label key={field}>
            {t(`minutes.${field}`)}
            <input value={values[field]} onChange={(e) => (setSaved(false), setValues({ ...values, [field]: e.target.value }))} />
          </label>
        ))}
        <button type="submit" className="button button--primary">{t('common.save')}</button>
        {saved && <span role="status">{t('minutes.saved')}</span>}
      </form>
      <ErrorNotice error={error} />
    </details>
  );
}
