import { AuditLog } from '../audit/audit-log';
import { ClientsRepo } from '../clients/clients-repo';
import { ConsentRepo } from '../consent/consent-repo';
import { recordsKey as deriveRecordsKey, type MasterKey, type RecordsKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { IncidentRepo } from '../incidents/incident-repo';
import { NotesRepo } from '../notes/notes-repo';
import { RecordStore } from '../records/record-store';
import { SearchIndex } from '../search/search-index';
import { SettingsRepo } from '../settings/settings-repo';
import { loadUnlockCache, saveUnlockCache } from './unlock-cache';
import type { Db } from './vault-db';
import type { VaultHeader } from './vault-header';

/** What exists only while the vault is unlocked. Everything here is dropped at lock. */
export interface UnlockedSession {
  header: VaultHeader;
  masterKey: MasterKey;
  recordsKey: RecordsKey;
  store: RecordStore;
  clients: ClientsRepo;
  notes: NotesRepo;
  consents: ConsentRepo;
  incidents: IncidentRepo;
  /** The clinician's settings, decrypted once per session. */
  settings: SettingsRepo;
  /** In-memory FTS index of decrypted notes; closed at lock. */
  search: SearchIndex;
  /** The list and index came from the unlock cache (unlock-cache.ts), not from a full rebuild. */
  cacheLoaded: boolean;
  /** The hash-chained, encrypted audit trail. */
  audit: AuditLog;
}

export interface SessionOptions {
  dataDir: string;
  now: () => number;
}

/**
 * Opens every feature over the vault's records. Clients load before notes (notes show their
 * names); notes come from the unlock cache where it still matches the records, else are
 * decrypted. The session owns `masterKey` from here on: if opening fails, it is zeroed.
 */
export function openSession(db: Db, header: VaultHeader, masterKey: MasterKey, o: SessionOptions): UnlockedSession {
  const recordsKey = deriveRecordsKey(masterKey);
  let search: SearchIndex | null = null;
  try {
    const store = new RecordStore(db, header.vaultId, recordsKey);
    const cache = loadUnlockCache(o.dataDir, masterKey, header.vaultId);
    const cachedIndex = cache ? SearchIndex.fromSerialized(cache.index) : null;
    cache?.index.fill(0);
    search = cachedIndex ?? new SearchIndex();
    // Renaming a client re-indexes their notes; a client's last contact comes from their notes.
    let notes: NotesRepo | null = null;
    const clients = new ClientsRepo(
      store,
      o.now,
      (clientId) => notes?.reindexClient(clientId),
      () => notes?.lastContacts() ?? new Map(),
    );
    notes = new NotesRepo(store, o.now, search, clients, cachedIndex ? cache : null);
    const audit = new AuditLog(db, header.vaultId, masterKey, o.now);
    audit.foldPending();
    return {
      header,
      masterKey,
      recordsKey,
      store,
      clients,
      notes,
      consents: new ConsentRepo(store, o.now, clients),
      incidents: new IncidentRepo(store, o.now),
      settings: new SettingsRepo(store),
      search,
      audit,
      cacheLoaded: cachedIndex !== null,
    };
  } catch (e) {
    // A vault that fails to load (damaged pages) must not leave its keys behind in memory.
    search?.close();
    memzero(masterKey, recordsKey);
    throw e;
  }
}

/** Zeroes the session's keys and drops everything decrypted; first seals the unlock cache, unless the vault is being replaced. */
export function closeSession(s: UnlockedSession, o: { dataDir: string; keepCache: boolean }): void {
  if (o.keepCache) saveCache(s, o.dataDir);
  s.notes.clear();
  s.clients.clear();
  s.search.close();
  s.audit.close();
  memzero(s.masterKey, s.recordsKey);
}

/** Seals the list and index for the next unlock, unless nothing changed since they were loaded. */
function saveCache(s: UnlockedSession, dataDir: string): void {
  if (s.cacheLoaded && !s.search.changed) return;
  try {
    if (!s.cacheLoaded) s.search.optimize();
    const index = s.search.serialize();
    saveUnlockCache(dataDir, s.masterKey, s.header.vaultId, { notes: s.notes.cacheEntries(), clientNames: s.clients.names(), index });
    index.fill(0);
  } catch {
    // Only a cache: the next unlock rebuilds it. A lock must never fail for it.
  }
}
