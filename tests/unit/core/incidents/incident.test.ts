import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { filesContaining, tempDir } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';

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

    const out = tempDir('sv-incident-');
    const { path: file } = value(await service.invoke('incident.export', { id: made.id, dir: out }));
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(canary);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(file).not.toContain(canary);
    // A second export never replaces the first.
    const second = value(await service.invoke('incident.export', { id: made.id, dir: out })).path;
    expect(second).not.toBe(file);

    value(await service.invoke('vault.lock', {}));
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('export to a missing folder is IO_ERROR; an empty "what happened" is refused', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const made = value(await service.invoke('incident.create', { date: '2026-03-05', whatHappened: 'x', whatWasDone: '' }));
    expect(await service.invoke('incident.export', { id: made.id, dir: '/nonexistent/folder/here' })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    expect(await service.invoke('incident.create', { date: '2026-03-05', whatHappened: '  ', whatWasDone: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
