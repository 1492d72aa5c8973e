// `npm run preview`: the real renderer in your browser, backed by the real core (real
// encryption, real files) through the same contract the Electron preload exposes.
// Listens on 127.0.0.1 only. The vault lives in .preview-data/ unless SV_PREVIEW_DIR is set.
// Files are chosen from the drive list or by typing a path (no OS dialog in a browser tab).
import path from 'node:path';
import { createVaultService } from '../service';
import { folderDriveSource } from './folder-drives';
import { PreviewEvents, startPreviewServer } from './preview-app';
import { typedPathChooser } from './typed-path-chooser';

const dataDir = path.resolve(process.env.SV_PREVIEW_DIR ?? '.preview-data');
const port = Number(process.env.PORT ?? 5199);
const events = new PreviewEvents();

const drivesDir = process.env.SV_PREVIEW_DRIVES;
const service = await createVaultService({
  dataDir,
  // No OS dialog in a browser tab: the page shows the drive list and a typed path instead.
  fileChooser: typedPathChooser(),
  // SV_PREVIEW_DRIVES=<folder>: each folder in it shows as a plugged-in drive (for trying without a USB stick).
  driveSource: drivesDir ? folderDriveSource(path.resolve(drivesDir)) : undefined,
  onEvent: (event, payload) => events.send(event, payload),
});
const server = await startPreviewServer({ service, events, port });
console.log(`SessionVault preview: ${server.url}  (vault in ${dataDir}; Ctrl+C to stop)`);

function shutdown() {
  service.close();
  void server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
