import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, session } from 'electron';
import type { EventName, EventPayload } from '../../src-shared/ipc';
import { createVaultService, type VaultService } from '../service';
import { dialogFileChooser } from './file-dialogs';
import { attachIdleSources } from './idle';
import { registerIpcHandlers } from './ipc';
import { spellCheckWorksOffline } from '../../src-shared/spellcheck';
import { configureSpellCheck } from './spellcheck';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  denyAllPermissions,
  denyNavigationAndWindows,
  isAllowedRequestUrl,
} from './security';

/**
 * The Electron shell: one hardened window on app://sessionvault, the vault service in this
 * process, every contract channel bound through ipc.ts. All settings live in security.ts.
 */

// Must happen before `ready`: app:// behaves like a secure https origin (CSP 'self', fetch, storage).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every renderer runs in Chromium's OS sandbox, whatever a window's options say.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let service: VaultService | null = null;
let quitLock: Promise<void> | null = null;
let quitLocked = false;

// Development build only (the Electron test suite): a packaged app always keeps its data in the OS folder.
const devUserData = process.env.SV_DEV_USER_DATA_DIR;
if (!app.isPackaged && devUserData) app.setPath('userData', devUserData);

// One instance only: two processes writing one vault.db would race the WAL and the lock state.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => denyNavigationAndWindows(contents));
  app.on('window-all-closed', () => app.quit());
  registerQuitLock();
  app.whenReady().then(start).catch((error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  hardenDefaultSession();
  const setSpellCheck = configureSpellCheck(session.defaultSession, process.platform);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
  service = await createVaultService({
    dataDir: path.join(app.getPath('userData'), 'vault'),
    onEvent: forwardEvent,
    clipboard,
    printPage,
    onSpellCheck: setSpellCheck,
    fileChooser: dialogFileChooser(dialog, () => mainWindow, () => app.getPath('documents')),
  });
  registerIpcHandlers(ipcMain, service);
  mainWindow = createMainWindow();
  // Idle time, suspend, screen lock and a hidden window feed the auto-lock policy.
  attachIdleSources(service.idle, mainWindow);
}

function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  denyAllPermissions(ses);
  // No remote content of any kind: every request that is not app:// (or DevTools in development) is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, { allowDevTools: !app.isPackaged }) });
  });
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'SessionVault',
    // The Electron security checklist, written out here where scanners (Electronegativity) and
    // reviewers see it: no Node, Chromium's sandbox, main reached only through the preload's window.vault.
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click could open a link in a new window by another path than window.open.
      disableBlinkFeatures: 'Auxclick',
      // A shipped app has no DevTools: they would let anyone at an unlocked screen script the vault.
      devTools: !app.isPackaged,
      // Only where the OS checks spelling without a download (spellcheck.ts); on Linux Chromium would fetch dictionaries.
      spellcheck: spellCheckWorksOffline(process.platform),
    },
  });
  // Screenshots and screen sharing show a blank window where the OS supports it (macOS, Windows).
  win.setContentProtection(true);
  win.once('ready-to-show', () => win.show());
  flushBeforeClose(win);
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** The system print dialog for what the window shows (the renderer has laid out the note or record with print CSS). */
function printPage(): Promise<boolean> {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return Promise.resolve(false);
  return new Promise((resolve) => win.webContents.print({ silent: false, printBackground: false }, (printed) => resolve(printed)));
}

function forwardEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(`event:${event}`, payload);
}

/** Flush the renderer's draft and lock (keys zeroed, search index dropped); one run shared by every exit path. */
function lockForQuit(): Promise<void> {
  quitLock ??= (service ? service.lock('quit') : Promise.resolve()).catch(() => undefined).then(() => {
    quitLocked = true;
  });
  return quitLock;
}

/** Closing the window waits for the draft to be saved and the vault locked: no last words lost. */
function flushBeforeClose(win: BrowserWindow): void {
  let waiting = false;
  win.on('close', (event) => {
    if (quitLocked) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    void lockForQuit().then(() => {
      if (!win.isDestroyed()) win.close();
    });
  });
}

/** On quit: lock as above, then close the database, then really quit. */
function registerQuitLock(): void {
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !service) return;
    event.preventDefault();
    void lockForQuit().then(() => {
      if (closed) return;
      closed = true;
      service?.close();
      service = null;
      app.quit();
    });
  });
}

function fatal(error: unknown): void {
  // Developer aid only: a startup stack names files of the app, never note content.
  if (!app.isPackaged) console.error(error);
  dialog.showErrorBox('SessionVault could not start', 'The vault could not be opened. Please restart SessionVault; if this keeps happening, restore from your latest backup.');
  app.exit(1);
}
