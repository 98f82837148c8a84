import { CodedError } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useSessionControl } from './SessionProvider';
import { detach } from '../util/detach';

/** The first screen of every device: a meeting room's kiosk signs in once with its room account. */
export function LoginPage() {
  const { t, errorText } = useI18n();
  const { signIn } = useSessionControl();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="login" aria-labelledby="login-heading">
      <h1 id="login-heading">{t('auth.heading')}</h1>
      <form className="card form" onSubmit={(event) => detach(submit(event), 'signing in')}>
        <label>
          {t('auth.username')}
          <input name="username" autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('auth.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error !== undefined && (
          <p className="notice notice--error" role="alert">
            {error instanceof CodedError && error.code === 'UNAUTHENTICATED' ? t('auth.wrong') : errorText(error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('auth.submit')}
        </button>
      </form>
    </section>
  );
}
