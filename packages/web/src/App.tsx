import type { Identity } from '@pm/shared';
import { Suspense, useEffect, useState } from 'react';
import { LoginPage } from './auth/LoginPage';
import { useSession, useSessionControl } from './auth/SessionProvider';
import { ConfirmButton } from './components/ConfirmButton';
import { askBeforeLeaving, hasUnsavedChanges } from './components/leaveGuard';
import { LeaveGuardDialog } from './components/LeaveGuardDialog';
import { APP_NAVIGATION, Link, navigateAway, navigateTo } from './components/Link';
import { useI18n } from './i18n/I18nProvider';
import { matchRoute, PasswordPage } from './routes';
import { detach } from './util/detach';

/**
 * Paths are few and flat; a kiosk reloads into the same screen from its URL. Every move inside the
 * app goes through `navigateTo`, which asks first while a form holds unsaved changes; the
 * browser's back and forward buttons have moved already, so the page goes back to where it was
 * until the person answers.
 */
function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    let shown = window.location.pathname;
    const onPop = (event: PopStateEvent) => {
      const target = window.location.pathname;
      if (event.state !== APP_NAVIGATION && hasUnsavedChanges()) {
        window.history.pushState(null, '', shown);
        askBeforeLeaving(() => navigateAway(target));
        return;
      }
      shown = target;
      setPath(target);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return [path, navigateTo];
}

export function App() {
  const { t, toggleLanguage } = useI18n();
  const [path, navigate] = usePath();
  const identity = useSession();
  const { checking, passwordChangeRequired, signOut, refresh } = useSessionControl();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="app">
      <header className="app__header">
        <Link href="/" className="app__title">
          {t('app.title')}
        </Link>
        <span className="app__account">
          {identity && (
            <>
              <Link href="/account/password" className="app__user" data-testid="signed-in-as" title={t('password.heading')}>
                {identity.displayName}
              </Link>
              {path.startsWith('/meeting/') ? (
                // Signing out takes the room out of the meeting: asked first.
                <ConfirmButton
                  question={t('kiosk.signOutConfirm')}
                  confirmLabel={t('kiosk.signOutYes')}
                  cancelLabel={t('kiosk.stay')}
                  onConfirm={() => detach(signOut(), 'signing out')}
                  testId="sign-out"
                >
                  {t('auth.signOut')}
                </ConfirmButton>
              ) : (
                <button type="button" className="button" onClick={() => detach(signOut(), 'signing out')} data-testid="sign-out">
                  {t('auth.signOut')}
                </button>
              )}
            </>
          )}
          <button type="button" className="button" onClick={toggleLanguage} data-testid="language-switch">
            {t('app.language')}
          </button>
        </span>
      </header>
      <main className="app__main">
        {checking ? null : identity ? (
          // A screen's chunk loads on its first visit (a moment, on a slow line): say so meanwhile.
          <Suspense fallback={<p className="notice">{t('common.loading')}</p>}>
            {/* The server allows nothing else until the published demo password is changed. */}
            {passwordChangeRequired ? (
              <PasswordPage required onChanged={() => detach(refresh(), 'reading the session after the password change')} />
            ) : (
              renderRoute(path, navigate, identity)
            )}
          </Suspense>
        ) : (
          <LoginPage />
        )}
      </main>
      <LeaveGuardDialog />
    </div>
  );
}

function renderRoute(path: string, navigate: (path: string) => void, identity: Identity) {
  const { render, params } = matchRoute(path);
  return render({ params, navigate, identity });
}
