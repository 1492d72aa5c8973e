import type { AppError, ErrorCode } from '../../src-shared/errors';

/** Thrown inside the core; turned into a `Result` at the service boundary. */
export class VaultError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'VaultError';
  }

  toAppError(): AppError {
    return this.retryAfterSeconds === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * Maps an unexpected error to a code without ever echoing its message, which could carry
 * a path or, worse, data. Disk-full conditions get their own code so the user can act.
 */
export function classifyUnexpected(error: unknown): AppError {
  if (error instanceof VaultError) return error.toAppError();
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return { code: 'DISK_FULL', message: 'The disk is full. Free some space and try again; nothing was lost.' };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return { code: 'VAULT_CORRUPT', message: 'The vault file is damaged. Restore it from a backup.' };
  }
  return { code: 'IO_ERROR', message: 'The vault could not read or write its files. Nothing was changed.' };
}
