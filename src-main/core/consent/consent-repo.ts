import { z } from 'zod';
import { consentType, type Consent, type ConsentType } from '../../../src-shared/contract/consent';
import { VaultError } from '../errors';
import type { RecordStore } from '../records/record-store';

/** The encrypted payload of a consent record. New fields must be optional (old records lack them). */
const storedConsent = z.object({
  clientId: z.string(),
  type: consentType,
  releaseTo: z.string().optional(),
  givenOn: z.string(),
  form: z.string(),
  revokedOn: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
type ConsentState = z.infer<typeof storedConsent>;

export interface ConsentInput {
  clientId: string;
  type: ConsentType;
  releaseTo?: string;
  givenOn: string;
  form: string;
}

/**
 * Consent records over the record store (kind 'consent'). A handful per client, so they are
 * decrypted on demand. Nothing is ever deleted: a revocation is a new revision.
 */
export class ConsentRepo {
  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
  ) {}

  /** Every consent of a client, newest given first. */
  list(clientId: string): Consent[] {
    return this.all()
      .filter((c) => c.clientId === clientId)
      .sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : b.createdAt - a.createdAt));
  }

  /** True when a treatment consent is on file and not revoked. */
  treatmentOnFile(clientId: string): boolean {
    return this.list(clientId).some((c) => c.type === 'treatment' && c.revokedOn === undefined);
  }

  add(input: ConsentInput): Consent {
    const t = this.now();
    const state: ConsentState = {
      clientId: input.clientId,
      type: input.type,
      // A named recipient only means something for a release of information.
      ...(input.type === 'release-of-information' && input.releaseTo ? { releaseTo: input.releaseTo.trim() } : {}),
      givenOn: input.givenOn,
      form: input.form.trim(),
      createdAt: t,
      updatedAt: t,
    };
    const { id, rev } = this.store.insert('consent', state);
    return { id, rev, ...state };
  }

  revoke(id: string, revokedOn: string): Consent {
    const current = this.get(id);
    if (current.revokedOn !== undefined) throw new VaultError('INVALID_INPUT', 'This consent was already revoked.');
    if (revokedOn < current.givenOn) throw new VaultError('INVALID_INPUT', 'A consent cannot be revoked before the date it was given.');
    const { id: _id, rev, ...state } = current;
    const next: ConsentState = { ...state, revokedOn, updatedAt: this.now() };
    const newRev = this.store.update(id, 'consent', rev, next);
    return { id, rev: newRev, ...next };
  }

  /** Every revision, oldest first: what was on file, and when it changed. */
  history(id: string): Consent[] {
    return this.store.revisions(id, 'consent').map((rev) => toConsent(id, rev, this.store.getRevision<unknown>(id, 'consent', rev).payload));
  }

  get(id: string): Consent {
    const r = this.store.get<unknown>(id, 'consent');
    return toConsent(id, r.rev, r.payload);
  }

  private all(): Consent[] {
    const { records } = this.store.loadAll<unknown>('consent');
    const out: Consent[] = [];
    for (const r of records) {
      const p = storedConsent.safeParse(r.payload);
      if (p.success) out.push({ id: r.id, rev: r.rev, ...p.data });
    }
    return out;
  }
}

function toConsent(id: string, rev: number, payload: unknown): Consent {
  const p = storedConsent.safeParse(payload);
  if (!p.success) throw new VaultError('VAULT_CORRUPT', 'A consent record could not be read. Restore it from a backup.');
  return { id, rev, ...p.data };
}
