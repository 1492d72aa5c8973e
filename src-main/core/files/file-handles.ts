import path from 'node:path';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { randomBytes, toHex } from '../crypto/sodium';
import { VaultError } from '../errors';

export type { FilePurpose };

interface Chosen {
  purpose: FilePurpose;
  path: string;
}

/** How many choices are remembered; the oldest is forgotten first (a forgotten one is chosen again). */
const DEFAULT_LIMIT = 1000;

const NOT_CHOSEN = 'That file or folder was not chosen for this. Choose it again.';

/**
 * What the user chose, kept in main: the renderer holds only a random handle (128 bits) that
 * names one path for one purpose. A compromised renderer can neither forge a handle nor use a
 * key-file handle as a backup folder, so it can name no file the user did not pick for that use.
 */
export class FileHandles {
  private readonly byHandle = new Map<string, Chosen>();
  private readonly byChoice = new Map<string, string>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** A handle for `file` and `purpose`; the same choice gets the same handle, so polling adds nothing. */
  issue(purpose: FilePurpose, file: string): string {
    const chosen: Chosen = { purpose, path: path.resolve(file) };
    const key = `${purpose}\0${chosen.path}`;
    const existing = this.byChoice.get(key);
    if (existing) {
      this.touch(existing);
      return existing;
    }
    const handle = `fh_${toHex(randomBytes(16))}`;
    this.byHandle.set(handle, chosen);
    this.byChoice.set(key, handle);
    this.evictOldest();
    return handle;
  }

  /** The path behind `handle`, only when it was chosen for `purpose`; INVALID_INPUT otherwise. */
  resolve(handle: string, purpose: FilePurpose): string {
    const chosen = this.byHandle.get(handle);
    // One answer for unknown and wrong-purpose handles: a guess learns nothing.
    if (!chosen || chosen.purpose !== purpose) throw new VaultError('INVALID_INPUT', NOT_CHOSEN);
    this.touch(handle);
    return chosen.path;
  }

  /** Like `resolve` for an optional field. */
  resolveOptional(handle: string | undefined, purpose: FilePurpose): string | undefined {
    return handle === undefined ? undefined : this.resolve(handle, purpose);
  }

  /** Moves a handle to the newest end (Map keeps insertion order). */
  private touch(handle: string): void {
    const chosen = this.byHandle.get(handle);
    if (!chosen) return;
    this.byHandle.delete(handle);
    this.byHandle.set(handle, chosen);
  }

  private evictOldest(): void {
    while (this.byHandle.size > this.limit) {
      const [oldest, chosen] = this.byHandle.entries().next().value as [string, Chosen];
      this.byHandle.delete(oldest);
      this.byChoice.delete(`${chosen.purpose}\0${chosen.path}`);
    }
  }
}
