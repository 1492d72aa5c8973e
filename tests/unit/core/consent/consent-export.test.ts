import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService;

describe('consents in the records-request export', () => {
  it('lists every consent with its dates, in force and revoked, escaped', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const { id: clientId } = value(await service.invoke('clients.create', { displayName: 'Ada Quill', status: 'active', notes: '' }));
    const t = value(await service.invoke('consent.add', { clientId, type: 'treatment', givenOn: '2026-01-10', form: 'Informed consent v3' }));
    value(await service.invoke('consent.add', { clientId, type: 'release-of-information', releaseTo: 'Dr. <b>Lee</b>', givenOn: '2026-02-01', form: 'ROI v1' }));
    value(await service.invoke('consent.revoke', { id: t.id, revokedOn: '2026-03-01' }));

    const out = value(await service.invoke('export.client', { clientId, format: 'html', folder: await pick(service, 'export-folder', tempDir('sv-export-')) }));
    const html = fs.readFileSync(out.path, 'utf8');
    const section = html.slice(html.indexOf('<h2>Consents</h2>'));
    expect(section).toContain('Treatment');
    expect(section).toContain('Revoked 1 Mar 2026');
    expect(section).toContain('Informed consent v3');
    expect(section).toContain('Release of information to Dr. &lt;b&gt;Lee&lt;/b&gt;');
    expect(section).toContain('In force');
    expect(html).not.toContain('<b>Lee</b>');
  });

  it('says so when no consent is recorded', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const { id: clientId } = value(await service.invoke('clients.create', { displayName: 'Bo', status: 'active', notes: '' }));
    const out = value(await service.invoke('export.client', { clientId, format: 'html', folder: await pick(service, 'export-folder', tempDir('sv-export-')) }));
    expect(fs.readFileSync(out.path, 'utf8')).toContain('No consent is recorded for this client.');
  });
});
