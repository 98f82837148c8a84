import { useI18n } from '../../i18n/I18nProvider';

export function HomePage({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="home">
      <h1>{t('home.heading')}</h1>
      <div className="card">
        <h2>{t('home.check')}</h2>
        <p>{t('home.checkHint')}</p>
        <button type="button" className="button button--primary" onClick={() => navigate('/check')}>
          {t('home.check')}
        </button>
      </div>
    </section>
  );
}
