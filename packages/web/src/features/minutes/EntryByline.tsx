import type { MinutesEntry } from '@pm/shared';
import { formatDateTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/I18nProvider';

/** Whose words an entry holds: who wrote it and, when someone else changed it since, who and when. */
export function EntryByline({ entry }: { entry: MinutesEntry }) {
  const { t, language } = useI18n();
  return (
    <span className="entry__by" data-testid="entry-by">
      {t('minutes.writtenBy')} {entry.authorName}
      {entry.editorName && (
        <strong data-testid="entry-edited">
          {' · '}
          {t('minutes.editedBy')} {entry.editorName}, {formatDateTime(entry.updatedAt, language)}
        </strong>
      )}
    </span>
  );
}
