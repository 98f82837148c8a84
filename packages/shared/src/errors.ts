import { z } from 'zod';

/**
 * Error codes shared by HTTP responses and socket acknowledgements. The client maps each code to
 * a sentence in the user's language; the `message` beside it is for logs and developers.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  /** Too many requests or failed sign-ins from this client: wait `retryAfterSeconds`, then try again. */
  'TOO_MANY_REQUESTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'MEDIA_UNAVAILABLE',
  /** This node is being drained: join again through the load balancer, which picks another node. */
  'NODE_DRAINING',
  /** The meeting runs on another node of the cluster: connect to `location` and ask again. */
  'MOVED',
  /** Too many requests of one kind in a short while (messages): wait a few seconds. */
  'RATE_LIMITED',
  /** The meeting is not open for joining now: its check-in window has not opened, or it has ended. */
  'OUTSIDE_MEETING_TIME',
  /** A unit's or a directive's attachments have reached their quota. */
  'QUOTA_EXCEEDED',
  /** The server's data disk (PM_DATA_DIR) is nearly full: the operator has been alerted. */
  'STORAGE_FULL',
  /**
   * The account still has the published demo password and the platform is reachable from the
   * network: only changing the password (and signing out) is allowed until it is changed.
   */
  'PASSWORD_CHANGE_REQUIRED',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Field-level problems of a rejected payload, as `path: problem`. */
  issues: z.array(z.string()).optional(),
  /** With MOVED: the base URL of the node to ask. */
  location: z.string().optional(),
  /** With TOO_MANY_REQUESTS: how long to wait before asking again (also the HTTP `Retry-After`). */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** An error that carries a code across the process boundary intact. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
    readonly location?: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }

  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.location ? { location: this.location } : {}),
    };
  }
}

/** The caller asks too often or has failed too often: it may try again after `retryAfterSeconds`. */
export class RetryLaterError extends CodedError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
  }

  override toJSON(): ApiError {
    return { ...super.toJSON(), retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * A rejected payload's problems are reported (to the client, in the log) up to this many, each
 * this long at most: a payload crafted to fail everywhere gets a short answer, not a copy of
 * itself many times over (issue 15: 176 KB in, 16 MB of answer and of log out).
 */
export const reportedIssues = { count: 10, length: 160 } as const;

/**
 * Turns a zod failure into readable `path: problem` lines, bounded (above). The input is never
 * echoed: unknown keys are counted, not named, and path parts (which may be a client's keys) are cut.
 */
export function describeZodError(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, reportedIssues.count).map((issue) => {
    const where = issue.path.map((part) => clip(String(part), 32)).join('.') || '(root)';
    const problem = issue.code === 'unrecognized_keys' ? `${issue.keys.length} unknown field(s)` : issue.message;
    return clip(`${where}: ${problem}`, reportedIssues.length);
  });
  const more = error.issues.length - lines.length;
  return more > 0 ? [...lines, `and ${more} more problem(s)`] : lines;
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
