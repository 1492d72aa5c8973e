import { memo } from 'react';
import { templateById, type TemplateId } from '../../../../src-shared/templates';
import { editDraft } from '../../actions/notes';

/** One labelled textarea per section of the note's template. */
export const SectionFields = memo(function SectionFields({
  templateId,
  fields,
  readOnly,
  spellCheck,
}: {
  templateId: TemplateId;
  fields: Record<string, string>;
  readOnly: boolean;
  spellCheck: boolean;
}) {
  const sections = templateById(templateId).sections;
  if (sections.length === 0) return null;
  return (
    <div className="sections">
      {sections.map((s) => (
        <div key={s.key} className="section-field">
          <label htmlFor={`field-${s.key}`}>{s.label}</label>
          <textarea
            id={`field-${s.key}`}
            rows={3}
            placeholder={s.hint}
            value={fields[s.key] ?? ''}
            readOnly={readOnly}
            spellCheck={spellCheck}
            onChange={(e) => editDraft({ fields: { ...fields, [s.key]: e.target.value } })}
          />
        </div>
      ))}
    </div>
  );
});
