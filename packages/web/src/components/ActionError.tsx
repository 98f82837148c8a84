import type { Action } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nProvider';

/** Why an action failed, in the user's language, beside the controls that ran it. */
export function ActionError({ action }: { action: Action }) {
  const { errorText } = useI18n();
  if (!action.failed) return null;
  return (
    <span className="action-error" role="alert">
      {errorText(action.error)}
    </span>
  );
}
