import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBackupFile } from '../../../../src-main/core/backup/backup-writer';
import type { VaultService } from '../../../../src-main/service';
import { scratchDirs, tempDir, vaultFingerprint } from '../../../helpers/disk';
import { makeBackupV1, V1_NOTES, V1_PASSWORD } from '../../../fixtures/make-backup-v1';
import { newService, pick, STRONG_PASSWORD, TEST_KDF, value } from '../../../helpers/service';
import { openBackup } from './forge';

/**
 * Every damaged backup must be refused with a known code, never crash, never touch the vault, in
 * each format version the app reads. Per version, one small backup with several 64 KiB chunks is
 * mutated in memory; each case is checked with the unlocked vault's keys through the service, so
 * no Argon2 runs per case. Version 2: a vault's backup written by the app's writer with 64 KiB
 * chunks (the app writes 1 MiB, so a small vault would have one chunk: nothing to drop or swap).
 * Version 1: a file written from that version's definition (tests/fixtures/make-backup-v1.ts),
 * checked by a service that restored it.
 */
const RUNS = process.env.SV_LONG ? 10_000 : 2_000;
const KNOWN = ['BACKUP_CORRUPT', 'BACKUP_WRONG_VAULT', 'BACKUP_UNSUPPORTED_VERSION'];

/** docs/backup-format.md: every backup starts with the 8 bytes "SVBACKUP". */
function startsLikeBackup(file: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(0, 8).toString('latin1') === 'SVBACKUP';
}

type Layout = { prefixEnd: number; chunks: { start: number; end: number }[] };
/** One version's case: a service whose unlocked vault made `original`. */
interface Subject {
  version: 1 | 2;
  service: VaultService;
  dataDir: string;
  original: Buffer;
  layout: Layout;
  notes: number;
}
const subjects = new Map<1 | 2, Subject>();
let work: string;
// The subject of the mutations being made (the helpers below read it).
let original: Buffer;
let layout: Layout;

/** Independent parse of the layout: prefix | stream header (v1: 24 bytes, v2: 16-byte salt) | (u32 length + sealed bytes)*. */
function parseLayout(bytes: Buffer): Layout {
  const prefixEnd = 13 + bytes.readUInt32BE(9);
  const chunks: { start: number; end: number }[] = [];
  for (let pos = prefixEnd + (bytes[8] === 1 ? 24 : 16); pos < bytes.length; ) {
    const end = pos + 4 + bytes.readUInt32BE(pos);
    chunks.push({ start: pos, end });
    pos = end;
  }
  return { prefixEnd, chunks };
}

function chunkBytes(i: number): Buffer {
  const c = layout.chunks[i]!;
  return original.subarray(c.start, c.end);
}

function withChunks(order: number[]): Buffer {
  const body = original.subarray(0, layout.chunks[0]!.start);
  return Buffer.concat([body, ...order.map(chunkBytes)]);
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'header-edit'; at: number; byte: number }
  | { kind: 'version'; version: number }
  | { kind: 'drop'; i: number }
  | { kind: 'swap'; i: number; j: number }
  | { kind: 'duplicate'; i: number; at: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'random'; bytes: Uint8Array; magic: boolean }
  | { kind: 'zero-byte' }
  | { kind: 'directory' };

function mutationArb(version: 1 | 2): fc.Arbitrary<Mutation> {
  const len = original.length;
  const n = layout.chunks.length;
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 0, max: len - 1 }) }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.integer({ min: 0, max: len - 1 }), mask: fc.integer({ min: 1, max: 255 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('overwrite' as const), at: fc.integer({ min: 0, max: len - 1 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('header-edit' as const), at: fc.integer({ min: 0, max: layout.chunks[0]!.start - 1 }), byte: fc.integer({ min: 0, max: 255 }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('version' as const), version: fc.integer({ min: 0, max: 255 }).filter((v) => v !== version) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), i: fc.integer({ min: 0, max: n - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), i: fc.integer({ min: 0, max: n - 1 }), j: fc.integer({ min: 0, max: n - 1 }) }).filter((m) => m.i !== m.j) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), i: fc.integer({ min: 0, max: n - 1 }), at: fc.integer({ min: 0, max: n }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 4096 }), magic: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'zero-byte' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'directory' as const }) },
  );
}

