import { CodedError } from '@pm/shared';
import type { Response } from 'express';

/**
 * Sends a stored file with its media type, answering HTTP range requests (a video player seeks
 * with them). Resolves once the transfer ends; a client that goes away mid-transfer (a player
 * seeking elsewhere) is not an error.
 */
export function sendStoredFile(res: Response, filePath: string, contentType: string, downloadName?: string): Promise<void> {
  // A named file is always a download, never rendered in the platform's origin; and no browser
  // second-guesses the type it was checked to be.
  if (downloadName) res.attachment(downloadName);
  res.set('X-Content-Type-Options', 'nosniff');
  res.type(contentType);
  return new Promise((resolve, reject) => {
    // PM_DATA_DIR may be a dot-folder (./.data): allow it, the path is ours, never the caller's.
    res.sendFile(filePath, { acceptRanges: true, cacheControl: false, dotfiles: 'allow' }, (error?: Error & { status?: number }) => {
      if (!error || res.headersSent) resolve();
      else reject(error.status === 404 ? new CodedError('NOT_FOUND', 'the stored file is missing') : error);
    });
  });
}
