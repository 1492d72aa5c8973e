import { useApp } from '../store';

const PHASES: Record<string, string> = {
  snapshot: 'Taking a consistent copy',
  encrypt: 'Encrypting',
  verify: 'Verifying',
  decrypt: 'Decrypting',
  install: 'Installing',
};

/** Bytes done / total of the running backup, verify, drill or restore. */
export function BackupProgressBar() {
  const p = useApp((s) => s.backupProgress);
  if (!p) return null;
  return (
    <div className="progress-bar" role="status">
      <span>{PHASES[p.phase] ?? p.phase}…</span>
      <progress max={p.total || 1} value={p.done} aria-label="Backup progress" />
    </div>
  );
}
