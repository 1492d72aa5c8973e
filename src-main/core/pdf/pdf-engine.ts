import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { VaultError } from '../errors';

/**
 * PDF documents are laid out by pdfmake (text wrapping, page breaks, tables whose header rows
 * repeat on every page, "page N of M" footers) and written by pdfkit, entirely in memory, in
 * plain Node: the same code and bytes in tests, in the preview and in Electron's main process.
 * Text is set in Roboto (SIL Open Font License 1.1, shipped inside the pdfmake package), embedded
 * as a subset in every PDF, so a document reads the same on any computer.
 */

/** The part of pdfmake's Node build used here (its published types omit the Node-only virtual file system). */
interface PdfMakeNode {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

export const PDF_FONT = 'Roboto';
const FONT_FILES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };

let engine: PdfMakeNode | null = null;

/** Loads pdfmake on the first document only (it is large), with the fonts in its in-memory file system. */
function loadEngine(): PdfMakeNode {
  if (engine) return engine;
  // A plain require from wherever this file runs (source, the bundle, or the packaged app's asar),
  // where pdfmake and its fonts are in node_modules (kept out of the bundle: scripts/build-main.mjs).
  const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMakeNode;
  const fontsDir = path.dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
  for (const file of Object.values(FONT_FILES)) pdfmake.virtualfs.writeFileSync(file, fs.readFileSync(path.join(fontsDir, file)));
  pdfmake.setFonts({ [PDF_FONT]: FONT_FILES });
  // A document never fetches anything and never reads a file it was not given: no URL, no path.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  engine = pdfmake;
  return engine;
}

/**
 * Lays out and writes one PDF in memory. `createdAt` is the document's creation date (so the same
 * records at the same time give the same bytes); nothing is written to disk here.
 */
export async function renderPdf(doc: TDocumentDefinitions, createdAt: number): Promise<Uint8Array> {
  let pdfmake: PdfMakeNode;
  try {
    pdfmake = loadEngine();
  } catch {
    throw new VaultError('IO_ERROR', 'The PDF maker could not start. Export as HTML instead, and reinstall SessionVault if this keeps happening.');
  }
  const when = new Date(createdAt);
  const bytes = await pdfmake
    .createPdf({ ...doc, info: { creator: 'SessionVault', producer: 'SessionVault', ...doc.info, creationDate: when, modDate: when } })
    .getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
