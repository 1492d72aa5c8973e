import type { FileChooser } from '../core/files/file-chooser';

/**
 * Preview and test harness only: there is no OS dialog in a browser tab, so the renderer shows the
 * drive list and a path field, and this chooser takes what the user typed. The service still checks
 * it is an existing folder or file of the right kind and hands the page only a handle. The Electron
 * Shell never uses this (lint: src-main/electron may not import src-main/dev).
 */
export function typedPathChooser(): FileChooser {
  return { kind: 'typed', choose: async ({ typedPath }) => typedPath ?? null };
}
