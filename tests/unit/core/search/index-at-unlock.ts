import { vi } from 'vitest';
import { SearchIndex } from '../../../../src-main/core/search/search-index';
import type { VaultService } from '../../../../src-main/service';
import { STRONG_PASSWORD, value } from '../../../helpers/service';

/** Unlocks the (locked) vault and returns the search index the unlock made, caught as it calls `method`. */
export async function unlockCatchingIndex(service: VaultService, method: 'indexInBackground' | 'loadInBackground'): Promise<SearchIndex> {
  const spy = vi.spyOn(SearchIndex.prototype, method);
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  const index = spy.mock.contexts.at(-1) as SearchIndex | undefined;
  if (!index) throw new Error(`the unlock did not call ${method}`);
  return index;
}

/** Lets `n` turns of the event loop pass (background slices run one per turn). */
export async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}
