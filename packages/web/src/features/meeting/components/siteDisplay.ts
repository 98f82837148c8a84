import type { QualityFigures, SiteStatus } from '@pm/shared';
import { PROVINCE_TIME_ZONE } from '../../../i18n/dates';
import type { MessageKey } from '../../../i18n/vi';
import type { WallStatus } from '../state/selectors';

/**
 * "08:35:12": a moment of the meeting (a request, an alert, a message) to the second, in the
 * province's time like every time the platform shows, not the browser's zone (a console on a
 * machine set to UTC showed requests seven hours off the meeting's own times).
 */
export function formatTime(epochMs: number, language: string): string {
  return new Date(epochMs).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: PROVINCE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** The figures behind a tile's colour, for the operator's tooltip. */
export function qualityTooltip(f: QualityFigures, t: (key: MessageKey) => string): string {
  const show = (v: number | null, unit: string) => (v === null ? '—' : `${Math.round(v * 10) / 10} ${unit}`);
  return [
    `${t('quality.rtt')}: ${show(f.rttMs, 'ms')}`,
    `${t('quality.loss')}: ${show(f.lossPct, '%')}`,
    `${t('quality.jitter')}: ${show(f.jitterMs, 'ms')}`,
    `${t('quality.up')}: ${show(f.bitrateUpKbps, 'kbps')}`,
    `${t('quality.down')}: ${show(f.bitrateDownKbps, 'kbps')}`,
    `${t('quality.score')}: ${show(f.producerScore, '/10')}`,
  ].join('\n');
}

/** The figures that tell a site's link at a glance, always on its tile (touch screens have no hover). */
export function qualityLine(f: QualityFigures): string {
  const show = (v: number | null, unit: string) => (v === null ? '—' : `${Math.round(v)}${unit}`);
  return `${show(f.rttMs, ' ms')} · ${show(f.lossPct, '%')} · ${show(f.jitterMs, ' ms')}`;
}

/** A tile's status line: an absent room (the wall's filter) either left or has not joined yet. */
export function statusLabel(site: SiteStatus, status: WallStatus): MessageKey {
  if (status !== 'absent') return `status.${status}`;
  return site.attended ? 'status.left' : 'status.notJoined';
}

/**
 * The operator's button for a room that is not in the meeting, and what its kiosk is told: one
 * that left or dropped is asked back in, one that never came is invited in.
 */
export function callBackWording(site: SiteStatus): { button: MessageKey; text: MessageKey } {
  return site.attended || site.connection === 'reconnecting'
    ? { button: 'wall.callBack', text: 'wall.callBackText' }
    : { button: 'wall.invite', text: 'wall.inviteText' };
}
