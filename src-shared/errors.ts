/** Every error that may cross the IPC boundary. Messages are for a clinician, never a stack trace. */
export const ERROR_CODES = [
  'WRONG_CREDENTIALS',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_ABSENT',
  'WEAK_PASSWORD',
  'NOT_FOUND',
  'CONFLICT',
  'NOTE_SIGNED',
  'BACKUP_CORRUPT',
  'BACKUP_WRONG_VAULT',
  'BACKUP_UNSUPPORTED_VERSION',
  'INVALID_INPUT',
  'IO_ERROR',
  'DISK_FULL',
  'RATE_LIMITED',
  'VAULT_CORRUPT',
  'VAULT_UNSUPPORTED_VERSION',
  /** A change asked of a vault opened by its records custodians: custodian mode only reads, exports and backs up. */
  'READ_ONLY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Only with RATE_LIMITED: how long the user must wait. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, extra?: Pick<AppError, 'retryAfterSeconds'>): { ok: false; error: AppError } {
  return { ok: false, error: { code, message, ...extra } };
}

