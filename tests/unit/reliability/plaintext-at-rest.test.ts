import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newService, pick, STRONG_PASSWORD, tempDir, value } from '../../helpers/service';

/** Files under dir written since `since` (ms), following no links. */
function recentFiles(dir: string, since: number): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // another process's private temp dir, or gone already
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...recentFiles(full, since));
    else if (e.isFile()) {
      try {
        if (fs.statSync(full).mtimeMs >= since) out.push(full);
      } catch {
        // removed while we looked
      }
    }
  }
  return out;
}

function containing(files: string[], needles: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    for (const n of needles) {
      if (bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le'))) hits.push(`${file}: ${n}`);
    }
  }
  return hits;
}

describe('zero plaintext at rest after a whole session', () => {
  it('no canary, name or password in the data dir, the backup dir, or anything written to the temp dir', async () => {
    const started = Date.now() - 1000;
    const canaries = Array.from({ length: 20 }, (_, i) => `zq${i}Canary${(i * 7919).toString(36)}Wexford`);
    const usb = tempDir('sv-usb-');
    const { service, dataDir } = await newService();
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));

    const clientIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      clientIds.push(value(await service.invoke('clients.create', { displayName: canaries[i]!, notes: `contact ${canaries[i + 4]}` })).id);
    }
    for (let i = 8; i < 20; i++) {
      const { id, rev } = value(
        await service.invoke('notes.create', {
          title: `Session about ${canaries[i]}`,
          clientId: clientIds[i % 4],
          kind: i % 5 === 0 ? 'psychotherapy' : 'progress',
          templateId: i % 5 === 0 ? 'free' : 'soap',
          ...(i % 5 === 0 ? { body: `private ${canaries[i]}` } : { fields: { subjective: `Says ${canaries[i]}` } }),
        }),
      );
      if (i % 3 === 0) {
        value(await service.invoke('notes.sign', { id, baseRev: rev }));
        value(await service.invoke('notes.addAddendum', { id, text: `Correction ${canaries[i]}` }));
      }
    }
    expect(value(await service.invoke('search.query', { text: canaries[9]! })).length).toBeGreaterThan(0);
    const backup = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', usb) }));
    value(await service.invoke('backup.drill', { backup: backup.handle }));
    value(await service.invoke('vault.lock', {}));
    service.close();

    // A new laptop: restore from the USB backup into a fresh data dir.
    const restored = await newService();
    value(await restored.service.invoke('backup.restore', { backup: await pick(restored.service, 'backup-file', backup.path), password: STRONG_PASSWORD }));
    expect(value(await restored.service.invoke('notes.list', {}))).toHaveLength(12);
    value(await restored.service.invoke('vault.lock', {}));
    restored.service.close();

    const secrets = [...canaries, STRONG_PASSWORD];
    expect(containing(recentFiles(dataDir, 0), secrets)).toEqual([]);
    expect(containing(recentFiles(restored.dataDir, 0), secrets)).toEqual([]);
    expect(containing(recentFiles(usb, 0), secrets)).toEqual([]);
    // Anything at all written to the OS temp dir during this test (other tests use other canaries).
    expect(containing(recentFiles(os.tmpdir(), started), secrets)).toEqual([]);
  }, 120_000);
});
