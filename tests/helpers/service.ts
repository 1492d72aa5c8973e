import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FilePurpose } from '../../src-shared/contract/files';
import { typedPathChooser } from '../../src-main/dev/typed-path-chooser';
import { createVaultService, type VaultService, type VaultServiceOptions } from '../../src-main/service';

/** Fast, weak KDF parameters: tests exercise the logic; calibration has its own test. */
export const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
export const STRONG_PASSWORD = 'correct horse battery staple 42';

const madeDirs = new Set<string>();
// Test vaults are throwaway: remove them when the test process ends, so runs do not fill /tmp.
process.once('exit', () => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'sv-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

/**
 * A service in a fresh data folder. Files are chosen as in the preview (a typed path, `pick`);
 * drives come from `driveSource` when given, else from nowhere (the test machine's own USB
 * sticks must not leak into a test).
 */
export async function newService(overrides: Partial<VaultServiceOptions> = {}): Promise<{ service: VaultService; dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDir();
  const service = await createVaultService({ dataDir, dangerouslyUseKdfParams: TEST_KDF, fileChooser: typedPathChooser(), driveSource: async () => [], ...overrides });
  return { service, dataDir };
}

/** The user chooses `file` for `purpose` (typed, as in the preview): the handle main gives for it. */
export async function pick(service: VaultService, purpose: FilePurpose, file: string): Promise<string> {
  const { chosen } = value(await service.invoke('files.choose', { purpose, typedPath: file }));
  if (!chosen) throw new Error('nothing was chosen');
  return chosen.handle;
}

/** Unwraps an ok result or fails the test with the error. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every byte of every file under dir, concatenated per file. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, bytes: fs.readFileSync(file) });
  }
  return out;
}

/** Files under dir that contain the needle as UTF-8 or UTF-16LE. */
export function filesContaining(dir: string, needle: string): string[] {
  const utf8 = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  return filesUnder(dir)
    .filter(({ bytes }) => bytes.includes(utf8) || bytes.includes(utf16))
    .map(({ file }) => file);
}
