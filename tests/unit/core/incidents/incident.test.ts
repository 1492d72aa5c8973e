import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { filesContaining, tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService;

describe('incident records', () => {
  it('are kept encrypted in the vault, listed newest first, and exported as a small HTML file', async () => {
    let dataDir: string;
    ({ service, dataDir } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const canary = 'Laptop-left-on-train-Canary-4411';
    value(await service.invoke('incident.create', { date: '2026-02-01', whatHappened: 'Older event', whatWasDone: 'Nothing needed' }));
    const made = value(
      await service.invoke('incident.create', { date: '2026-03-05', whatHappened: `${canary} <script>x</script>`, whatWasDone: 'Restored from USB; changed password.' }),
    );
    expect(value(await service.invoke('incident.list', {})).map((i) => i.date)).toEqual(['2026-03-05', '2026-02-01']);

    const folder = await pick(service, 'export-folder', tempDir('sv-incident-'));
    const { path: file } = value(await service.invoke('incident.export', { id: made.id, folder }));
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(canary);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(file).not.toContain(canary);
    // A second export never replaces the first.
    const second = value(await service.invoke('incident.export', { id: made.id, folder })).path;
    expect(second).not.toBe(file);

    value(await service.invoke('vault.lock', {}));
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('export to a folder gone since it was chosen is IO_ERROR; an empty "what happened" is refused', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const made = value(await service.invoke('incident.create', { date: '2026-03-05', whatHappened: 'x', whatWasDone: '' }));
    const gone = tempDir('sv-incident-gone-');
    const folder = await pick(service, 'export-folder', gone);
    fs.rmSync(gone, { recursive: true });
    expect(await service.invoke('incident.export', { id: made.id, folder })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    expect(await service.invoke('incident.create', { date: '2026-03-05', whatHappened: '  ', whatWasDone: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
