import { createDecipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../src-main/core/audit/audit-log';
import { BACKUP_LOG_FILE, readBackupLog } from '../../../../src-main/core/backup/backup-log';
import { decryptBackup, readBackupHeader } from '../../../../src-main/core/backup/backup-reader';
import { masterKeyFromBackup } from '../../../../src-main/core/backup/backup-keys';
import { fileSink } from '../../../../src-main/core/backup/plain-sinks';
import type { Kek, MasterKey } from '../../../../src-main/core/crypto/keys';
import { deriveKekFromPassword, fromHex, initCrypto, keyedHash, open, toHex } from '../../../../src-main/core/crypto/sodium';
import { noteRecord } from '../../../../src-main/core/notes/note-record';
import { RecordStore } from '../../../../src-main/core/records/record-store';
import { recordsKey } from '../../../../src-main/core/crypto/keys';
import { unlockWithPassword, unlockWithRecoveryKey } from '../../../../src-main/core/vault/key-hierarchy';
import { decodeRecoveryKey } from '../../../../src-main/core/vault/recovery-key';
import { loadUnlockCache, UNLOCK_CACHE_FILE } from '../../../../src-main/core/vault/unlock-cache';
import { MIGRATIONS } from '../../../../src-main/core/vault/migrations';
import { migrate } from '../../../../src-main/core/vault/vault-db';
import { vaultHeaderSchema } from '../../../../src-main/core/vault/vault-header';
import {
  produceAudit,
  produceBackup,
  produceBackupLog,
  produceBackupV2,
  produceRecord,
  produceUnlockCache,
  produceVaultHeader,
  type AuditInputs,
  type AuditOutputs,
  type BackupInputs,
  type BackupLogInputs,
  type BackupLogOutputs,
  type BackupOutputs,
  type BackupV2Inputs,
  type BackupV2Outputs,
  type RecordInputs,
  type RecordOutputs,
  type UnlockCacheInputs,
  type UnlockCacheOutputs,
  type VaultHeaderInputs,
  type VaultHeaderOutputs,
} from '../../../fixtures/vectors/produce';
import { leafPaths, readVector, VECTORS_DIR } from '../../../fixtures/vectors/vector-files';

/**
 * The committed test vectors (docs/vectors/*.json), checked both ways: the code makes exactly the
 * committed bytes from each vector's inputs, and the committed bytes open — through the code's
 * own readers, and through the construction the vector states, primitive by primitive (what
 * another implementation would do). A format change that alters any byte fails here.
 */

beforeAll(initCrypto);

const enc = new TextEncoder();
const dec = new TextDecoder();
const utf8 = (s: string) => enc.encode(s);
const cat = (...hex: string[]) => hex.join('');
const mkOf = (hex: string) => fromHex(hex) as MasterKey;

const scratch: string[] = [];
function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-vectors-test-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  return db;
}

const vaultHeader = readVector<VaultHeaderInputs, VaultHeaderOutputs>('vault-header');
const keyFile = readVector<VaultHeaderInputs, VaultHeaderOutputs>('key-file');
const record = readVector<RecordInputs, RecordOutputs>('record');
const backup = readVector<BackupInputs, BackupOutputs>('backup');
const backupV2 = readVector<BackupV2Inputs, BackupV2Outputs>('backup-v2');
const audit = readVector<AuditInputs, AuditOutputs>('audit');
const cache = readVector<UnlockCacheInputs, UnlockCacheOutputs>('unlock-cache');
const backupLog = readVector<BackupLogInputs, BackupLogOutputs>('backup-log');

describe('the vector files', () => {
  it('are all checked here, and say what every field is', () => {
    const files = fs.readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['audit.json', 'backup-log.json', 'backup-v2.json', 'backup.json', 'key-file.json', 'record.json', 'unlock-cache.json', 'vault-header.json']);
    for (const v of [vaultHeader, keyFile, record, backup, backupV2, backupLog, audit, cache]) {
      const paths = new Set([...leafPaths(v.inputs, 'inputs'), ...leafPaths(v.outputs, 'outputs')]);
      expect([...paths].filter((p) => !v.fields[p]), `${v.vector}: fields without a description`).toEqual([]);
      expect(Object.keys(v.fields).filter((p) => !paths.has(p)), `${v.vector}: descriptions of no field`).toEqual([]);
      expect(v.about.length).toBeGreaterThan(40);
    }
  });

  it('use small KDF settings, as they say, so checking them stays fast', () => {
    for (const v of [vaultHeader, keyFile]) expect(v.inputs.kdf).toMatchObject({ opsLimit: 2, memLimitBytes: 65536 });
  });
});

