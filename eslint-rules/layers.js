// Import boundaries by folder (DESIGN §2), checked on every import and export-from.
// A small local rule in the spirit of VS Code's code-layering: it resolves relative imports
// to their folder and checks both the target layer and bare module names per layer.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Which folder an absolute file path belongs to, most specific first. */
function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('src-shared/')) return 'shared';
  if (rel.startsWith('src-renderer/')) return 'renderer';
  if (rel.startsWith('src-main/core/crypto/')) return 'crypto';
  if (rel.replace(/\.[cm]?[jt]s$/, '') === 'src-main/service') return 'service';
  if (rel.startsWith('src-main/core/')) return 'core';
  if (rel.startsWith('src-main/electron/')) return 'electron';
  if (rel.startsWith('src-main/dev/')) return 'dev';
  if (rel.startsWith('src-main/')) return 'main';
  return 'other';
}

const isSodium = (m) => m.startsWith('libsodium');
const isNativeArgon2 = (m) => m === '@node-rs/argon2';
const isNodeCrypto = (m) => m === 'crypto' || m === 'node:crypto';
const isNetClient = (m) => ['http', 'https', 'net', 'tls', 'dgram', 'http2', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram', 'node:http2', 'undici'].includes(m);

/**
 * Allowed target layers for relative imports, per importing layer. The Shell (electron/) sees
 * only the Service (service.ts and what it exports) and Shared: OS signals reach the core
 * through ports the service offers, never by importing it.
 */
const ALLOWED_TARGETS = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  crypto: ['crypto', 'shared'],
  core: ['core', 'crypto', 'shared'],
  main: ['main', 'core', 'crypto', 'shared'],
  service: ['main', 'core', 'crypto', 'shared'],
  electron: ['electron', 'service', 'shared'],
  dev: ['dev', 'service', 'main', 'core', 'crypto', 'shared'],
};

/** Exports of core/crypto that only core/crypto may import: every key is derived in keys.ts. */
const CRYPTO_INTERNAL = new Set(['deriveFromKey']);

/** The first specifier of an import that names a crypto-internal export, if any. */
function cryptoInternal(node) {
  const names = (node.specifiers ?? []).map((s) => (s.imported ?? s.local)?.name);
  return names.find((n) => CRYPTO_INTERNAL.has(n)) ?? null;
}

/** Returns a message when `spec` imported from `layer` breaks a rule, else null. */
function checkBare(layer, spec) {
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if (layer === 'shared' && pkg !== 'zod') return `src-shared imports only zod, not '${spec}'.`;
  if (layer === 'renderer') {
    if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg)) return `src-renderer must not import Node builtin '${spec}'.`;
    if (['electron', 'better-sqlite3'].includes(pkg) || isSodium(pkg)) return `src-renderer must not import '${spec}'; use window.vault.`;
  }
  if (isSodium(pkg) && layer !== 'crypto') return `Only src-main/core/crypto/ may import libsodium ('${spec}').`;
  if (isNativeArgon2(pkg) && layer !== 'crypto') return `Only src-main/core/crypto/ may import native Argon2id ('${spec}').`;
  if (isNodeCrypto(spec) && layer !== 'crypto') return `Only src-main/core/crypto/ may import node:crypto ('${spec}').`;
  if (['core', 'crypto', 'main', 'service'].includes(layer) && pkg === 'electron') return `src-main outside electron/ must not import electron.`;
  // No request ever leaves the app: main-process code has no network client (preview server is dev-only).
  if (['core', 'crypto', 'main', 'service', 'electron'].includes(layer) && isNetClient(spec)) return `No network client in the main process ('${spec}').`;
  return null;
}

const relPath = (file) => path.relative(ROOT, file).split(path.sep).join('/');
/** The renderer's one data path: only actions/ reaches main, through actions/bridge.ts. */
const RENDERER_ACTIONS = 'src-renderer/src/actions/';
const RENDERER_BRIDGE = 'src-renderer/src/actions/bridge';
/** Where `window.vault` may be named: the actions, and the test/preview bridge that provides it. */
const mayNameWindowVault = (rel) => rel.startsWith(RENDERER_ACTIONS) || rel.startsWith('src-renderer/dev/');

export default {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [], messages: { bad: 'Bad layering: {{why}}' } },
      create(context) {
        const file = context.filename;
        const layer = layerOf(file);
        if (layer === 'other') return {};
        function check(node) {
          const spec = node.source?.value;
          if (typeof spec !== 'string') return;
          let why = null;
          if (spec.startsWith('.')) {
            const resolved = path.resolve(path.dirname(file), spec);
            const target = layerOf(resolved);
            if (!ALLOWED_TARGETS[layer].includes(target)) why = `${layer} may not import from ${target} ('${spec}').`;
            else if (target === 'crypto' && layer !== 'crypto' && cryptoInternal(node)) {
              why = `only src-main/core/crypto/ may use '${cryptoInternal(node)}'; take a named key from crypto/keys.ts.`;
            } else if (relPath(resolved).replace(/\.tsx?$/, '') === RENDERER_BRIDGE && !relPath(file).startsWith(RENDERER_ACTIONS)) {
              why = `only src-renderer/src/actions/ talks to main; call an action instead ('${spec}').`;
            }
          } else {
            why = checkBare(layer, spec);
          }
          if (why) context.report({ node, messageId: 'bad', data: { why } });
        }
        const rel = relPath(file);
        return {
          MemberExpression(node) {
            if (layer !== 'renderer' || mayNameWindowVault(rel)) return;
            const { object, property } = node;
            if (object.type === 'Identifier' && object.name === 'window' && !node.computed && property.type === 'Identifier' && property.name === 'vault') {
              context.report({ node, messageId: 'bad', data: { why: 'only src-renderer/src/actions/ calls window.vault; call an action instead.' } });
            }
          },
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
