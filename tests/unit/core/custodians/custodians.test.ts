import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, keyedHash } from '../../../../src-main/core/crypto/sodium';
import { decodeShare } from '../../../../src-main/core/custodians/custodian-share';
import { fromGroups, normalizeGroups, toGroups } from '../../../../src-main/core/vault/grouped-base32';
import { filesContaining, tamper } from '../../../helpers/disk';
import type { VaultService } from '../../../../src-main/service';
import { FakeClock } from '../../../helpers/fake-clock';
import { createdVault, STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';

beforeAll(() => initCrypto());


const NAMES = ['Avery Attorney', 'Casey Colleague', 'Pat Partner'];

/** A vault with a 2-of-3 split, locked: the password and Recovery Kit are "lost". */
async function vaultWithKits(threshold = 2, names = NAMES, now?: () => number) {
  const v = await createdVault(now ? { now } : {});
  const named = value(await v.service.invoke('custodians.name', { password: STRONG_PASSWORD, names, threshold }));
  value(await v.service.invoke('vault.lock', {}));
  return { ...v, shares: named.kits.map((k) => k.share), named };
}

function refused(res: { ok: boolean; error?: { code: string; message: string } }, code: string, message: RegExp) {
  expect(res).toMatchObject({ ok: false, error: { code } });
  expect(res.error!.message).toMatch(message);
}

/** The share with one group changed, as a custodian mistyping it would. */
function mistype(share: string, group: number): string {
  const g = share.split('-');
  g[group] = g[group]!.replace(/^./, (c) => (c === 'A' ? 'C' : 'A'));
  return g.join('-');
}

/** A share of the same split whose checksum is right but whose value is not (what a forger would try). */
function forged(share: string): string {
  const bytes = fromGroups(normalizeGroups(share).slice(4), 40)!;
  bytes[10] = bytes[10]! ^ 0x5a;
  bytes.set(keyedHash(null, bytes.subarray(0, 37), 16).subarray(0, 3), 37);
  return `SVCS-${toGroups(bytes)}`;
}

describe('records custodians: a 2-of-3 split', () => {
  it('opens the vault with any two of the three kits, read-only, and never with one', async () => {
    const { service, shares, dataDir } = await vaultWithKits();
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'locked', custodians: { threshold: 2, shares: 3 } });
    for (const [a, b] of [[0, 1], [0, 2], [1, 2], [2, 0]] as const) {
      value(await service.invoke('vault.unlock', { custodianShares: [shares[a]!, shares[b]!] }));
      expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked', custodianMode: true });
      value(await service.invoke('vault.lock', {}));
    }
    value(await service.invoke('vault.unlock', { custodianShares: shares }));
    value(await service.invoke('vault.lock', {}));

    refused(await service.invoke('vault.unlock', { custodianShares: [shares[1]!] }), 'INVALID_INPUT', /opens with 2 custodian shares together; 1 was entered/);
    refused(await service.invoke('vault.unlock', { custodianShares: [shares[1]!, shares[1]!] }), 'INVALID_INPUT', /Share 1 and share 2 are the same kit/);
    expect(value(await service.invoke('vault.status', {})).state).toBe('locked');
    // The password still opens it as the clinician's vault, not in custodian mode.
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ custodianMode: false });
    // The app never keeps a share: not in the vault, not beside it.
    for (const share of shares) expect(filesContaining(dataDir, share.slice(5, 24))).toEqual([]);
  });

  it('names a mistyped group (checksum), a share of another vault, a Recovery Key and a forged share', async () => {
    const mine = await vaultWithKits();
    const other = await vaultWithKits();
    const svc = mine.service;
    refused(await svc.invoke('vault.unlock', { custodianShares: [mine.shares[0]!, mistype(mine.shares[1]!, 9)] }), 'WRONG_CREDENTIALS', /Share 2 has a typo/);
    refused(await svc.invoke('vault.unlock', { custodianShares: [other.shares[0]!, mine.shares[1]!] }), 'WRONG_CREDENTIALS', /Share 1 is not from this vault's current custodian kits/);
    refused(await svc.invoke('vault.unlock', { custodianShares: [mine.shares[0]!, mine.recoveryKey] }), 'WRONG_CREDENTIALS', /Share 2 is a Recovery Key/);
    refused(await svc.invoke('vault.unlock', { custodianShares: [mine.shares[0]!, mine.shares[1]!.slice(0, 30)] }), 'WRONG_CREDENTIALS', /Share 2 is not complete/);
    // None of those cost an attempt; a forged share passes every check but the unwrap, and does.
    for (let i = 0; i < 3; i++) {
      refused(await svc.invoke('vault.unlock', { custodianShares: [mine.shares[0]!, forged(mine.shares[1]!)] }), 'WRONG_CREDENTIALS', /do not open this vault/);
    }
    refused(await svc.invoke('vault.unlock', { custodianShares: mine.shares.slice(0, 2) }), 'RATE_LIMITED', /Wait 2 seconds/);
  });

  it('revoked or replaced kits no longer open the vault; the new kits do', async () => {
    const clock = new FakeClock();
    const { service, shares: old } = await vaultWithKits(2, NAMES, clock.now);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    const replaced = value(await service.invoke('custodians.name', { password: STRONG_PASSWORD, names: ['One', 'Two'], threshold: 2 }));
    value(await service.invoke('vault.lock', {}));
    refused(await service.invoke('vault.unlock', { custodianShares: old.slice(0, 2) }), 'WRONG_CREDENTIALS', /replaced or revoked/);
    value(await service.invoke('vault.unlock', { custodianShares: replaced.kits.map((k) => k.share) }));
    value(await service.invoke('vault.lock', {}));

    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    value(await service.invoke('custodians.revoke', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('custodians.status', {}))).toMatchObject({ named: false, revokedAt: clock.now(), slotIntact: true });
    value(await service.invoke('vault.lock', {}));
    refused(await service.invoke('vault.unlock', { custodianShares: replaced.kits.map((k) => k.share) }), 'WRONG_CREDENTIALS', /no records custodians now/);
    expect(value(await service.invoke('vault.status', {})).custodians).toBeNull();
  });

  it('a slot put back on disk after a revocation, or with its numbers edited, does not open the vault', async () => {
    const { service, shares, dataDir } = await vaultWithKits();
    let saved = '';
    tamper(dataDir, (db) => {
      saved = (db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string }).value;
    });
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    value(await service.invoke('custodians.revoke', { password: STRONG_PASSWORD }));
    service.close();
    // Replay: the revoked slot copied back into the header unwraps, but the vault's own list refuses it.
    tamper(dataDir, (db) => db.prepare("UPDATE meta SET value = ? WHERE key = 'header'").run(saved));
    const again = await createdVaultService(dataDir);
    refused(await again.invoke('vault.unlock', { custodianShares: shares.slice(0, 2) }), 'WRONG_CREDENTIALS', /revoked or replaced/);
    value(await again.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await again.invoke('custodians.status', {}))).toMatchObject({ named: false, slotIntact: false });
    again.close();
    // "2 of 3" edited to "2 of 2": bound into the wrap, so the kits no longer open it.
    const header = JSON.parse(saved) as { custodians: { shares: number } };
    header.custodians.shares = 2;
    tamper(dataDir, (db) => db.prepare("UPDATE meta SET value = ? WHERE key = 'header'").run(JSON.stringify(header)));
    const edited = await createdVaultService(dataDir);
    refused(await edited.invoke('vault.unlock', { custodianShares: shares.slice(0, 2) }), 'WRONG_CREDENTIALS', /do not open this vault/);
  });

  it('naming custodians needs the password, two names at least, and a threshold they can meet', async () => {
    const v = await createdVault();
    refused(await v.service.invoke('custodians.name', { password: 'not the password at all', names: NAMES, threshold: 2 }), 'WRONG_CREDENTIALS', /current password is not right/);
    refused(await v.service.invoke('custodians.name', { password: STRONG_PASSWORD, names: NAMES, threshold: 4 }), 'INVALID_INPUT', /threshold/);
    refused(await v.service.invoke('custodians.name', { password: STRONG_PASSWORD, names: ['Alone'], threshold: 2 }), 'INVALID_INPUT', /names/);
    refused(await v.service.invoke('custodians.name', { password: STRONG_PASSWORD, names: NAMES, threshold: 1 }), 'INVALID_INPUT', /threshold/);
    expect(value(await v.service.invoke('custodians.status', {}))).toMatchObject({ named: false, createdAt: null, slotIntact: true });
    const named = value(await v.service.invoke('custodians.name', { password: STRONG_PASSWORD, names: NAMES, threshold: 2 }));
    expect(named.kits.map((k) => k.name)).toEqual(NAMES);
    expect(new Set(named.kits.map((k) => decodeShare(k.share).ok)).size).toBe(1);
    expect(value(await v.service.invoke('custodians.status', {}))).toMatchObject({ named: true, threshold: 2, names: NAMES, createdAt: named.createdAt, slotIntact: true });
    // Names are kept encrypted: not in any file in plaintext.
    value(await v.service.invoke('vault.lock', {}));
    expect(filesContaining(v.dataDir, 'Casey Colleague')).toEqual([]);
  });
});

async function createdVaultService(dataDir: string): Promise<VaultService> {
  const { service } = await vaultService({ dataDir });
  return service;
}
