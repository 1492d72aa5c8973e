import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../helpers/service';

const KILLS = process.env.SV_LONG ? 200 : 20;
const CHILD = path.resolve(import.meta.dirname, '../../helpers/crash-child.ts');

/** Runs the child until it has acknowledged some saves, then SIGKILLs it at a random moment. */
function runAndKill(dataDir: string, acks: Map<string, { rev: number; body: string }>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let seen = 0;
    const killAfter = 5 + Math.floor(Math.random() * 60);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [, id, rev, body] = /^ack (\S+) (\d+) (.*)$/.exec(line) ?? [];
        if (id) acks.set(id, { rev: Number(rev), body: body! });
        if (++seen === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited on its own: ${stderr.slice(0, 500)}`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged save across ${KILLS} SIGKILLs`, async () => {
    const dataDir = tempDir('sv-crash-');
    const acks = new Map<string, { rev: number; body: string }>();
    for (let k = 0; k < KILLS; k++) {
      await runAndKill(dataDir, acks);
      const db = new Database(path.join(dataDir, 'vault.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    const { service } = await newService({ dataDir });
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(acks.size).toBeGreaterThan(5);
    for (const [id, ack] of acks) {
      const note = value(await service.invoke('notes.get', { id }));
      // A save may commit and be killed before its ack is printed: never older, maybe newer.
      expect(note.rev).toBeGreaterThanOrEqual(ack.rev);
      if (note.rev === ack.rev) expect(note.body).toBe(ack.body);
    }
    service.close();
  }, 600_000);
});
