import type { KdfParams } from '../src-main/core/crypto/sodium';
import { typedPathChooser } from '../src-main/dev/typed-path-chooser';
import { createVaultService, type VaultService } from '../src-main/service';
import type { Channel, EventName, EventPayload, Input, Output } from '../src-shared/ipc';

/** Synthetic and known to the benchmark only; never a real credential. */
export const BENCH_PASSWORD = 'benchmark practice vault 2016-2025 !';

/** invoke, typed by channel, that stops the benchmark on any failure (a failed call would skew every number). */
export async function call<C extends Channel>(service: VaultService, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await service.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * A service that behaves like one with a present user behind the renderer: it answers every
 * flush request at once (nothing unsaved) and a lock warning with activity, so the idle lock
 * never fires in the middle of a long run.
 */
export async function openBenchService(dataDir: string, kdf?: KdfParams): Promise<VaultService> {
  let service: VaultService | null = null;
  const onEvent = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    if (!service) return;
    if (event === 'flush.request') {
      const { requestId } = payload as EventPayload<'flush.request'>;
      void service.invoke('session.flushDone', { requestId, saved: true });
    }
    if (event === 'lock.warning') void service.invoke('session.activity', {});
  };
  service = await createVaultService({ dataDir, dangerouslyUseKdfParams: kdf, onEvent, fileChooser: typedPathChooser(), driveSource: async () => [] });
  return service;
}
