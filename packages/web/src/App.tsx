import type { Identity } from '@pm/shared';
import { useEffect, useState } from 'react';
import { LoginPage } from './auth/LoginPage';
import { useSession, useSessionControl } from './auth/SessionProvider';
import { Link } from './components/Link';
import { useI18n } from './i18n/I18nProvider';
import { matchRoute } from './routes';
import { detach } from './util/detach';

/** Paths are few and flat; a kiosk reloads into the same screen from its URL. */
function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: string) => {
    window.history.pushState(null, '', next);
    setPath(next);
  };
  return [path, navigate];
}

export function App() {
  const { t, toggleLanguage } = useI18n();
  const [path, navigate] = usePath();
  const identity = useSession();
  const { checking, signOut } = useSessionControl();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="app">
      <header className="app__header">
        <a
          href="/"
          className="app__title"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('app.title')}
        </a>
        <span className="app__account">
          {identity && (
            <>
              <Link href="/account/password" className="app__user" data-testid="signed-in-as" title={t('password.heading')}>
                {identity.displayName}
              </Link>
              <button type="button" className="button" onClick={() => detach(signOut(), 'signing out')}>
                {t('auth.signOut')}
              </button>
            </>
          )}
          <button type="button" className="button" onClick={toggleLanguage} data-testid="language-switch">
            {t('app.language')}
          </button>
        </span>
      </header>
      <main className="app__main">{checking ? null : identity ? renderRoute(path, navigate, identity) : <LoginPage />}</main>
    </div>
  );
}

function renderRoute(path: string, navigate: (path: string) => void, identity: Identity) {
  const { render, params } = matchRoute(path);
  return render({ params, navigate, identity });
}
