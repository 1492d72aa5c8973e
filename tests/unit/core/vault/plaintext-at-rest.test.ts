import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { filesContaining, filesUnder } from '../../../helpers/disk';
import { STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';

let service: VaultService | undefined;

/** 20 distinct strings a clinician would type: client names, titles, body phrases. */
const CANARIES = Array.from({ length: 20 }, (_, i) => {
  const names = ['Ophelia Winterbourne', 'Raimundo Quistgaard', 'Zelda Marchetti-Okafor', 'Bartholomew Ingersoll', 'Yevgenia Tallbrook'];
  return `cnry${i.toString().padStart(2, '0')}-${names[i % names.length]!.replace(/ /g, '_')}-${(i * 7919).toString(36)}`;
});

function leaks(dataDir: string, secrets: string[]): string[] {
  return secrets.filter((s) => filesContaining(dataDir, s).length > 0);
}

describe('plaintext at rest', () => {
  it('no canary, password or recovery key in any byte under dataDir after saves, after lock, after close', async () => {
    let dataDir: string;
    ({ service, dataDir } = await vaultService());
    const { recoveryKey } = value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const ids: string[] = [];
    for (let i = 0; i < CANARIES.length; i += 2) {
      const title = `Session with ${CANARIES[i]}`;
      const { id } = value(await service.invoke('notes.create', { title, body: `Client ${CANARIES[i]} said ${CANARIES[i + 1]}.` }));
      ids.push(id);
    }
    // Update half of them, so old revisions and freed pages exist too.
    for (const [n, id] of ids.entries()) {
      if (n % 2) continue;
      value(await service.invoke('notes.update', { id, baseRev: 1, title: `Follow-up ${CANARIES[n * 2]}`, body: `Revised: ${CANARIES[n * 2 + 1]}` }));
    }
    const secrets = [...CANARIES, STRONG_PASSWORD, recoveryKey, recoveryKey.replace(/-/g, '')];
    // The canaries really are in the vault: they come back decrypted.
    expect(value(await service.invoke('notes.get', { id: ids[0]! })).title).toContain(CANARIES[0]);
    expect(filesUnder(dataDir).map((f) => f.file).some((f) => f.endsWith('vault.db-wal'))).toBe(true);

    expect(leaks(dataDir, secrets)).toEqual([]);
    value(await service.invoke('vault.lock', {}));
    expect(leaks(dataDir, secrets)).toEqual([]);
    service.close();
    service = undefined;
    expect(leaks(dataDir, secrets)).toEqual([]);
    // The helper does find plaintext when it is there (guards against a test that cannot fail).
    expect(filesContaining(dataDir, 'SQLite format 3').length).toBe(1);
  });
});
