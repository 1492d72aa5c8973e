import { AuditLog, type AuditAnchor } from '../audit/audit-log';
import { readBackupLog, updateBackupLog } from '../backup/backup-log';
import { ClientsRepo } from '../clients/clients-repo';
import { ConsentRepo } from '../consent/consent-repo';
import { recordsKey as deriveRecordsKey, type MasterKey, type RecordsKey } from '../crypto/keys';
import { memzero, scrubWasmStack } from '../crypto/sodium';
import { IncidentRepo } from '../incidents/incident-repo';
import { MeasureRepo, noteLinksFrom } from '../measures/measure-repo';
import { NotesRepo } from '../notes/notes-repo';
import { goalNotesFrom } from '../plan/goal-notes';
import { PlanRepo } from '../plan/plan-repo';
import { ProfileRepo } from '../profile/profile-repo';
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
  /** PHQ-9, GAD-7 and custom measures given to clients. */
  measures: MeasureRepo;
  /** Treatment plans, one per client. */
  plans: PlanRepo;
  /** The clinician's profile: who signs. */
  profile: ProfileRepo;
  /** The clinician's settings, decrypted once per session. */
  settings: SettingsRepo;
  /** In-memory FTS index of decrypted notes; closed at lock. */
  search: SearchIndex;
  /** The list and index came from the unlock cache (unlock-cache.ts), not from a full rebuild. */
  cacheLoaded: boolean;
  /** The hash-chained, encrypted audit trail. */
  audit: AuditLog;
  /** Opened with custodian shares: read-only, every action audited as the custodian's (service.ts gates the channels). */
  custodian: boolean;
  /** Events already recorded this session that are recorded once per session (e.g. a note opened). */
  auditedOnce: Set<string>;
}

export interface SessionOptions {
  dataDir: string;
  now: () => number;
  /** A restore is an authenticated step back to the backup's trail: anchors from before it no longer apply. */
  afterRestore?: boolean;
  /** Opened with custodian shares: every entry from here on is the custodian's. */
  custodian?: boolean;
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
    // The kept index is opened after the unlock returns: the list does not wait for it.
    search = new SearchIndex(cache?.index);
    // Renaming a client re-indexes their notes; a client's last contact comes from their notes.
    let notes: NotesRepo | null = null;
    const clients = new ClientsRepo(
      store,
      o.now,
      (clientId) => notes?.reindexClient(clientId),
      () => notes?.lastContacts() ?? new Map(),
    );
    notes = new NotesRepo(store, o.now, search, clients, cache);
    const cacheAnchor = cache?.audit?.anchor ?? null;
    const audit = new AuditLog(db, header.vaultId, masterKey, o.now, {
      outsideAnchors: () => outsideAnchors(o.dataDir, masterKey, header.vaultId, cacheAnchor),
      ignoreOutsideAnchors: o.afterRestore,
    });
    const signedByTrail = audit.open(cache?.audit ?? null);
    audit.foldPending();
    // A note the sealed trail saw signed but that reads unsigned now had its signed revisions removed.
    notes.markRolledBack(signedByTrail);
    // After the fold: what happened while locked was not the custodian's doing.
    if (o.custodian) audit.actor = 'custodian';
    if (cache) search.loadInBackground();
    return {
      header,
      masterKey,
      recordsKey,
      store,
      clients,
      notes,
      consents: new ConsentRepo(store, o.now, clients),
      incidents: new IncidentRepo(store, o.now),
      measures: new MeasureRepo(store, o.now, clients, noteLinksFrom(notes)),
      plans: new PlanRepo(store, o.now, clients, goalNotesFrom(notes)),
      profile: new ProfileRepo(store),
      settings: new SettingsRepo(store),
      search,
      audit,
      cacheLoaded: cache !== null,
      custodian: o.custodian ?? false,
      auditedOnce: new Set(),
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
  if (o.keepCache) {
    s.notes.writeSummaries();
    saveCache(s, o.dataDir);
    keepAuditAnchor(s, o.dataDir);
  }
  s.notes.clear();
  s.clients.clear();
  s.search.close();
  s.audit.close();
  memzero(s.masterKey, s.recordsKey);
  // libsodium's heap copies are wiped as they are freed (crypto/sodium.ts); its stack is scrubbed here.
  scrubWasmStack();
}

/** Anchors of the audit trail kept outside vault.db: the backup log's, and the unlock cache's as loaded. */
function outsideAnchors(dataDir: string, masterKey: MasterKey, vaultId: string, cacheAnchor: AuditAnchor | null): AuditAnchor[] {
  const logged = readBackupLog(dataDir, masterKey, vaultId).auditAnchor;
  return [logged, cacheAnchor].filter((a): a is AuditAnchor => a !== null);
}

/** Writes where the trail stands into the sealed backup log. Never throws: it is a second line of evidence. */
export function keepAuditAnchor(s: UnlockedSession, dataDir: string): void {
  try {
    const anchor = s.audit.anchorToKeep();
    if (anchor) updateBackupLog(dataDir, s.masterKey, s.header.vaultId, (log) => ({ ...log, auditAnchor: anchor }));
  } catch {
    // The trail itself is intact; only the outside evidence of its end is older.
  }
}

/** Seals the list and index for the next unlock, unless nothing changed since they were loaded. */
function saveCache(s: UnlockedSession, dataDir: string): void {
  if (s.cacheLoaded && !s.search.changed && !s.notes.cacheOutdated) return;
  try {
    if (!s.cacheLoaded) s.search.optimize();
    const index = s.search.serialize();
    saveUnlockCache(dataDir, s.masterKey, s.header.vaultId, {
      notes: s.notes.cacheEntries(),
      clientNames: s.clients.names(),
      index,
      audit: s.audit.summary(),
    });
    index.fill(0);
  } catch {
    // Only a cache: the next unlock rebuilds it. A lock must never fail for it.
  }
}
