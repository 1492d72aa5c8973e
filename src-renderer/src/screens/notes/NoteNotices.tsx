import { NOTE_KIND_INFO, type NoteKind } from '../../../../src-shared/templates';

/** What the clinician must know about this kind of note, above it. */
export function NoteNotices({ kind }: { kind: NoteKind }) {
  if (kind !== 'psychotherapy') return null;
  return (
    <p className="psycho-notice" role="note">
      <strong>Psychotherapy note.</strong> {NOTE_KIND_INFO.psychotherapy.description} It carries no billing fields.
    </p>
  );
}
