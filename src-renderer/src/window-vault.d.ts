import type { VaultApi } from '../../src-shared/ipc';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or a test/preview bridge; the renderer's only door. */
    vault: VaultApi;
  }
}
