import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../src-renderer/dev/bridge-client.ts', import.meta.url));

/**
 * The test/preview `window.vault` bridge as one browser script (built on demand, in memory).
 * `token` is the preview server's per-start secret, written into the script; Playwright's
 * binding needs none.
 */
export async function bridgeScript(token = ''): Promise<string> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { __SV_PREVIEW_TOKEN__: JSON.stringify(token) },
  });
  return out.outputFiles[0]!.text;
}