describe.each([
  ['vault-header', vaultHeader],
  ['key-file', keyFile],
])('%s.json: password and recovery wraps', (_name, v) => {
  const i = v.inputs;
  const o = v.outputs;
  // Buffer, not fromHex: describe bodies run before initCrypto.
  const keyFileBytes = i.keyFile === null ? null : new Uint8Array(Buffer.from(i.keyFile, 'hex'));

  it('our code makes exactly the committed bytes from the inputs', async () => {
    expect(await produceVaultHeader(i)).toEqual(o);
  });

  it('the committed header opens with the password (and key file) and with the printed Recovery Key', async () => {
    const header = vaultHeaderSchema.parse(JSON.parse(o.headerJson));
    expect(header.wrappedByPassword).toEqual({ nonce: i.passwordWrapNonce, ciphertext: o.passwordWrapCiphertext });
    expect(header.wrappedByRecovery).toEqual({ nonce: i.recoveryWrapNonce, ciphertext: o.recoveryWrapCiphertext });
    expect(toHex((await unlockWithPassword(header, i.password, keyFileBytes))!)).toBe(i.masterKey);
    const decoded = decodeRecoveryKey(o.recoveryKeyText);
    if (!decoded.ok) throw new Error('The printed Recovery Key does not decode.');
    expect(toHex(decoded.key)).toBe(i.recoveryKey);
    expect(toHex(unlockWithRecoveryKey(header, decoded.key)!)).toBe(i.masterKey);
  });

  it('the password is used as typed: trimmed or Unicode-normalized, it does not open', async () => {
    const header = vaultHeaderSchema.parse(JSON.parse(o.headerJson));
    expect(dec.decode(fromHex(o.passwordUtf8))).toBe(i.password);
    for (const changed of [i.password.trim(), i.password.normalize('NFC'), i.password.normalize('NFD')]) {
      expect(changed).not.toBe(i.password);
      expect(await unlockWithPassword(header, changed, keyFileBytes)).toBeNull();
    }
  });

  it('the stated construction gives the stated bytes, primitive by primitive', () => {
    // libsodium's Argon2id (the engine where the native one cannot load) gives the same bytes as the native engine that made them.
    const params = { opsLimit: i.kdf.opsLimit, memLimitBytes: i.kdf.memLimitBytes };
    expect(toHex(deriveKekFromPassword(dec.decode(fromHex(o.passwordUtf8)), fromHex(i.kdf.salt), params))).toBe(o.argon2idOutput);
    if (keyFileBytes) {
      expect(toHex(keyedHash(null, keyFileBytes, 64))).toBe(o.keyFileHash);
      expect(toHex(keyedHash(fromHex(o.argon2idOutput) as Kek, fromHex(o.keyFileHash!), 32))).toBe(o.passwordKek);
    } else {
      expect(o.passwordKek).toBe(o.argon2idOutput);
    }
    const { kdf } = i;
    expect(o.passwordAd).toBe(
      `sessionvault/wrap/v${i.format}|${i.vaultId}|password|${kdf.alg}|${kdf.opsLimit}|${kdf.memLimitBytes}|${kdf.salt}|${keyFileBytes ? 1 : 0}`,
    );
    expect(o.recoveryAd).toBe(`sessionvault/wrap/v${i.format}|${i.vaultId}|recovery`);
    const pwOpened = open(fromHex(o.passwordKek) as Kek, fromHex(i.passwordWrapNonce), fromHex(o.passwordWrapCiphertext), utf8(o.passwordAd));
    expect(toHex(pwOpened!)).toBe(i.masterKey);
    const rkOpened = open(fromHex(o.recoveryKek) as Kek, fromHex(i.recoveryWrapNonce), fromHex(o.recoveryWrapCiphertext), utf8(o.recoveryAd));
    expect(toHex(rkOpened!)).toBe(i.masterKey);
    expect(toHex(keyedHash(null, fromHex(i.recoveryKey), 16).subarray(0, 3))).toBe(o.recoveryChecksum);
    expect(o.recoveryKeyText).toMatch(/^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$/);
  });
});

