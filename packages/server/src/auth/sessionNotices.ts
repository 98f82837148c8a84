/** Ended sessions end their live connections too: a signed-out kiosk must not stay in a meeting. */
export interface SessionNotices {
  endSessions(tokenHashes: string[]): void;
  endAccount(userId: string): void;
}
