import { NOTE_KIND_INFO, NOTE_KINDS, TEMPLATE_IDS, TEMPLATES, type NoteKind, type TemplateId } from '../../../../src-shared/templates';
import { memo } from 'react';
import { changeKind, changeTemplate } from '../../actions/notes';
import { ClientPicker } from './ClientPicker';

/** Client, kind and template, from the shared template data. */
/** Memoized on what it shows, so a keystroke in the note's text skips it. */
export const KindTemplatePicker = memo(function KindTemplatePicker({
  clientId,
  kind,
  templateId,
  readOnly,
}: {
  clientId: string | null;
  kind: NoteKind;
  templateId: TemplateId;
  readOnly: boolean;
}) {
  return (
    <div className="picker-row">
      <ClientPicker clientId={clientId} readOnly={readOnly} />
      <div>
        <label htmlFor="note-kind">Kind of note</label>
        <select id="note-kind" value={kind} disabled={readOnly} aria-describedby="note-kind-hint" onChange={(e) => changeKind(e.target.value as NoteKind)}>
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {NOTE_KIND_INFO[k].label}
            </option>
          ))}
        </select>
        <p id="note-kind-hint" className="hint">
          {NOTE_KIND_INFO[kind].description}
        </p>
      </div>
      <div>
        <label htmlFor="note-template">Template</label>
        <select
          id="note-template"
          value={templateId}
          disabled={readOnly}
          aria-describedby="note-template-hint"
          onChange={(e) => changeTemplate(e.target.value as TemplateId)}
        >
          {TEMPLATE_IDS.map((t) => (
            <option key={t} value={t}>
              {TEMPLATES[t].label}
            </option>
          ))}
        </select>
        <p id="note-template-hint" className="hint">
          {TEMPLATES[templateId].description}
        </p>
      </div>
    </div>
  );
});
