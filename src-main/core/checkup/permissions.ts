import fs from 'node:fs';
import path from 'node:path';

/**
 * Owner-only access to the vault folder (0700) and its files (0600). The vault is encrypted
 * either way; this keeps other accounts on the same computer from copying it to guess offline.
 */
export function checkPermissions(dataDir: string, platform: NodeJS.Platform = process.platform): { ownerOnly: boolean; loose: number } | null {
  if (platform === 'win32') return null;
  const loose = entries(dataDir).filter(({ mode }) => (mode & 0o077) !== 0).length;
  return { ownerOnly: loose === 0, loose };
}

/** Tightens every entry that others can reach; returns how many changed. */
export function tightenPermissions(dataDir: string, platform: NodeJS.Platform = process.platform): number {
  if (platform === 'win32') return 0;
  let changed = 0;
  for (const { file, mode, dir } of entries(dataDir)) {
    if ((mode & 0o077) === 0) continue;
    fs.chmodSync(file, dir ? 0o700 : 0o600);
    changed++;
  }
  return changed;
}

/** The folder itself and everything under it; symlinks are skipped (never followed out of the folder). */
function entries(dataDir: string): { file: string; mode: number; dir: boolean }[] {
  const out: { file: string; mode: number; dir: boolean }[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    out.push({ file: p, mode: st.mode & 0o777, dir: st.isDirectory() });
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(dataDir);
  return out;
}
