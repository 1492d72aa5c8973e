import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer is served from app:// (Electron) or 127.0.0.1 (tests, preview): relative paths,
// no external assets, no module-preload polyfill (it would need inline script under our CSP).
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer/', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer/', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