describe('record.json: one note revision', () => {
  const i = record.inputs;
  const o = record.outputs;

  it('our code makes exactly the committed bytes from the inputs', async () => {
    expect(await produceRecord(i)).toEqual(o);
  });

  it('the committed row opens through the record store to the stated payload', () => {
    const db = freshDb();
    db.prepare('INSERT INTO records (id, rev, kind, nonce, ciphertext) VALUES (?, ?, ?, ?, ?)').run(i.recordId, i.rev, i.kind, fromHex(i.nonce), fromHex(o.ciphertext));
    db.prepare('INSERT INTO heads (id, kind, rev) VALUES (?, ?, ?)').run(i.recordId, i.kind, i.rev);
    const store = new RecordStore(db, i.vaultId, recordsKey(mkOf(i.masterKey)));
    expect(store.get(i.recordId, noteRecord).payload).toEqual(JSON.parse(i.plaintext));
    db.close();
  });

  it('the stated key, nonce and AD open the ciphertext to the stated plaintext bytes', () => {
    expect(o.ad).toBe(`${i.vaultId}|${i.recordId}|${i.kind}|${i.rev}`);
    const plain = open(fromHex(o.recordsKey) as Kek, fromHex(i.nonce), fromHex(o.ciphertext), utf8(o.ad));
    expect(dec.decode(plain!)).toBe(i.plaintext);
  });

  it('the stated key, summary nonce and AD open the summary to the list entry the record store reads from it', () => {
    expect(o.summaryAd).toBe(`${o.ad}|summary`);
    const plain = open(fromHex(o.recordsKey) as Kek, fromHex(i.summaryNonce), fromHex(o.summarySealed), utf8(o.summaryAd));
    expect(dec.decode(plain!)).toBe(o.summaryPlaintext);
    const db = freshDb();
    db.prepare('INSERT INTO heads (id, kind, rev) VALUES (?, ?, ?)').run(i.recordId, i.kind, i.rev);
    db.prepare('INSERT INTO summaries (id, rev, nonce, sealed) VALUES (?, ?, ?, ?)').run(i.recordId, i.rev, fromHex(i.summaryNonce), fromHex(o.summarySealed));
    const listed: unknown[] = [];
    new RecordStore(db, i.vaultId, recordsKey(mkOf(i.masterKey))).summaries(noteRecord, (id, rev, entry) => listed.push([id, rev, entry]));
    expect(listed).toEqual([[i.recordId, i.rev, JSON.parse(o.summaryPlaintext)]]);
    db.close();
  });
});

describe('backup.json (format 1, read only): prefix, first chunk, last chunk', () => {
  const i = backup.inputs;
  const o = backup.outputs;

  it("version 1's definition, through libsodium, makes exactly the committed file from the inputs", () => {
    expect(produceBackup(i)).toEqual(o);
  });

  it('the committed file opens with the password through the backup reader to the stated plaintext', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'vector.svbackup');
    fs.writeFileSync(file, fromHex(o.file));
    const parsed = readBackupHeader(file);
    const mk = await masterKeyFromBackup(parsed.header, { password: i.password, keyFileBytes: null });
    expect(toHex(mk)).toBe(i.masterKey);
    const out = path.join(dir, 'snapshot');
    expect(parsed.version).toBe(1);
    await decryptBackup(file, parsed, mk, () => fileSink(out, { durable: false }));
    expect(toHex(fs.readFileSync(out))).toBe(i.snapshot);
  });

  it('the stated layout is the file, byte for byte', () => {
    const json = utf8(o.headerJson);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, json.length, false);
    expect(o.prefix).toBe(cat(toHex(utf8('SVBACKUP')), '01', toHex(length), toHex(json)));
    expect(o.file).toBe(cat(o.prefix, i.streamHeader, ...o.chunks.flatMap((c) => [c.lengthField, c.sealed])));
    expect(o.chunks.map((c) => [c.tag, c.ad])).toEqual([
      ['message', 'prefix'],
      ['final', 'none'],
    ]);
    const snapshotBytes = fromHex(i.snapshot).length;
    expect(o.chunks.map((c) => fromHex(c.sealed).length)).toEqual([i.chunkBytes + 17, snapshotBytes - i.chunkBytes + 17]);
    expect(JSON.parse(o.headerJson)).toMatchObject({ chunkBytes: i.chunkBytes, snapshotBytes, vault: JSON.parse(i.vaultHeaderJson) });
  });
});

