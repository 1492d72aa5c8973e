import type { AppError } from '../../src-shared/ipc';

/** Thrown by the actions so screens can show `error.message` (always a plain sentence). */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof CallError ? e.error.message : 'Something went wrong. Nothing was changed.';
}

/** A mistake the user can fix before anything is sent (e.g. two passwords that differ). */
export function userError(message: string): CallError {
  return new CallError({ code: 'INVALID_INPUT', message });
}
