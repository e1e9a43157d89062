import { z } from 'zod';
import { VENDORS } from './vendors';

/**
 * One error type for everything that crosses a process boundary. Errors travel
 * as values ({ok:false, error}) so the renderer can show what failed, why, and
 * whether trying again can help. `message` is written for a technician and
 * never contains a secret.
 */
export const ERROR_KINDS = [
  'auth',
  'clock-skew',
  'not-found',
  'conflict',
  'locked',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'bad-response',
  'tls',
  'bad-request',
  'invalid-payload',
  'unknown-channel',
  'forbidden',
  'keychain',
  'cancelled',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const AppErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  retryable: z.boolean(),
  vendor: z.enum(VENDORS).optional(),
  status: z.number().int().optional(),
  /** The vendor's own words, when it gave any (already free of secrets). */
  vendorMessage: z.string().optional(),
  /** The request may have reached the vendor but no answer came back: never resend blindly. */
  outcomeUnknown: z.boolean().optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });

export function appError(kind: ErrorKind, message: string, extra: Partial<AppError> = {}): AppError {
  return { kind, message, retryable: extra.retryable ?? false, ...extra };
}

/** Thrown inside main-process services; converted to a Result at the IPC edge. */
export class FleetError extends Error {
  readonly detail: AppError;
  constructor(detail: AppError) {
    super(detail.message);
    this.name = 'FleetError';
    this.detail = detail;
  }
}

export function toAppError(err: unknown): AppError {
  if (err instanceof FleetError) return err.detail;
  if (err instanceof Error && err.name === 'AbortError') {
    return appError('cancelled', 'The operation was cancelled.');
  }
  return appError('internal', 'Something went wrong inside fleetdesk. The details are in the log.');
}
