import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../../..') });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('import boundaries (ESLint local/layers)', () => {
  it.each([
    ['src-shared/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['src-shared/x.ts', "import { a } from '../src-main/service'; export const b = a;"],
    ['src-renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['src-renderer/src/x.ts', "import fs from 'fs'; export const a = fs;"],
    ['src-renderer/src/x.ts', "import Database from 'better-sqlite3'; export const a = Database;"],
    ['src-renderer/src/x.ts', "import { createVaultService } from '../../src-main/service'; export const a = createVaultService;"],
    ['src-main/core/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src-main/core/x.ts', "import sodium from 'libsodium-wrappers-sumo'; export const a = sodium;"],
    ['src-main/core/x.ts', "import { hashRaw } from '@node-rs/argon2'; export const a = hashRaw;"],
    ['src-main/electron/x.ts', "export const a = import('@node-rs/argon2');"],
    ['src-main/core/x.ts', "import https from 'node:https'; export const a = https;"],
    ['src-main/electron/x.ts', "import http from 'http'; export const a = http;"],
    // The preview's typed-path chooser trusts what the page types: never in the app or the service.
    ['src-main/electron/x.ts', "import { typedPathChooser } from '../dev/typed-path-chooser'; export const a = typedPathChooser;"],
    ['src-main/x.ts', "import { folderDriveSource } from './dev/folder-drives'; export const a = folderDriveSource;"],
    // The renderer's one data path: screens and components go through actions/, never to main directly.
    ['src-renderer/src/screens/x.tsx', "import { api } from '../actions/bridge'; export const a = api;"],
    ['src-renderer/src/components/x.ts', "export const a = () => window.vault.notes.list({});"],
    // The Shell sees only the Service and Shared: not core, not handlers, not the audit table.
    ['src-main/electron/x.ts', "import type { IdleSignals } from '../core/lock/lock-policy'; export type A = IdleSignals;"],
    ['src-main/electron/x.ts', "import { VaultManager } from '../core/vault/vault-manager'; export const a = VaultManager;"],
    ['src-main/electron/x.ts', "import { vaultHandlers } from '../handlers/vault'; export const a = vaultHandlers;"],
    ['src-main/electron/x.ts', "import { seal } from '../core/crypto/sodium'; export const a = seal;"],
    // Only core/crypto uses node:crypto, and only it derives keys.
    ['src-main/core/x.ts', "import { createHash } from 'node:crypto'; export const a = createHash;"],
    ['src-main/x.ts', "import crypto from 'crypto'; export const a = crypto;"],
    ['src-main/dev/x.ts', "import { randomBytes } from 'node:crypto'; export const a = randomBytes;"],
    ['src-shared/x.ts', "import { randomBytes } from 'node:crypto'; export const a = randomBytes;"],
    ['src-main/core/x.ts', "import { deriveFromKey } from './crypto/sodium'; export const a = deriveFromKey;"],
  ])('rejects %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-shared/x.ts', "import { z } from 'zod'; import { ok } from './errors'; export const a = [z, ok];"],
    ['src-renderer/src/x.ts', "import { create } from 'zustand'; import type { Note } from '../../src-shared/ipc'; export const a = create; export type B = Note;"],
    ['src-renderer/src/actions/x.ts', "import { api } from './bridge'; export const a = () => [api(), window.vault];"],
    ['src-renderer/src/screens/x.tsx', "import { openNote } from '../actions/notes'; export const a = openNote;"],
    ['src-main/core/crypto/x.ts', "import sodium from 'libsodium-wrappers-sumo'; export const a = sodium;"],
    ['src-main/core/crypto/x.ts', "export const a = import('@node-rs/argon2');"],
    ['src-main/core/x.ts', "import fs from 'node:fs'; import { seal } from './crypto/sodium'; export const a = [fs, seal];"],
    ['src-main/electron/x.ts', "import { app } from 'electron'; import { createVaultService } from '../service'; export const a = [app, createVaultService];"],
    ['src-main/electron/x.ts', "import type { IdleSignals } from '../service'; import { fail } from '../../src-shared/errors'; export const a = fail; export type B = IdleSignals;"],
    ['src-main/core/crypto/x.ts', "import { createCipheriv } from 'node:crypto'; import { deriveFromKey } from './sodium'; export const a = [createCipheriv, deriveFromKey];"],
    ['src-main/core/x.ts', "import { recordsKey } from './crypto/keys'; export const a = recordsKey;"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
