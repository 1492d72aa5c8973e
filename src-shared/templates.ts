/**
 * Note templates and note kinds, as data. The editor renders a template's sections in order;
 * the core checks that a note's `fields` only use keys of its template. Adding a template is
 * adding an entry here, never a code branch.
 */

export const NOTE_KINDS = ['progress', 'intake', 'treatment-plan', 'discharge', 'psychotherapy', 'free'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const TEMPLATE_IDS = ['soap', 'dap', 'birp', 'girp', 'intake', 'treatment-plan', 'discharge', 'free'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateSection {
  /** Key in a note's `fields`; lowercase letters, digits and dashes. */
  key: string;
  label: string;
  /** One line shown as a placeholder under the label. */
  hint: string;
}

export interface NoteTemplate {
  id: TemplateId;
  label: string;
  description: string;
  /** Empty for `free`: the whole note is the free-text `body`. */
  sections: readonly TemplateSection[];
}

export interface NoteKindInfo {
  id: NoteKind;
  label: string;
  description: string;
  defaultTemplate: TemplateId;
}

const s = (key: string, label: string, hint: string): TemplateSection => ({ key, label, hint });

export const TEMPLATES = {
  soap: {
    id: 'soap',
    label: 'SOAP',
    description: 'Subjective, Objective, Assessment, Plan.',
    sections: [
      s('subjective', 'Subjective', 'What the client reports: mood, symptoms, events since last session, in their words.'),
      s('objective', 'Objective', 'What you observed: affect, appearance, behaviour, test scores.'),
      s('assessment', 'Assessment', 'Your clinical impression and progress toward goals.'),
      s('plan', 'Plan', 'Next steps, homework, next session, referrals.'),
    ],
  },
  dap: {
    id: 'dap',
    label: 'DAP',
    description: 'Data, Assessment, Plan.',
    sections: [
      s('data', 'Data', 'What the client said and did, and what you observed.'),
      s('assessment', 'Assessment', 'Your interpretation and progress toward goals.'),
      s('plan', 'Plan', 'Next steps, homework, next session.'),
    ],
  },
  birp: {
    id: 'birp',
    label: 'BIRP',
    description: 'Behaviour, Intervention, Response, Plan.',
    sections: [
      s('behavior', 'Behaviour', 'Presenting behaviour, mood and statements.'),
      s('intervention', 'Intervention', 'What you did in session and why.'),
      s('response', 'Response', 'How the client responded to the intervention.'),
      s('plan', 'Plan', 'Next steps, homework, next session.'),
    ],
  },
  girp: {
    id: 'girp',
    label: 'GIRP',
    description: 'Goals, Intervention, Response, Plan.',
    sections: [
      s('goals', 'Goals', 'Treatment goals addressed in this session.'),
      s('intervention', 'Intervention', 'What you did in session and why.'),
      s('response', 'Response', 'How the client responded.'),
      s('plan', 'Plan', 'Next steps, homework, next session.'),
    ],
  },
  intake: {
    id: 'intake',
    label: 'Intake assessment',
    description: 'First-session assessment.',
    sections: [
      s('presenting-problem', 'Presenting problem', 'Why the client is seeking help now, in their words.'),
      s('history', 'History', 'Psychiatric, medical, family, social and substance use history.'),
      s('mental-status', 'Mental status', 'Appearance, mood, affect, thought process, cognition, insight.'),
      s('risk', 'Risk assessment', 'Suicide, self-harm, violence; protective factors.'),
      s('diagnosis', 'Diagnostic impression', 'Working diagnosis and rule-outs.'),
      s('plan', 'Initial plan', 'Recommended treatment, frequency, referrals.'),
    ],
  },
  'treatment-plan': {
    id: 'treatment-plan',
    label: 'Treatment plan',
    description: 'Problems, goals, objectives and interventions.',
    sections: [
      s('problems', 'Problems', 'Problems to address, in order of priority.'),
      s('goals', 'Goals', 'Long-term goals the client agrees with.'),
      s('objectives', 'Objectives', 'Measurable short-term objectives with target dates.'),
      s('interventions', 'Interventions', 'Planned interventions and frequency of sessions.'),
    ],
  },
  discharge: {
    id: 'discharge',
    label: 'Discharge summary',
    description: 'End-of-treatment summary.',
    sections: [
      s('reason', 'Reason for discharge', 'Goals met, client choice, referral, other.'),
      s('summary', 'Course of treatment', 'Summary of treatment and progress.'),
      s('status', 'Status at discharge', 'Symptoms and functioning at the last contact.'),
      s('recommendations', 'Recommendations', 'Aftercare, referrals, relapse prevention.'),
    ],
  },
  free: {
    id: 'free',
    label: 'Free text',
    description: 'No sections: one free-text body.',
    sections: [],
  },
} as const satisfies Record<TemplateId, NoteTemplate>;

export const NOTE_KIND_INFO = {
  progress: { id: 'progress', label: 'Progress note', description: 'A regular session note, part of the client record.', defaultTemplate: 'soap' },
  intake: { id: 'intake', label: 'Intake', description: 'The first assessment of a new client.', defaultTemplate: 'intake' },
  'treatment-plan': { id: 'treatment-plan', label: 'Treatment plan', description: 'Goals and planned interventions.', defaultTemplate: 'treatment-plan' },
  discharge: { id: 'discharge', label: 'Discharge summary', description: 'The summary at the end of treatment.', defaultTemplate: 'discharge' },
  psychotherapy: {
    id: 'psychotherapy',
    label: 'Psychotherapy note',
    description:
      'Your private process notes, kept apart from the client record and never included in a records-request export (HIPAA §164.501).',
    defaultTemplate: 'free',
  },
  free: { id: 'free', label: 'Free note', description: 'Anything else, as free text.', defaultTemplate: 'free' },
} as const satisfies Record<NoteKind, NoteKindInfo>;

export function templateById(id: TemplateId): NoteTemplate {
  return TEMPLATES[id];
}

/** The parts of a note an addendum can amend: the session header, the template's sections, the free text. */
export function amendableParts(template: TemplateId): { key: string; label: string }[] {
  return [
    { key: 'session', label: 'Session details' },
    ...templateById(template).sections.map((s) => ({ key: s.key, label: s.label })),
    { key: 'note', label: 'Note' },
  ];
}
