import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { dialogFileChooser, type DialogLike } from '../../../src-main/electron/file-dialogs';

/** A fake `dialog`: records what the app asked for and answers as the user would. */
function fakeDialog(answer: OpenDialogReturnValue) {
  const asked: { parent: BrowserWindow | null; options: OpenDialogOptions }[] = [];
  const dialog: DialogLike = {
    showOpenDialog: async (a: BrowserWindow | OpenDialogOptions, b?: OpenDialogOptions) => {
      asked.push(b ? { parent: a as BrowserWindow, options: b } : { parent: null, options: a as OpenDialogOptions });
      return answer;
    },
  };
  return { dialog, asked };
}

const win = { id: 1 } as unknown as BrowserWindow;

describe('the OS file dialogs (Shell)', () => {
  it('asks for a folder for backups and exports, a .svbackup file for a restore, any file for a key file; modal to the window', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePaths: ['/media/ann/KINGSTON'] });
    const chooser = dialogFileChooser(dialog, () => win, () => '/home/ann/Documents');
    expect(chooser.kind).toBe('dialog');
    for (const purpose of ['backup-folder', 'export-folder', 'backup-file', 'key-file'] as const) {
      expect(await chooser.choose({ purpose, defaultPath: '/media/ann/KINGSTON' })).toBe('/media/ann/KINGSTON');
    }
    expect(asked.every((a) => a.parent === win)).toBe(true);
    expect(asked.map((a) => a.options.properties?.filter((p) => p === 'openDirectory' || p === 'openFile'))).toEqual([['openDirectory'], ['openDirectory'], ['openFile'], ['openFile']]);
    expect(asked[2]!.options.filters).toEqual([{ name: 'SessionVault backups', extensions: ['svbackup'] }]);
    expect(asked[3]!.options.filters).toBeUndefined();
    // Kept out of the OS's recent files (a key file above all).
    expect(asked.every((a) => a.options.properties?.includes('dontAddToRecent'))).toBe(true);
  });

  it('never uses a path the renderer typed: the user still chooses in the dialog', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePaths: ['/media/ann/KEYS/photo.jpg'] });
    const chooser = dialogFileChooser(dialog, () => win, () => '/home/ann/Documents');
    expect(await chooser.choose({ purpose: 'key-file', typedPath: '/home/ann/.ssh/id_ed25519' })).toBe('/media/ann/KEYS/photo.jpg');
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0]!.options)).not.toContain('.ssh');
  });

  it('exports open in Documents unless a drive is plugged in; a cancelled dialog chooses nothing', async () => {
    const { dialog, asked } = fakeDialog({ canceled: true, filePaths: [] });
    const chooser = dialogFileChooser(dialog, () => null, () => '/home/ann/Documents');
    expect(await chooser.choose({ purpose: 'export-folder' })).toBeNull();
    expect(await chooser.choose({ purpose: 'export-folder', defaultPath: '/media/ann/KINGSTON' })).toBeNull();
    expect(await chooser.choose({ purpose: 'key-file' })).toBeNull();
    expect(asked.map((a) => a.options.defaultPath)).toEqual(['/home/ann/Documents', '/media/ann/KINGSTON', undefined]);
    expect(asked.every((a) => a.parent === null)).toBe(true);
  });
});
