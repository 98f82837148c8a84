import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionProvider } from './auth/SessionProvider';
import { rememberKioskFlag } from './features/meeting/hooks/useKioskMode';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';
import './accounts.css';

// Before any navigation: the flag is in the first page's address only.
rememberKioskFlag(window.location.search);
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
