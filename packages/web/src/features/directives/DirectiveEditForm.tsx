import type { DirectiveDetail } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';
import { DirectiveFields, type DirectiveDraft } from './DirectiveFields';
import { detach } from '../../util/detach';

/**
 * Edits what a directive says, who answers for it, its deadline and priority. It sends the
 * version it was opened at: if someone else saved meanwhile, the server refuses and says so.
 */
export function DirectiveEditForm({
  directive,
  onSaved,
  onCancel,
}: {
  directive: DirectiveDetail;
  onSaved: (directive: DirectiveDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ids = (units: DirectiveDetail['responsibleUnits']) => units.map((u) => u.id);
  const [draft, setDraft] = useState<DirectiveDraft>({
    content: directive.content,
    responsible: ids(directive.responsibleUnits),
    coordinating: ids(directive.coordinatingUnits),
    deadline: directive.deadline,
    priority: directive.priority,
  });
  // Units already named stay listed (and ticked) even if the directory has since disabled them.
  const units =
    useApiResource(() => callApi('units.list'), 'units').data?.units.filter(
      (u) => !u.disabled || draft.responsible.includes(u.id) || draft.coordinating.includes(u.id),
    ) ?? [];
  const [error, setError] = useState<unknown>();
  const unsaved = useUnsavedChanges(draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const answer = await callApi('directives.update', {
        params: { id: directive.id },
        body: {
          version: directive.version,
          content: draft.content,
          responsibleUnitIds: draft.responsible,
          coordinatingUnitIds: draft.coordinating,
          deadline: draft.deadline,
          priority: draft.priority,
        },
      });
      unsaved.saved(draft);
      onSaved(answer.directive);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="form panel directive-form" onSubmit={(e) => detach(submit(e), 'saving the directive')} aria-label={t('directives.edit')} data-testid="directive-edit">
      <h2>{t('directives.edit')}</h2>
      <DirectiveFields draft={draft} onChange={setDraft} units={units} />
      <div className="toolbar">
        <button type="submit" className="button button--primary" data-testid="directive-save">{t('common.save')}</button>
        <button type="button" className="button" onClick={() => unsaved.discard(onCancel)}>{t('directives.cancelEdit')}</button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
