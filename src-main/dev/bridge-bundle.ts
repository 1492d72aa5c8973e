import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../src-renderer/dev/bridge-client.ts', import.meta.url));

/** The test/preview `window.vault` bridge as one browser script (built on demand, in memory). */
export async function bridgeScript(): Promise<string> {
  const out = await build({ entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', minify: true });
  return out.outputFiles[0]!.text;
}
