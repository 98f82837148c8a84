import { formatOffset, type MinutesDocument } from '@pm/shared';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';

/** The minutes and the directives beside the player, each a way to its moment. */
export function ReviewLists({ doc, onSeek }: { doc: MinutesDocument; onSeek: (offsetMs: number) => void }) {
  const { t } = useI18n();
  const at = (offsetMs: number) => (
    <button type="button" className="button button--small" onClick={() => onSeek(offsetMs)}>
      ▶ {formatOffset(offsetMs)}
    </button>
  );
  return (
    <div className="review__lists">
      <section aria-labelledby="review-directives">
        <h2 id="review-directives">{t('review.directives')}</h2>
        <ol data-testid="review-directives">
          {doc.directives.map((d) => (
            <li key={d.id} data-directive-id={d.id}>
              {at(d.offsetMs)} <Link href={`/directives/${encodeURIComponent(d.id)}`}>{d.content}</Link>{' '}
              <small>({d.responsibleUnits.map((u) => u.name).join(', ')})</small>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="review-entries">
        <h2 id="review-entries">{t('review.entries')}</h2>
        <ol data-testid="review-entries">
          {doc.entries.map((e) => (
            <li key={e.id}>
              {at(e.offsetMs)} <strong>{e.speakerName}</strong> {e.text}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
