import { formatOffset, type MinutesDocument, type MinutesLive } from '@pm/shared';
import { useI18n } from '../../i18n/I18nProvider';

/** Who holds the floor and where now is on the timeline; the agenda item being discussed (the meeting's, while it runs). */
export function LiveBar({
  live,
  agenda,
  agendaPosition,
  onAgenda,
}: {
  live: MinutesLive | undefined;
  agenda: MinutesDocument['agenda'];
  agendaPosition: number | null;
  onAgenda: (position: number | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="panel minutes__live" data-testid="minutes-live">
      <span data-testid="floor-speaker">
        {!live?.live ? t('minutes.notLive') : live.speaker ? `${t('minutes.floorNow')}: ${live.speaker.name}` : t('minutes.chairSpeaks')}
      </span>
      {live && (
        <span className="minutes__clock">
          {formatOffset(live.timeline.nowOffsetMs)} <small>({t(`minutes.base.${live.timeline.base}`)})</small>
        </span>
      )}
      <label>
        {/* While the meeting runs, the choice is the meeting's: every room shows it. */}
        {live?.live ? t('kiosk.currentItem') : t('minutes.agenda')}{' '}
        <select value={agendaPosition ?? ''} onChange={(e) => onAgenda(e.target.value ? Number(e.target.value) : null)} data-testid="current-agenda">
          <option value="">{t('minutes.agendaNone')}</option>
          {agenda.map((a) => (
            <option key={a.position} value={a.position}>
              {a.position}. {a.title}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
