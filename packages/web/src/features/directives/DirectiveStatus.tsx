import type { Directive } from '@pm/shared';
import { useI18n } from '../../i18n/I18nProvider';

/** A directive's state as a label; overdue shows beside it. */
export function DirectiveStatus({ directive }: { directive: Pick<Directive, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <span className="toolbar" style={{ margin: 0 }}>
      <span className={`status status--${directive.status}`} data-testid="directive-status" data-status={directive.status}>
        {t(`directives.status.${directive.status}`)}
      </span>
      {directive.overdue && <span className="status status--overdue">{t('directives.overdue')}</span>}
    </span>
  );
}

/** "15/12/2026". */
export function shortDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
