import { useEffect, useState } from 'react';
import { kitInstructions, kitText, type KitDetails } from '../../../../src-shared/custodian-kit';
import type { MadeKits } from '../../actions/custodians';
import { formatDay } from '../../components/format';
import { KitFileWarning } from '../../components/KitFileWarning';

/** The kits of a new split, shown once: one printable page per custodian, or one file each. */
export function CustodianKits({ made, onDone }: { made: MadeKits; onDone: () => void }) {
  const names = made.kits.map((k) => k.name);
  const kits: KitDetails[] = made.kits.map((k) => ({
    vaultId: made.vaultId,
    createdAt: formatDay(made.createdAt),
    threshold: made.threshold,
    count: made.kits.length,
    name: k.name,
    names,
    share: k.share,
  }));
  const [urls] = useState(() => kits.map((k) => URL.createObjectURL(new Blob([kitText(k)], { type: 'text/plain' }))));
  const [saving, setSaving] = useState<number | null>(null);
  // The files' contents open the vault together: drop them from memory when this screen goes.
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  return (
    <main className="page" aria-labelledby="kits-heading">
      <h1 id="kits-heading">Custodian kits</h1>
      <p>
        Give each custodian their own kit, in person or by post. Any {made.threshold} of the {kits.length} kits together open this vault,
        read-only; fewer reveal nothing. The kits are shown only now: SessionVault keeps no copy.
      </p>
      <div className="row">
        <button type="button" onClick={() => window.print()}>
          Print all kits
        </button>
      </div>
      <div className="kit-set">
        {kits.map((kit, i) => (
          <section key={kit.share} className="kit custodian-kit" aria-label={`Kit for ${kit.name}`}>
            <h2>SessionVault Custodian Kit for {kit.name}</h2>
            <p className="kit-meta">
              Vault {kit.vaultId} · made {kit.createdAt} · opens with any {kit.threshold} of {kit.count} kits
            </p>
            <p className="kit-meta">Custodians: {kit.names.join('; ')}</p>
            <ol className="kit-groups kit-share" aria-label={`Share of ${kit.name}`}>
              {kit.share.split('-').map((g, j) => (
                <li key={j}>{g}</li>
              ))}
            </ol>
            <ol className="kit-steps">
              {kitInstructions(kit).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
            <button type="button" className="secondary no-print" aria-expanded={saving === i} onClick={() => setSaving(i)}>
              Save {kit.name}’s kit as a file
            </button>
            {saving === i && (
              <KitFileWarning id={`kit-file-heading-${i}`} href={urls[i]!} fileName={`SessionVault-Custodian-Kit-${i + 1}-of-${kits.length}.txt`} saveLabel="Save the file to a USB drive">
                <p>
                  Enough kit files together open your vault without your password. Save this one straight to a USB drive for {kit.name}, and
                  make sure no copy stays in this laptop&apos;s Downloads folder. Printing it is safer.
                </p>
              </KitFileWarning>
            )}
          </section>
        ))}
      </div>
      <button type="button" onClick={onDone}>
        Each custodian has their kit
      </button>
    </main>
  );
}
