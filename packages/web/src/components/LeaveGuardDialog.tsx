import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { answerLeaveQuestion, leaveQuestion } from './leaveGuard';

/**
 * The question asked before leaving unsaved changes, over the page: in words, with staying as
 * the answer under the finger (focused), since losing a typed agenda costs more than one more click.
 */
export function LeaveGuardDialog() {
  const { t } = useI18n();
  const asking = useSyncExternalStore(leaveQuestion.subscribe, leaveQuestion.asking);
  if (!asking) return null;
  return (
    <div className="leave-guard">
      <div
        className="leave-guard__box"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-guard-question"
        data-testid="leave-guard"
      >
        <p id="leave-guard-question">{t('leaveGuard.question')}</p>
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            autoFocus
            onClick={() => answerLeaveQuestion(false)}
            data-testid="leave-guard-stay"
          >
            {t('leaveGuard.stay')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => answerLeaveQuestion(true)}
            data-testid="leave-guard-leave"
          >
            {t('leaveGuard.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
