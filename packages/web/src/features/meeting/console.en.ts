import type { consoleVi } from './console.vi';

/** English for ending a meeting and the staff's console controls (merged into en.ts). */
export const consoleEn: Record<keyof typeof consoleVi, string> = {
  'meeting.end': 'End meeting',
  'meeting.endConfirm': 'End the meeting for every site? The recording stops and every site returns to its home screen.',
  'meeting.endYes': 'End for everyone',
  'meeting.endNo': 'Keep meeting',
  'meeting.endedReturning': 'Returning to the home screen…',
  'meeting.goHome': 'Back to home screen',
  'picker.heading': 'Pick a site',
  'picker.search': 'Search sites (with or without diacritics)',
  'picker.spotlight': 'On screen',
  'picker.none': 'No site found.',
  'recording.stopConfirm': 'End the recording? It will be finished for review.',
  'recording.keepRecording': 'Keep recording',
  'recording.finishing': 'Finishing the recording…',
  'recording.ready': 'The recording is ready for review.',
  'recording.review': 'Review',
};
