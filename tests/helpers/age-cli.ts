import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './disk';

/**
 * The standard age tool (Debian package `age`; .ci/run installs it), as the receiving clinician
 * would run it. A missing tool fails the test with what to install, never skips it.
 */
export function ageCliVersion(): string {
  try {
    return execFileSync('age', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('The `age` command is missing: install it (Debian/Ubuntu: apt-get install age; macOS: brew install age).');
  }
}

/** age-keygen: the identity file and its public key ("age1…"). */
export function ageKeygen(): { identityFile: string; publicKey: string } {
  const identityFile = path.join(tempDir('sv-age-key-'), 'key.txt');
  execFileSync('age-keygen', ['-o', identityFile], { stdio: 'pipe' });
  const publicKey = /# public key: (age1[0-9a-z]+)/.exec(fs.readFileSync(identityFile, 'utf8'))![1]!;
  return { identityFile, publicKey };
}

/** `age --decrypt -i identity -o out file`: the plaintext, or the tool's error. */
export function ageDecryptWithIdentity(file: string, identityFile: string): Buffer {
  const out = path.join(tempDir('sv-age-out-'), 'plain');
  const r = spawnSync('age', ['--decrypt', '-i', identityFile, '-o', out, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`age --decrypt failed: ${r.stderr}`);
  return fs.readFileSync(out);
}

/**
 * `age --decrypt` with the passphrase typed at its prompt: age reads passphrases only from a
 * terminal, so tests/helpers/age-decrypt-pty.py gives it a pseudo-terminal (Python's pty module).
 */
export function ageDecryptWithPassphrase(file: string, passphrase: string): { ok: true; plain: Buffer } | { ok: false; error: string } {
  const dir = tempDir('sv-age-pass-');
  const secret = path.join(dir, 'passphrase');
  fs.writeFileSync(secret, passphrase, { mode: 0o600 });
  const out = path.join(dir, 'plain');
  const helper = path.join(import.meta.dirname, 'age-decrypt-pty.py');
  const r = spawnSync('python3', [helper, secret, file, out], { encoding: 'utf8', timeout: 60_000 });
  fs.rmSync(secret);
  return r.status === 0 ? { ok: true, plain: fs.readFileSync(out) } : { ok: false, error: r.stderr };
}
