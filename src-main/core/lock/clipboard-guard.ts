import { newClipboardHashKey } from '../crypto/keys';
import { constantTimeEqual, keyedHash } from '../crypto/sodium';
import type { PolicyClock } from './lock-policy';

/** The system clipboard, as the Electron shell provides it (tests pass a fake). */
export interface ClipboardPort {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/**
 * Clears the clipboard some seconds after the clinician copied from a note — but only if it
 * still holds what was copied, so we never wipe something they copied elsewhere since. Only a
 * keyed hash of the copied text is kept in memory, never the text.
 */
export class ClipboardGuard {
  private readonly hashKey = newClipboardHashKey();
  private copied: Uint8Array | null = null;
  private timer: unknown = null;

  constructor(
    private readonly clipboard: ClipboardPort | null,
    private readonly clock: PolicyClock,
    private readonly delaySeconds: () => number,
  ) {}

  private fingerprint(text: string): Uint8Array {
    return keyedHash(this.hashKey, new TextEncoder().encode(text));
  }

  /** The renderer just copied text out of a note: remember it and arm the timer. */
  async noteCopied(): Promise<void> {
    if (!this.clipboard) return;
    const text = await this.clipboard.readText();
    if (!text) return;
    this.copied = this.fingerprint(text);
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => void this.clearIfOurs(), this.delaySeconds() * 1000);
  }

  /** Clears now if the clipboard still holds what we put there (also called at lock). */
  async clearIfOurs(): Promise<void> {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const ours = this.copied;
    this.copied = null;
    if (!ours || !this.clipboard) return;
    try {
      if (constantTimeEqual(this.fingerprint(await this.clipboard.readText()), ours)) await this.clipboard.writeText('');
    } catch {
      // The clipboard is best effort: a failure here must never block a lock.
    }
  }
}
