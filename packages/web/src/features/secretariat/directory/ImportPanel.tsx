import { importFormats, type SiteImportReport } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useI18n } from '../../../i18n/I18nProvider';
import { detach } from '../../../util/detach';

/** Import from the secretariat's spreadsheet: check first, then import; every row or none. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<SiteImportReport>();
  const [error, setError] = useState<unknown>();
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(undefined);
    setReport(undefined);
    // Browsers leave the type of a .csv empty on some systems: the extension decides then.
    const type = file.type || (file.name.toLowerCase().endsWith('.xlsx') ? importFormats.xlsx : importFormats.csv);
    try {
      const answer = await callApi('sites.import', { query: { dryRun: dryRun ? 'true' : 'false' }, file: new File([file], file.name, { type }) });
      setReport(answer);
      if (answer.applied) onImported();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p>{t('import.hint')}</p>
      <label>
        {t('import.file')}
        <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
      <div className="toolbar">
        <button type="button" className="button" disabled={!file} onClick={() => detach(run(true), 'checking the import')}>{t('import.check')}</button>
        <button type="button" className="button button--primary" disabled={!file} onClick={() => detach(run(false), 'importing')}>{t('import.run')}</button>
      </div>
      <ErrorNotice error={error} />
      {report && (
        <div role="status" data-testid="import-report">
          <p className={report.errors.length ? 'notice notice--error' : 'notice notice--ok'}>
            {report.applied ? t('import.applied') : report.errors.length ? t('import.rejected') : t('import.valid')} — {report.rows} {t('import.rows')},{' '}
            {report.created} {t('import.created')}, {report.updated} {t('import.updated')}
          </p>
          {report.errors.length > 0 && (
            <table className="table">
              <thead>
                <tr><th>{t('import.row')}</th><th>{t('import.field')}</th><th>{t('import.problem')}</th></tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={i}><td>{e.row}</td><td>{e.field}</td><td>{e.message}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
