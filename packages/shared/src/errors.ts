import { z } from 'zod';

/**
 * Error codes shared by HTTP responses and socket acknowledgements. The client maps each code to
 * a sentence in the user's language; the `message` beside it is for logs and developers.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  /** Too many failed sign-ins: the account is locked for a while. */
  'LOCKED',
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

/** Turns a zod failure into readable `path: problem` lines. */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
