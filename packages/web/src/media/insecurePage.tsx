import { useI18n } from '../i18n/I18nProvider';

/**
 * Browsers give the camera and microphone only to a secure page: https://, or http://localhost.
 * A kiosk that opened the platform at http://<server> has no `navigator.mediaDevices` at all, and
 * would otherwise fail with a bare TypeError nobody in the room can read.
 */
export function cameraNeedsHttps(): boolean {
  return !window.isSecureContext || typeof navigator.mediaDevices?.getUserMedia !== 'function';
}

/** Tells the room why it gets no camera, and what to do, in its language. */
export function InsecurePageNotice() {
  const { t } = useI18n();
  return (
    <p className="notice notice--error" role="alert" data-testid="insecure-page">
      {t('media.insecurePage')}
    </p>
  );
}
