import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { detach } from '../../util/detach';

/**
 * `/account/password`: change one's own password; the account's other sessions end. `required`: the
 * account still has the published demo password and may do nothing else until it is changed.
 */
export function PasswordPage({ required = false, onChanged }: { required?: boolean; onChanged?: () => void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await callApi('auth.password', { body: { currentPassword, newPassword } });
      setDone(true);
      setCurrent('');
      setNew('');
      onChanged?.();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section className="login" aria-labelledby="password-heading">
      <h1 id="password-heading">{t('password.heading')}</h1>
      {required && (
        <p className="notice" data-testid="password-change-required">
          {t('password.required')}
        </p>
      )}
      <form className="card form" onSubmit={(event) => detach(submit(event), 'changing the password')}>
        <label>
          {t('password.current')}
          <input type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          {t('password.new')}
          <input type="password" autoComplete="new-password" required minLength={8} value={newPassword} onChange={(e) => setNew(e.target.value)} />
        </label>
        <p className="muted">{t('password.rule')}</p>
        <ErrorNotice error={error} />
        {done && <p className="notice notice--ok" role="status">{t('password.changed')}</p>}
        <button type="submit" className="button button--primary">{t('password.submit')}</button>
      </form>
    </section>
  );
}
