import { useCallback, useEffect, useState } from 'react';
import { askBeforeLeaving, setUnsavedChanges } from '../components/leaveGuard';

/**
 * Whether a form's draft differs from what it started from (or last saved). While it does,
 * leaving the screen asks first: links and the header inside the app (`navigateTo`, the
 * browser's back button) through the app's own question, closing or reloading the tab through
 * the browser's. `key` turns a draft into a comparable string (JSON unless the draft holds a Set).
 * `saved(draft)` makes that draft the new unchanged state; `discard(then)` is for the form's own
 * cancel or close button, which asks only if this form has changes.
 */
export function useUnsavedChanges<T>(
  draft: T,
  key: (draft: T) => string = JSON.stringify,
): { changed: boolean; saved: (draft: T) => void; discard: (then: () => void) => void } {
  const [form] = useState(() => Symbol('form'));
  const [savedKey, setSavedKey] = useState(() => key(draft));
  const changed = key(draft) !== savedKey;
  useEffect(() => {
    setUnsavedChanges(form, changed);
    if (!changed) return;
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => {
      setUnsavedChanges(form, false);
      window.removeEventListener('beforeunload', guard);
    };
  }, [form, changed]);
  const saved = useCallback((draft: T) => setSavedKey(key(draft)), [key]);
  const discard = (then: () => void) => (changed ? askBeforeLeaving(then) : then());
  return { changed, saved, discard };
}
