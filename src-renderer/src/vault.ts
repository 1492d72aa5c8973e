import type { AppError, Result, VaultApi } from '../../src-shared/ipc';

export function api(): VaultApi {
  return window.vault;
}

/** Thrown by `call` so components can show `error.message` (always a plain sentence). */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** Unwraps a Result: the value, or a CallError carrying the `{code, message}`. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export function errorMessage(e: unknown): string {
  return e instanceof CallError ? e.error.message : 'Something went wrong. Nothing was changed.';
}
