import type { Result, VaultApi } from '../../../src-shared/ipc';
import { CallError } from '../errors';

/** The renderer's one door to main. Only the actions/ folder may use it (lint rule local/layers). */
export function api(): VaultApi {
  return window.vault;
}

/** Unwraps a Result: the value, or a CallError carrying the `{code, message}`. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}
