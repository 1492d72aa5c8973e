import { MODALITIES } from '../../../../src-shared/contract/notes';
import { signatureLine } from '../../../../src-shared/document-text';
import { NOTE_KIND_INFO, templateById } from '../../../../src-shared/templates';
import { formatDateTime, formatIsoDate } from '../../components/format';
import { useApp, type Draft } from '../../store';
import { Addenda } from './Addenda';
import { NoteActions } from './NoteActions';
import { NoteNotices } from './NoteNotices';

const MODALITY_LABELS: Record<(typeof MODALITIES)[number], string> = { 'in-person': 'In person', video: 'Video', phone: 'Phone' };

/**
 * A signed note as the finished document it is: a header, the session, each section as text,
 * the signature line, then the addenda below it. Nothing here can be edited; "New addendum" is
 * the one thing left to do.
 */
export function SignedNote({ draft, signedAt }: { draft: Draft; signedAt: number }) {
  const save = useApp((s) => s.save);
  const clientName = useApp((s) => s.clients.find((c) => c.id === draft.clientId)?.displayName ?? s.notes.find((n) => n.id === draft.id)?.clientName);
  const template = templateById(draft.templateId);
  const s = draft.session;
  const facts: [string, string | undefined][] = [
    ['Client', clientName ?? 'No client'],
    ['Date of service', formatIsoDate(s.serviceDate)],
    ['Start time', s.startTime],
    ['Duration', s.durationMinutes ? `${s.durationMinutes} minutes` : undefined],
    ['Service code', s.serviceCode],
    ['Modality', s.modality ? MODALITY_LABELS[s.modality] : undefined],
    ['Attendees', s.attendees],
    ['Risk flags', s.riskFlags.length ? s.riskFlags.join(', ') : undefined],
  ];
  const sections = template.sections.map((sec) => ({ key: sec.key, label: sec.label, text: draft.fields[sec.key] ?? '' }));
  if (draft.body.trim()) sections.push({ key: 'note', label: 'Note', text: draft.body });

  return (
    <article className="signed-note" aria-labelledby="signed-note-title">
      <header className="document-head">
        <h1 id="signed-note-title">{draft.title || 'Untitled note'}</h1>
        <p className="note-context">
          {NOTE_KIND_INFO[draft.kind].label} · {template.label}
        </p>
        {draft.trashedAt !== undefined && (
          <p className="banner" role="note">
            In the trash since {formatDateTime(draft.trashedAt)}.
          </p>
        )}
        <NoteNotices kind={draft.kind} />
        <dl className="document-facts">
          {facts
            .filter((f): f is [string, string] => f[1] !== undefined)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </header>
      {sections.map((sec) => (
        <section key={sec.key} className="document-section" aria-labelledby={`doc-${sec.key}`}>
          <h2 id={`doc-${sec.key}`}>{sec.label}</h2>
          <p className="document-text">{sec.text.trim() ? sec.text : '—'}</p>
        </section>
      ))}
      <p className="signature-line">
        <span>{signatureLine(signedAt, draft.signedBy)}</span>
        <span className="hint">This note can no longer be changed. Corrections are added below as addenda, each with its own date.</span>
      </p>
      <Addenda draft={draft} />
      <NoteActions draft={draft} save={save} />
    </article>
  );
}
