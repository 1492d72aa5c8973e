import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { filesContaining } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService;
let dataDir: string;

async function vaultWithClient(name = 'Ada Quill'): Promise<string> {
  ({ service, dataDir } = await newService());
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  return value(await service.invoke('clients.create', { displayName: name, status: 'active', notes: '' })).id;
}

describe('consent records', () => {
  it('flags a client with no treatment consent on file, until one is added', async () => {
    const clientId = await vaultWithClient();
    expect(value(await service.invoke('consent.list', { clientId }))).toEqual({ consents: [], treatmentOnFile: false });
    value(await service.invoke('consent.add', { clientId, type: 'telehealth', givenOn: '2026-01-10', form: 'Telehealth v2' }));
    expect(value(await service.invoke('consent.list', { clientId })).treatmentOnFile).toBe(false);
    value(await service.invoke('consent.add', { clientId, type: 'treatment', givenOn: '2026-01-10', form: 'Informed consent v3' }));
    const listed = value(await service.invoke('consent.list', { clientId }));
    expect(listed.treatmentOnFile).toBe(true);
    expect(listed.consents.map((c) => c.type).sort()).toEqual(['telehealth', 'treatment']);
  });

  it('revoking keeps the history: the old revision is still there, and the client is flagged again', async () => {
    const clientId = await vaultWithClient();
    const c = value(await service.invoke('consent.add', { clientId, type: 'treatment', givenOn: '2026-01-10', form: 'Informed consent v3' }));
    const revoked = value(await service.invoke('consent.revoke', { id: c.id, revokedOn: '2026-03-01' }));
    expect(revoked).toMatchObject({ id: c.id, rev: 2, revokedOn: '2026-03-01', givenOn: '2026-01-10' });
    const listed = value(await service.invoke('consent.list', { clientId }));
    expect(listed.treatmentOnFile).toBe(false);
    expect(listed.consents).toEqual([revoked]);
    const history = value(await service.invoke('consent.history', { id: c.id }));
    expect(history.map((h) => [h.rev, h.revokedOn])).toEqual([
      [1, undefined],
      [2, '2026-03-01'],
    ]);
  });

  it('refuses to revoke twice or before the date given', async () => {
    const clientId = await vaultWithClient();
    const c = value(await service.invoke('consent.add', { clientId, type: 'treatment', givenOn: '2026-01-10', form: 'v3' }));
    expect(await service.invoke('consent.revoke', { id: c.id, revokedOn: '2026-01-09' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    value(await service.invoke('consent.revoke', { id: c.id, revokedOn: '2026-01-10' }));
    expect(await service.invoke('consent.revoke', { id: c.id, revokedOn: '2026-02-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a release of information needs a named party; the party is kept', async () => {
    const clientId = await vaultWithClient();
    const missing = await service.invoke('consent.add', { clientId, type: 'release-of-information', givenOn: '2026-01-10', form: 'ROI' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const roi = value(
      await service.invoke('consent.add', { clientId, type: 'release-of-information', releaseTo: 'Dr. Primary Care', givenOn: '2026-01-10', form: 'ROI v1' }),
    );
    expect(roi.releaseTo).toBe('Dr. Primary Care');
  });

  it('unknown client is NOT_FOUND; a locked vault is VAULT_LOCKED', async () => {
    const clientId = await vaultWithClient();
    expect(await service.invoke('consent.list', { clientId: 'ffffffffffffffffffffffffffffffff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    value(await service.invoke('vault.lock', {}));
    expect(await service.invoke('consent.list', { clientId })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('is encrypted on disk and survives lock/unlock', async () => {
    const clientId = await vaultWithClient();
    const party = 'Riverside-Canary-Clinic-7731';
    value(await service.invoke('consent.add', { clientId, type: 'release-of-information', releaseTo: party, givenOn: '2026-01-10', form: `Summary-${party}` }));
    value(await service.invoke('vault.lock', {}));
    expect(filesContaining(dataDir, party)).toEqual([]);
    expect(filesContaining(dataDir, 'release-of-information')).toEqual([]);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('consent.list', { clientId })).consents[0]).toMatchObject({ releaseTo: party, form: `Summary-${party}` });
  });
});
