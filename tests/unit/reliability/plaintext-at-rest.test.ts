import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, TEST_PROFILE, value } from '../../helpers/service';

/** Every file under dir, following no links. */
function allFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // removed while we looked
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...allFiles(full));
    else if (e.isFile()) out.push(full);
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

// A private temp folder for this run (TMPDIR, inherited by any worker or child the app starts):
// the shared OS temp dir also holds vitest's cache and other tests' files, which may hold the
// test password; this checks what the app writes and only that.
let privateTmp = '';
const savedTmpdir = process.env.TMPDIR;
beforeAll(() => {
  privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-plaintext-run-'));
  process.env.TMPDIR = privateTmp;
});
afterAll(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  fs.rmSync(privateTmp, { recursive: true, force: true });
});

describe('zero plaintext at rest after a whole session', () => {
  it('no canary, name or password in the data dir, the backup dir, or anything written to the temp dir', async () => {
    expect(os.tmpdir()).toBe(privateTmp);
    const canaries = Array.from({ length: 20 }, (_, i) => `zq${i}Canary${(i * 7919).toString(36)}Wexford`);
    const usb = tempDir('sv-usb-');
    const { service, dataDir } = await newService();
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const clinician = 'Zq Clinician Canary Wexford';
    value(await service.invoke('profile.update', { ...TEST_PROFILE, name: clinician, address: `1 ${canaries[0]} Way` }));

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
    // Documents go only where the clinician chose: PDF, HTML and audit exports are made in memory.
    const exports = tempDir('sv-chosen-folder-');
    const folder = await pick(service, 'export-folder', exports);
    value(await service.invoke('export.client', { clientId: clientIds[0]!, format: 'pdf', folder, includeUnsigned: true }));
    value(await service.invoke('export.client', { clientId: clientIds[1]!, format: 'html', folder }));
    value(await service.invoke('audit.export', { format: 'pdf', folder, filter: {} }));
    value(await service.invoke('audit.export', { format: 'csv', folder, filter: {} }));
    expect(containing(allFiles(exports), [canaries[0]!, canaries[1]!]).length).toBeGreaterThan(0);
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

    const secrets = [...canaries, clinician, STRONG_PASSWORD];
    expect(containing(allFiles(dataDir), secrets)).toEqual([]);
    expect(containing(allFiles(restored.dataDir), secrets)).toEqual([]);
    expect(containing(allFiles(usb), secrets)).toEqual([]);
    // Anything at all the app wrote to its temp dir (the data dirs and the USB folder are inside it
    // too), except the folder the clinician chose for the documents.
    expect(containing(allFiles(privateTmp).filter((f) => !f.startsWith(exports + path.sep)), secrets)).toEqual([]);
  }, 120_000);
});