/** Writes the mutated backup and returns the path to check (a directory for that case). */
function materialize(m: Mutation, caseNo: number): string {
  const file = path.join(work, `case-${caseNo % 4}.svbackup`);
  fs.rmSync(file, { recursive: true, force: true });
  let bytes: Buffer;
  switch (m.kind) {
    case 'directory':
      fs.mkdirSync(file);
      return file;
    case 'zero-byte':
      bytes = Buffer.alloc(0);
      break;
    case 'truncate':
      bytes = original.subarray(0, m.at);
      break;
    case 'flip':
      bytes = Buffer.from(original);
      bytes[m.at]! ^= m.mask;
      break;
    case 'overwrite':
      bytes = Buffer.from(original);
      bytes.set(m.bytes.subarray(0, bytes.length - m.at), m.at);
      break;
    case 'header-edit':
      bytes = Buffer.from(original);
      bytes[m.at] = m.byte;
      break;
    case 'version':
      bytes = Buffer.from(original);
      bytes[8] = m.version;
      break;
    case 'drop':
      bytes = withChunks(layout.chunks.map((_, k) => k).filter((k) => k !== m.i));
      break;
    case 'swap': {
      const order = layout.chunks.map((_, k) => k);
      [order[m.i], order[m.j]] = [order[m.j]!, order[m.i]!];
      bytes = withChunks(order);
      break;
    }
    case 'duplicate': {
      const order = layout.chunks.map((_, k) => k);
      order.splice(m.at, 0, m.i);
      bytes = withChunks(order);
      break;
    }
    case 'append':
      bytes = Buffer.concat([original, m.bytes]);
      break;
    case 'random':
      bytes = Buffer.concat([m.magic ? original.subarray(0, 9) : Buffer.alloc(0), m.bytes]);
      break;
  }
  fs.writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  work = tempDir('sv-mutants-');
  // Version 2: a vault with ~260 KB of notes (random text does not compress away).
  const v2 = await newService();
  value(await v2.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  for (let i = 0; i < 24; i++) {
    value(await v2.service.invoke('notes.create', { title: `Note ${i}`, body: Buffer.from(crypto.getRandomValues(new Uint8Array(8000))).toString('base64') }));
  }
  const usb = tempDir('sv-usb-');
  const made = value(await v2.service.invoke('backup.create', { folder: await pick(v2.service, 'backup-folder', usb) }));
  const opened = await openBackup(made.path, STRONG_PASSWORD);
  const { chunkBytes: _c, snapshotBytes: _s, ...header } = opened.header;
  const written = await writeBackupFile({
    snapshotFile: opened.snapshotFile,
    target: { dir: tempDir('sv-usb-'), driveLabel: null, fileSystem: null, createFolder: false },
    header,
    masterKey: opened.masterKey,
    chunkBytes: 64 * 1024,
  });
  const v2bytes = fs.readFileSync(written.partial);
  subjects.set(2, { version: 2, ...v2, original: v2bytes, layout: parseLayout(v2bytes), notes: 24 });
  // Version 1: a file made from its definition, with a service that restored it (so its vault's keys are unlocked).
  const v1 = await newService();
  const fixture = makeBackupV1(work, V1_PASSWORD, TEST_KDF, V1_NOTES).file;
  const v1bytes = fs.readFileSync(fixture);
  value(await v1.service.invoke('backup.restore', { backup: await pick(v1.service, 'backup-file', fixture), password: V1_PASSWORD }));
  subjects.set(1, { version: 1, ...v1, original: v1bytes, layout: parseLayout(v1bytes), notes: 24 });
}, 120_000);

describe.each([2, 1] as const)('mutated backups of format version %i', (version) => {
  let service: VaultService;
  let dataDir: string;
  beforeAll(() => {
    const subject = subjects.get(version)!;
    ({ service, dataDir, original, layout } = subject);
  });

  it('the unmutated backup is that version, verifies and has several chunks (so drops and swaps are meaningful)', async () => {
    expect(original[8]).toBe(version);
    expect(layout.chunks.length).toBeGreaterThanOrEqual(4);
    const file = path.join(work, 'pristine.svbackup');
    fs.writeFileSync(file, original);
    expect(value(await service.invoke('backup.verify', { backup: await pick(service, 'backup-file', file) })).verified).toBe(true);
  });

  it(`rejects ${RUNS} mutated backups with a known code, never crashes, never touches the vault`, async () => {
    const before = vaultFingerprint(dataDir);
    const seen = new Map<string, number>();
    let caseNo = 0;
    await fc.assert(
      fc.asyncProperty(mutationArb(version), async (m) => {
        const file = materialize(m, caseNo++);
        if (fs.statSync(file).isFile() && fs.readFileSync(file).equals(original)) return; // a no-op mutation (e.g. same byte written)
        const chosen = await service.invoke('files.choose', { purpose: 'backup-file', typedPath: file });
        if (m.kind === 'directory' || !startsLikeBackup(file)) {
          // A folder, an empty file or one whose magic was hit is refused when chosen: it never reaches the backup reader.
          expect(chosen).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
          seen.set('refused when chosen', (seen.get('refused when chosen') ?? 0) + 1);
          return;
        }
        const res = await service.invoke('backup.verify', { backup: value(chosen).chosen!.handle });
        expect(res.ok, `accepted a ${m.kind} mutation`).toBe(false);
        if (res.ok) return;
        expect(KNOWN).toContain(res.error.code);
        expect(res.error.message).not.toContain(work); // no path from the file system
        expect(res.error.message).not.toMatch(/Error|\n/); // no stack, no exception text
        seen.set(res.error.code, (seen.get(res.error.code) ?? 0) + 1);
        if (caseNo % 250 === 0) expect(vaultFingerprint(dataDir)).toBe(before);
      }),
      { numRuns: RUNS },
    );
    expect(caseNo).toBeGreaterThanOrEqual(RUNS);
    expect(vaultFingerprint(dataDir)).toBe(before);
    expect(scratchDirs(dataDir)).toEqual([]);
    expect(seen.get('BACKUP_CORRUPT')).toBeGreaterThan(RUNS / 2);
    expect(seen.get('BACKUP_UNSUPPORTED_VERSION')).toBeGreaterThan(0);
    // The vault still works after it all.
    expect(value(await service.invoke('notes.list', {}))).toHaveLength(subjects.get(version)!.notes);
  }, 300_000);
});
