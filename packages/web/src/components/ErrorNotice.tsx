import { CodedError } from '@pm/shared';
import { useI18n } from '../i18n/I18nProvider';

/** An error in the user's language, with the server's field-by-field problems when it gave them. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (error === undefined) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorText(error)}</p>
      {error instanceof CodedError && error.issues && (
        <ul>
          {error.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
