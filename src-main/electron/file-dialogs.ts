import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { FilePurpose } from '../../src-shared/contract/files';
import type { FileChooser } from '../service';

/** The part of Electron's `dialog` the chooser uses (a fake in unit tests). */
export interface DialogLike {
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

// dontAddToRecent: a key file or a backup folder should not show up in the OS's "recent files" (Windows).
const DIALOGS: Record<FilePurpose, OpenDialogOptions> = {
  'backup-folder': { title: 'Choose a folder for your backups', buttonLabel: 'Back up here', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] },
  'export-folder': { title: 'Choose where to save the export', buttonLabel: 'Save here', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] },
  'backup-file': {
    title: 'Choose a SessionVault backup',
    buttonLabel: 'Choose backup',
    filters: [{ name: 'SessionVault backups', extensions: ['svbackup'] }],
    properties: ['openFile', 'dontAddToRecent'],
  },
  'key-file': { title: 'Choose your key file', buttonLabel: 'Use this key file', properties: ['openFile', 'dontAddToRecent'] },
};

/**
 * The OS open dialogs, modal to the app window: the only way a path enters the app. What the user
 * picks stays in main (the service hands the page a handle). Exports open in Documents unless a
 * drive is plugged in.
 */
export function dialogFileChooser(dialog: DialogLike, window: () => BrowserWindow | null, documentsDir: () => string): FileChooser {
  return {
    kind: 'dialog',
    // The renderer never names a path: `typedPath` (preview only) is ignored here.
    async choose({ purpose, defaultPath }) {
      const options: OpenDialogOptions = { ...DIALOGS[purpose], defaultPath: defaultPath ?? (purpose === 'export-folder' ? documentsDir() : undefined) };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
