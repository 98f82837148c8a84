import { useI18n } from '../../i18n/I18nProvider';

/** The minutes and the conclusions notice, each as Word and PDF. */
export function ExportLinks({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const link = (kind: 'minutes' | 'conclusions', format: 'docx' | 'pdf') => (
    <a key={`${kind}.${format}`} className="button" href={`/api/meetings/${encodeURIComponent(meetingId)}/${kind}.${format}`} download>
      {t(kind === 'minutes' ? 'minutes.exportMinutes' : 'minutes.exportConclusions')} ({format.toUpperCase()})
    </a>
  );
  return (
    <p className="toolbar" aria-label={t('minutes.exports')}>
      {t('minutes.exports')}: {link('minutes', 'docx')} {link('minutes', 'pdf')} {link('conclusions', 'docx')} {link('conclusions', 'pdf')}
    </p>
  );
}
