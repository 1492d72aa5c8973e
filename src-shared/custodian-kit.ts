/**
 * A records custodian's kit as plain text: what the "Save as file" copy holds and what the unlock
 * screen reads back from that file. One module, so the two never drift apart.
 */
export interface KitDetails {
  vaultId: string;
  createdAt: string;
  threshold: number;
  count: number;
  /** This kit's custodian. */
  name: string;
  /** Everyone holding a kit of this split, this custodian included. */
  names: string[];
  share: string;
}

/** The steps printed on every kit, in the words a non-technical custodian reads. */
export function kitInstructions(k: Pick<KitDetails, 'threshold' | 'count'>): string[] {
  return [
    `This kit alone cannot open anything. Any ${k.threshold} of the ${k.count} custodians' kits together open the vault, read-only.`,
    'When the clinician cannot open the vault themselves (death, illness, incapacity), meet the other custodians at the clinician’s computer, or at any computer with SessionVault installed and the vault or a copy of it restored.',
    'On the unlock screen choose “I am a records custodian”, then type each share (or load each kit’s file).',
    'Everything you open and export is recorded in the vault’s audit trail as done by the records custodian.',
    'Keep this kit somewhere safe and private. If it is lost or seen by others, tell the clinician: they can make new kits and this one stops working.',
  ];
}

export function kitText(k: KitDetails): string {
  return [
    'SessionVault Custodian Kit',
    '',
    `For: ${k.name}`,
    `Vault: ${k.vaultId}`,
    `Made: ${k.createdAt}`,
    `Opens with: any ${k.threshold} of ${k.count} kits together`,
    `Custodians: ${k.names.join('; ')}`,
    '',
    'Custodian share:',
    k.share,
    '',
    ...kitInstructions(k).map((line, i) => `${i + 1}. ${line}`),
  ].join('\n');
}

/** The share in a kit file (or any text holding one): "SVCS" and its 16 groups; null when there is none. */
export function shareFromKitText(text: string): string | null {
  const match = /SVCS(?:[\s-]+[A-Za-z0-9]{4}){16}/.exec(text);
  return match ? match[0].replace(/\s+/g, '-').toUpperCase() : null;
}
