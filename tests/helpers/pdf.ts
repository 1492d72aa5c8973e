import { execFileSync } from 'node:child_process';

/**
 * PDFs are checked the way a reader's tools see them: poppler's pdftotext and pdfinfo, and
 * qpdf's structural check (Debian: poppler-utils, qpdf; .ci/run installs them). Each reads the
 * file where the test put it (its own temp dir): nothing is copied anywhere else.
 */

/** The text of the whole PDF or of one page, with runs of white space folded to one space. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
}

/** pdfinfo's fields (Pages, Title, Author, CreationDate…). */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

export function pdfPages(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** qpdf --check: exits non-zero (and this throws) on any structural error. */
export function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}