describe('backup-v2.json (format 2, what the app writes): prefix, salt, two AES-256-GCM chunks', () => {
  const i = backupV2.inputs;
  const o = backupV2.outputs;

  it('our code makes exactly the committed file from the inputs', async () => {
    expect(await produceBackupV2(i)).toEqual(o);
  });

  it('the committed file opens with the password through the backup reader to the stated plaintext', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'vector.svbackup');
    fs.writeFileSync(file, fromHex(o.file));
    const parsed = readBackupHeader(file);
    expect(parsed.version).toBe(2);
    const mk = await masterKeyFromBackup(parsed.header, { password: i.password, keyFileBytes: null });
    expect(toHex(mk)).toBe(i.masterKey);
    const out = path.join(dir, 'snapshot');
    await decryptBackup(file, parsed, mk, () => fileSink(out, { durable: false }));
    expect(toHex(fs.readFileSync(out))).toBe(i.snapshot);
  });

  it('the stated construction is the file, byte for byte, and opens every chunk with plain AES-256-GCM', () => {
    expect(o.backupBulkKey).toBe(toHex(sodium.crypto_kdf_derive_from_key(32, 6, 'SVbkpgcm', fromHex(i.masterKey))));
    expect(toHex(keyedHash(fromHex(o.backupBulkKey) as Kek, fromHex(i.salt), 32))).toBe(o.streamKey);
    const json = utf8(o.headerJson);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, json.length, false);
    expect(o.prefix).toBe(cat(toHex(utf8('SVBACKUP')), '02', toHex(length), toHex(json)));
    expect(o.file).toBe(cat(o.prefix, i.salt, ...o.chunks.flatMap((c) => [c.lengthField, c.sealed])));
    expect(o.chunks.map((c) => c.nonce)).toEqual(['000000000000000000000000', '010000000000000000000001']);
    const plain = o.chunks.map((c) => {
      const sealed = Buffer.from(fromHex(c.sealed));
      expect(Buffer.from(fromHex(c.lengthField)).readUInt32BE(0)).toBe(sealed.length);
      const decipher = createDecipheriv('aes-256-gcm', fromHex(o.streamKey), fromHex(c.nonce), { authTagLength: 16 });
      decipher.setAAD(fromHex(o.prefix));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    });
    expect(Buffer.concat(plain).toString('hex')).toBe(i.snapshot);
    const snapshotBytes = fromHex(i.snapshot).length;
    expect(plain.map((p) => p.length)).toEqual([i.chunkBytes, snapshotBytes - i.chunkBytes]);
    expect(JSON.parse(o.headerJson)).toMatchObject({ chunkBytes: i.chunkBytes, snapshotBytes, vault: JSON.parse(i.vaultHeaderJson) });
  });
});

describe('audit.json: two chained entries and the head', () => {
  const i = audit.inputs;
  const o = audit.outputs;

  it('our code makes exactly the committed rows and head from the inputs', async () => {
    expect(await produceAudit(i)).toEqual(o);
  });

  it('the committed rows and head verify and list through the audit log', () => {
    const db = freshDb();
    for (const [n, row] of o.rows.entries()) {
      db.prepare('INSERT INTO audit (seq, nonce, ciphertext, mac) VALUES (?, ?, ?, ?)').run(row.seq, fromHex(i.events[n]!.nonce), fromHex(row.ciphertext), fromHex(row.mac));
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?)").run(o.headJson);
    const log = new AuditLog(db, i.vaultId, mkOf(i.masterKey), () => 0);
    expect(log.verify()).toEqual({ ok: true, entries: 2 });
    expect(log.list()).toEqual(o.rows.map((r) => JSON.parse(r.entryJson) as unknown).reverse());
    log.close();
    db.close();
  });

  it('the stated construction gives the stated MACs, tag and plaintexts', () => {
    const chainKey = fromHex(o.chainKey) as Kek;
    expect(dec.decode(fromHex(o.genesisInput))).toBe(`sessionvault/audit/v1|genesis|${i.vaultId}`);
    expect(toHex(keyedHash(chainKey, fromHex(o.genesisInput)))).toBe(o.genesis);
    let prev = o.genesis;
    for (const [n, row] of o.rows.entries()) {
      const nonce = i.events[n]!.nonce;
      expect(row.linkInput).toBe(cat(toHex(utf8(`sessionvault/audit/v1|link|${i.vaultId}|${row.seq}|24|`)), prev, nonce, row.ciphertext));
      expect(toHex(keyedHash(chainKey, fromHex(row.linkInput)))).toBe(row.mac);
      expect(row.ad).toBe(`sessionvault/audit/v1|entry|${i.vaultId}|${row.seq}`);
      expect(dec.decode(open(fromHex(o.sealKey) as Kek, fromHex(nonce), fromHex(row.ciphertext), utf8(row.ad))!)).toBe(row.entryJson);
      prev = row.mac;
    }
    const head = JSON.parse(o.headJson) as { seq: number; mac: string; tag: string };
    expect(head.seq).toBe(2);
    expect(head.mac).toBe(prev);
    expect(o.headTagInput).toBe(cat(toHex(utf8(`sessionvault/audit/v1|head|${i.vaultId}|2|`)), prev));
    expect(toHex(keyedHash(chainKey, fromHex(o.headTagInput)))).toBe(head.tag);
  });
});

