import { attachmentTypes, CodedError, type DirectiveDetail } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import { useI18n } from '../../i18n/I18nProvider';
import { detach } from '../../util/detach';

/** A responsible unit reports progress or completion, with an optional attachment. */
export function ReportForm({ directive, onReported }: { directive: DirectiveDetail; onReported: (d: DirectiveDetail) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<unknown>();
  // A report being written (its words, its "done", its file) is not lost to a stray click.
  useUnsavedChanges({ text, done, file: file?.name ?? null });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      let answer = (await callApi('directives.report', { params: { id: directive.id }, body: { text, done } })).directive;
      const report = answer.reports[answer.reports.length - 1];
      if (file && report) {
        if (!Object.values<string>(attachmentTypes).includes(file.type)) throw new CodedError('BAD_REQUEST', `unsupported ${file.type}`);
        await callApi('directives.attach', { params: { id: directive.id, reportId: report.id }, query: { fileName: file.name }, file });
        answer = (await callApi('directives.get', { params: { id: directive.id } })).directive;
      }
      setText('');
      setDone(false);
      setFile(undefined);
      onReported(answer);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="form panel directive-form" onSubmit={(e) => detach(submit(e), 'sending the report')} aria-label={t('directives.sendReport')}>
      <label>
        {t('directives.reportText')}
        <textarea required minLength={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={done} onChange={(e) => setDone(e.target.checked)} />
        {t('directives.reportDone')}
      </label>
      <label>
        {t('directives.attachment')}
        <input type="file" accept={Object.values(attachmentTypes).join(',')} onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
      <button type="submit" className="button button--primary">{t('directives.sendReport')}</button>
      <ErrorNotice error={error} />
    </form>
  );
}
