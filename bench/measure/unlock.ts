import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KdfParams } from '../../src-main/core/crypto/sodium';
import type { MeasureResult } from '../report';
import { runBundledChild } from './bundled-child';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'unlock-child.ts');

/**
 * Unlock-to-ready without the KDF: lock (which seals the unlock cache when anything changed),
 * then time one Argon2id run at the vault's own parameters with the vault's KDF engine, then
 * time `vault.unlock` through invoke. Ready = unlock − KDF: read the header, unwrap the master
 * key, open the unlock cache (the last session's list and search index, sealed), check every
 * current note against it by nonce, decrypt only what changed, load the clients; the index is
 * opened after that in the background, so a search made at once is timed too. The vault was
 * made with fast KDF parameters, so the KDF is a few milliseconds of the total. Median of 5, after 2 untimed lock-unlock cycles (the first unlock of the process, colder, is reported beside it).
 * Then the unlock without a cache (the first after a restore or a cache-format change: every note
 * listed from its sealed summary; the notes are read and indexed in the background after it, so a
 * search made at once is timed too), median of 3, and, reported beside it, a lock that seals the cache.
 * Baseline: building a bare FTS5 index of the same plaintext.
 */
export function measureUnlock(dataDir: string, vaultKdf: KdfParams, plainBuildMs: number, scale: number): Promise<MeasureResult> {
  // In a fresh process, as the app's main process is (bundled-child.ts); the vault must be locked and closed here.
  return runBundledChild(CHILD, [dataDir, JSON.stringify(vaultKdf), String(plainBuildMs), String(scale)]).then((out) => JSON.parse(out) as MeasureResult);
}

