import { templateById } from '../../../../src-shared/templates';
import { resolveConflict } from '../../actions/notes';
import type { NoteContent } from '../../store';

/** A note's content as plain text, section by section, so two versions can be compared. */
function asText(c: NoteContent): string {
  const s = c.session;
  const header = [
    `Date: ${s.serviceDate}${s.startTime ? ` ${s.startTime}` : ''}`,
    s.durationMinutes ? `Duration: ${s.durationMinutes} min` : '',
    s.serviceCode ? `Service code: ${s.serviceCode}` : '',
    s.modality ? `Modality: ${s.modality}` : '',
    s.attendees ? `Attendees: ${s.attendees}` : '',
    s.riskFlags.length ? `Risk flags: ${s.riskFlags.join(', ')}` : '',
  ].filter(Boolean);
  const sections = templateById(c.templateId).sections.map((sec) => `${sec.label}:\n${c.fields[sec.key] ?? ''}`);
  return [`Title: ${c.title}`, ...header, ...sections, c.body ? `Note:\n${c.body}` : ''].filter(Boolean).join('\n\n');
}

/** Both versions side by side; the clinician chooses. Nothing is overwritten silently. */
export function Conflict({ mine, theirs }: { mine: NoteContent; theirs: NoteContent }) {
  return (
    <section className="conflict" aria-label="Conflicting versions">
      <p>This note was changed elsewhere while you edited it. Both versions are kept in its history; choose which continues.</p>
      <div className="conflict-columns">
        <div>
          <h2>Your version</h2>
          <pre tabIndex={0} aria-label="Your version">{asText(mine)}</pre>
          <button type="button" onClick={() => void resolveConflict('mine')}>
            Keep mine
          </button>
        </div>
        <div>
          <h2>Saved version</h2>
          <pre tabIndex={0} aria-label="Saved version">{asText(theirs)}</pre>
          <button type="button" className="secondary" onClick={() => void resolveConflict('theirs')}>
            Use saved version
          </button>
        </div>
      </div>
    </section>
  );
}
