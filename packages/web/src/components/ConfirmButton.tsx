import { useState, type ReactNode } from 'react';

/**
 * A button whose action asks first, in place: for what a room cannot undo by itself (leaving the
 * meeting, signing out during one). The question and both answers are in words, no dialog box.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  className = 'button',
  testId,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  className?: string;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className={className} onClick={() => setAsking(true)} data-testid={testId}>
        {children}
      </button>
    );
  return (
    <span className="confirm" role="alertdialog" aria-label={question} data-testid={testId && `${testId}-confirm`}>
      <span className="confirm__question">{question}</span>
      <button type="button" className="button button--danger" onClick={() => (setAsking(false), onConfirm())}>
        {confirmLabel}
      </button>
      <button type="button" className="button" autoFocus onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </span>
  );
}
