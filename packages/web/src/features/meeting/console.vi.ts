/**
 * Vietnamese for ending a meeting and the staff's console controls (merged into vi.ts).
 * Every other language mirrors these keys.
 */
export const consoleVi = {
  'meeting.end': 'Kết thúc cuộc họp',
  'meeting.endConfirm': 'Kết thúc cuộc họp cho tất cả điểm cầu? Ghi hình sẽ dừng và các điểm cầu trở về màn hình chính.',
  'meeting.endYes': 'Kết thúc cho tất cả',
  'meeting.endNo': 'Tiếp tục họp',
  'meeting.endedReturning': 'Đang trở về màn hình chính…',
  'meeting.goHome': 'Về màn hình chính',
  'picker.heading': 'Chọn điểm cầu',
  'picker.search': 'Tìm điểm cầu (gõ có dấu hoặc không dấu)',
  'picker.spotlight': 'Lên màn hình',
  'picker.none': 'Không tìm thấy điểm cầu.',
  'recording.stopConfirm': 'Kết thúc ghi hình? Bản ghi sẽ được hoàn tất để xem lại.',
  'recording.keepRecording': 'Tiếp tục ghi',
  'recording.finishing': 'Đang hoàn tất bản ghi…',
  'recording.ready': 'Bản ghi đã sẵn sàng để xem lại.',
  'recording.review': 'Xem lại',
} as const;
