import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { createdVault, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => service?.close());

/** What the main screen's "Recovery Kit not stored" banner is based on. */
describe('vault.status says whether the current Recovery Kit was confirmed', () => {
  it('not after create, yes once confirmed, not again after a rotation, unknown while locked', async () => {
    const v = await createdVault();
    service = v.service;
    const confirmed = async () => value(await v.service.invoke('vault.status', {})).recoveryKitConfirmed;
    expect(await confirmed()).toBe(false);
    value(await v.service.invoke('vault.confirmRecoveryKit', {}));
    expect(await confirmed()).toBe(true);
    value(await v.service.invoke('vault.lock', {}));
    expect(await confirmed()).toBeNull();
    value(await v.service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(await confirmed()).toBe(true);
    value(await v.service.invoke('vault.rotateRecoveryKey', { password: STRONG_PASSWORD }));
    expect(await confirmed()).toBe(false);
  });
});
