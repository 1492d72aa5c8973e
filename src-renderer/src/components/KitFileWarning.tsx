import type { ReactNode } from 'react';

/**
 * Shown before a kit is saved as a file: on this laptop, the file would undo the encryption for
 * whoever takes the laptop. Printing is offered first.
 */
export function KitFileWarning({ id, href, fileName, saveLabel, children }: { id: string; href: string; fileName: string; saveLabel: string; children: ReactNode }) {
  return (
    <section className="panel kit-file-warning" aria-labelledby={id}>
      <h2 id={id}>The file must not stay on this laptop</h2>
      {children}
      <div className="row">
        <button type="button" onClick={() => window.print()}>
          Print instead
        </button>
        <a className="button secondary" href={href} download={fileName}>
          {saveLabel}
        </a>
      </div>
    </section>
  );
}
