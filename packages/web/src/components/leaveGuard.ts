/**
 * Leaving a screen while one of its forms holds unsaved changes asks first, inside the app as the
 * browser's own `beforeunload` does for a reload: one registry of the forms with changes, and at
 * most one question pending, which `LeaveGuardDialog` shows. Framework-free, so `navigateTo` (and
 * a test) can use it without React.
 */
const changedForms = new Set<symbol>();
let pending: (() => void) | null = null;
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((listener) => listener());

/** A form says whether it holds unsaved changes now. */
export function setUnsavedChanges(form: symbol, changed: boolean): void {
  if (changed) changedForms.add(form);
  else changedForms.delete(form);
}

export function hasUnsavedChanges(): boolean {
  return changedForms.size > 0;
}

/** Asks whether to leave, then runs `leave` only if the person chooses to; a newer question replaces an older one. */
export function askBeforeLeaving(leave: () => void): void {
  pending = leave;
  notify();
}

/** Leaves at once when nothing is unsaved, else asks first. */
export function leaveIfNothingUnsaved(leave: () => void): void {
  if (hasUnsavedChanges()) askBeforeLeaving(leave);
  else leave();
}

/** The person's answer: leave (the changes are dropped with the screen) or stay (nothing happens). */
export function answerLeaveQuestion(leave: boolean): void {
  const go = pending;
  pending = null;
  notify();
  if (leave) go?.();
}

/** For `useSyncExternalStore`: whether the question is on screen, and when that changes. */
export const leaveQuestion = {
  asking: (): boolean => pending !== null,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
