import type { DirectivePriority, Unit } from '@pm/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { UnitChecks } from './UnitChecks';
import { DateField } from '../../components/DateFields';

export const priorities: DirectivePriority[] = ['NORMAL', 'HIGH', 'URGENT'];

/** What a directive says and asks, as its forms edit it. */
export interface DirectiveDraft {
  content: string;
  responsible: string[];
  coordinating: string[];
  /** YYYY-MM-DD. */
  deadline: string;
  priority: DirectivePriority;
}

/** The fields of a directive, shared by giving one and editing one; `children` joins the last row. */
export function DirectiveFields({
  draft,
  onChange,
  units,
  children,
}: {
  draft: DirectiveDraft;
  onChange: (draft: DirectiveDraft) => void;
  units: Unit[];
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const set = <K extends keyof DirectiveDraft>(key: K, value: DirectiveDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <label>
        {t('directives.content')}
        <textarea required minLength={3} value={draft.content} onChange={(e) => set('content', e.target.value)} data-testid="directive-content" />
      </label>
      <UnitChecks label={t('directives.responsible')} units={units} selected={draft.responsible} onChange={(ids) => set('responsible', ids)} testId="responsible-units" />
      <UnitChecks label={t('directives.coordinating')} units={units} selected={draft.coordinating} onChange={(ids) => set('coordinating', ids)} testId="coordinating-units" />
      <div className="form__row">
        <label>
          {t('directives.deadline')}
          <DateField required value={draft.deadline} onChange={(deadline) => set('deadline', deadline)} testId="directive-deadline" />
        </label>
        <label>
          {t('directives.priority')}
          <select value={draft.priority} onChange={(e) => set('priority', e.target.value as DirectivePriority)} data-testid="directive-priority">
            {priorities.map((p) => (
              <option key={p} value={p}>{t(`directives.priority.${p}`)}</option>
            ))}
          </select>
        </label>
        {children}
      </div>
    </>
  );
}