describe('unlock-cache.json: manifest and index chunks', () => {
  const i = cache.inputs;
  const o = cache.outputs;

  it('our code makes exactly the committed file from the inputs', async () => {
    expect(await produceUnlockCache(i)).toEqual(o);
  });

  it('the committed file loads through the unlock cache', () => {
    const dir = scratchDir();
    fs.writeFileSync(path.join(dir, UNLOCK_CACHE_FILE), fromHex(o.file));
    const loaded = loadUnlockCache(dir, mkOf(i.masterKey), i.vaultId);
    expect(loaded).not.toBeNull();
    const record = JSON.parse(i.note.plaintext) as { title: string };
    expect(loaded!.metas.map((m) => [m.id, m.rev, m.title])).toEqual([[i.note.id, i.note.rev, record.title]]);
    expect(loaded!.nonces).toBe(i.note.nonce);
    expect(loaded!.fingerprint).toBe(createHash('sha256').update(`${i.note.id} ${i.note.rev} ${i.note.nonce}`).digest('hex'));
    expect([...loaded!.clientNames]).toEqual(i.clientNames);
    expect(toHex(loaded!.index.finish()!)).toBe(i.index);
    expect(loaded!.audit).toEqual(i.audit);
  });

  it('the stated construction opens every chunk with plain AES-256-GCM', () => {
    expect(toHex(keyedHash(fromHex(o.searchCacheKey) as Kek, fromHex(i.salt), 32))).toBe(o.streamKey);
    expect(o.ad).toBe(`sessionvault/unlock-cache/v7|${i.vaultId}`);
    expect(o.file).toBe(cat(toHex(utf8('SVUCACHE')), '07', i.salt, ...o.chunks.flatMap((c) => [c.head, c.sealed])));
    const plain = o.chunks.map((c, n) => {
      const sealed = Buffer.from(fromHex(c.sealed));
      const head = Buffer.from(fromHex(c.head));
      expect(head.readUInt32LE(1)).toBe(sealed.length);
      expect(c.nonce).toBe(cat(Buffer.from(new BigUint64Array([BigInt(n)]).buffer).toString('hex'), '000000', head[0] === 1 ? '01' : '00'));
      const decipher = createDecipheriv('aes-256-gcm', fromHex(o.streamKey), fromHex(c.nonce), { authTagLength: 16 });
      decipher.setAAD(utf8(o.ad));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    });
    expect(o.chunks.map((c) => c.head.slice(0, 2))).toEqual(['00', '01']);
    expect(plain[0]!.toString('utf8')).toBe(o.manifestJson);
    expect(plain[1]!.toString('hex')).toBe(i.index);
  });
});

describe('backup-log.json: the sealed log beside the vault', () => {
  const i = backupLog.inputs;
  const o = backupLog.outputs;

  it('our code makes exactly the committed file from the inputs', async () => {
    expect(await produceBackupLog(i)).toEqual(o);
  });

  it('the committed file reads back through the backup log', () => {
    const dir = scratchDir();
    fs.writeFileSync(path.join(dir, BACKUP_LOG_FILE), fromHex(o.file));
    expect(readBackupLog(dir, mkOf(i.masterKey), i.vaultId)).toEqual(i.log);
  });

  it('the stated construction opens it, and its fingerprint is the one the reader computes for backup.json', () => {
    expect(o.ad).toBe(`sessionvault/backup-log/v2|${i.vaultId}`);
    const bytes = fromHex(o.file);
    expect(toHex(bytes.subarray(0, 24))).toBe(i.nonce);
    expect(dec.decode(open(fromHex(o.backupLogKey) as Kek, bytes.subarray(0, 24), bytes.subarray(24), utf8(o.ad))!)).toBe(o.plaintext);
    const dir = scratchDir();
    const file = path.join(dir, 'vector.svbackup');
    fs.writeFileSync(file, fromHex(backup.outputs.file));
    expect(i.log.backups[0]!.fingerprint).toBe(readBackupHeader(file).fingerprint);
    expect(i.log.backups[0]!.bytes).toBe(fs.statSync(file).size);
  });
});
