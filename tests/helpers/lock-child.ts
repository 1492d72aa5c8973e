// Child process for the lock-without-renderer test: a plain Node program (no onEvent) that
// creates a vault, locks it and ends. It prints the state it saw after `vault.lock` resolved.
import { typedPathChooser } from '../../src-main/dev/typed-path-chooser';
import { createVaultService } from '../../src-main/service';
import { STRONG_PASSWORD, TEST_KDF } from './service';

const service = await createVaultService({ dataDir: process.argv[2]!, dangerouslyUseKdfParams: TEST_KDF, fileChooser: typedPathChooser(), driveSource: async () => [] });
await service.invoke('vault.create', { password: STRONG_PASSWORD });
await service.invoke('vault.lock', {});
const status = await service.invoke('vault.status', {});
process.stdout.write(`after lock: ${status.ok ? status.value.state : status.error.code}\n`);
service.close();
