/**
 * Clinical vocabulary for the synthetic practice: sentence patterns per note section with slots
 * filled from word lists, so search over the vault behaves like search over real notes (common
 * words everywhere, clinical terms in some notes, names in a few).
 */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo',
  'Amelia', 'Benjamin', 'Harper', 'Henry', 'Evelyn', 'Theodore', 'Abigail', 'Daniel', 'Emily', 'Samuel',
  'Ella', 'Jackson', 'Scarlett', 'Sebastian', 'Grace', 'David', 'Chloe', 'Joseph', 'Priya', 'Arjun', 'Mei',
  'Wei', 'Fatima', 'Omar', 'Aisha', 'Yusuf', 'Sofia', 'Diego', 'Lucia', 'Carlos', 'Hannah', 'Ethan', 'Nora',
  'Caleb', 'Zoe', 'Isaac', 'Leah', 'Gabriel', 'Ruth', 'Marcus', 'Dana', 'Tomas', 'Ingrid', 'Kofi', 'Amara',
  'Rosa', 'Malik', 'Keiko', 'Hiro', 'Anya', 'Pavel', 'Siobhan', 'Declan', 'Naomi', 'Elliot', 'Maya', 'Jonah',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker',
  'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson',
  'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Okafor', 'Patel', 'Kowalski',
  'Novak', 'Haddad', 'Yamamoto', 'Chen', 'Murphy', "O'Brien", 'Lindqvist', 'Mensah', 'Fischer', 'Costa',
];

const SLOTS = {
  symptom: [
    'panic attacks', 'racing thoughts', 'early morning waking', 'difficulty falling asleep', 'low mood',
    'anhedonia', 'irritability', 'intrusive memories', 'nightmares', 'hypervigilance', 'social withdrawal',
    'excessive worry', 'poor concentration', 'fatigue', 'tearfulness', 'appetite changes', 'rumination',
    'avoidance of crowded places', 'chest tightness', 'feelings of worthlessness', 'compulsive checking',
    'emotional numbness', 'outbursts of anger', 'dissociative episodes', 'binge eating', 'restlessness',
  ],
  feeling: [
    'anxious', 'overwhelmed', 'hopeless', 'ashamed', 'guilty', 'lonely', 'frustrated', 'relieved', 'hopeful',
    'numb', 'resentful', 'calmer', 'on edge', 'exhausted', 'more confident', 'angry', 'sad', 'grateful',
  ],
  person: [
    'mother', 'father', 'partner', 'husband', 'wife', 'sister', 'brother', 'son', 'daughter', 'supervisor',
    'manager', 'roommate', 'ex-partner', 'grandmother', 'best friend', 'teacher', 'coworker', 'stepfather',
  ],
  event: [
    'a conflict at work', 'an argument with their partner', 'the anniversary of a death', 'a job interview',
    'a family gathering', 'a medical appointment', 'the custody hearing', 'a breakup', 'a layoff',
    'a move to a new apartment', 'a car accident', 'exam week', 'a difficult visit home', 'a promotion',
    'the funeral', 'a holiday with in-laws', 'a court date', 'a miscarriage', 'a diagnosis in the family',
  ],
  intervention: [
    'cognitive restructuring', 'a thought record', 'behavioral activation', 'diaphragmatic breathing',
    'progressive muscle relaxation', 'exposure hierarchy work', 'motivational interviewing',
    'EMDR processing', 'grounding techniques', 'DBT distress tolerance skills', 'mindfulness practice',
    'psychoeducation about the anxiety cycle', 'sleep hygiene review', 'values clarification',
    'a safety planning review', 'role play of assertive communication', 'chain analysis',
    'imaginal exposure', 'cognitive processing therapy worksheets', 'acceptance and commitment exercises',
  ],
  theme: [
    'grief', 'perfectionism', 'attachment', 'self-worth', 'boundaries with family', 'trauma history',
    'work stress', 'parenting', 'identity', 'loss of control', 'abandonment fears', 'caregiver burnout',
    'relationship conflict', 'financial strain', 'chronic pain', 'infertility', 'sobriety', 'body image',
  ],
  measure: ['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT', 'Columbia screen', 'DASS-21', 'ORS', 'SRS'],
  med: ['sertraline', 'escitalopram', 'fluoxetine', 'bupropion', 'venlafaxine', 'trazodone', 'lamotrigine', 'quetiapine'],
  substance: ['alcohol', 'cannabis', 'nicotine', 'stimulants', 'opioids'],
  affect: ['congruent', 'constricted', 'blunted', 'tearful', 'anxious', 'euthymic', 'bright', 'labile', 'flat'],
  appearance: ['well groomed', 'casually dressed', 'disheveled', 'appropriately dressed', 'tired looking'],
  goal: [
    'reduce panic frequency', 'return to work', 'improve sleep', 'repair the relationship with their mother',
    'maintain sobriety', 'increase social contact', 'set limits with their manager', 'process the loss',
    'decrease self-harm urges', 'improve co-parenting communication', 'resume exercise', 'finish the degree',
  ],
  frequency: ['daily', 'several times a week', 'once this week', 'most nights', 'twice since last session', 'rarely'],
  homework: [
    'a thought record', 'a sleep diary', 'a mood log', 'the exposure log', 'a gratitude list', 'a values worksheet',
    'the safety plan', 'an activity schedule', 'a worry postponement log', 'a urge-surfing record',
  ],
  collateral: ['the prescriber', 'their primary care physician', 'the school counselor', 'the case manager', 'their psychiatrist'],
  routine: [
    'sleeping about six hours a night', 'eating irregularly', 'walking most mornings', 'working long shifts',
    'spending evenings alone', 'seeing friends on weekends', 'skipping meals', 'going to the gym again',
    'napping in the afternoon', 'staying up late on their phone', 'cooking for the family again',
  ],
  reaction: ['countertransference', 'own reaction', 'urge to fix things', 'felt sense', 'boredom', 'protectiveness'],
  support: ['consultation', 'supervision', 'my peer group', 'my own therapy'],
  impasse: ['rupture', 'tension', 'impasse', 'enactment', 'distance', 'pull toward advice'],
  material: ['Dream material', 'An early memory', 'A recurring image', 'A fantasy the client shared'],
  access: ['No access to firearms', 'No weapons in the home', 'Medications are kept by their partner', 'Lives alone, no weapons'],
  riskStep: ['Safety plan discussed and provided in writing', 'Crisis numbers reviewed', 'Means restriction discussed', 'Follow-up call scheduled'],
  number: ['2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '14', '15', '17', '19', '21'],
  diagnosis: [
    'generalized anxiety disorder', 'major depressive disorder, recurrent, moderate', 'PTSD', 'panic disorder',
    'adjustment disorder with mixed anxiety and depressed mood', 'alcohol use disorder, mild', 'OCD',
    'persistent depressive disorder', 'social anxiety disorder', 'insomnia disorder', 'bipolar II disorder',
  ],
} as const;

export type Slot = keyof typeof SLOTS;

/** Slots that describe the client's situation: each client's notes keep returning to a few of these. */
const PROFILE_SLOTS: readonly Slot[] = [
  'symptom', 'person', 'event', 'intervention', 'theme', 'measure', 'med', 'substance', 'goal', 'diagnosis',
  'homework', 'collateral', 'routine', 'reaction', 'impasse', 'material', 'access', 'riskStep',
];

/** A client's own few values per slot; sentences about them draw from it most of the time. */
export type ClientProfile = Partial<Record<Slot, readonly string[]>>;

export function drawProfile(pick: <T>(items: readonly T[]) => T): ClientProfile {
  const profile: ClientProfile = {};
  for (const slot of PROFILE_SLOTS) {
    const words = SLOTS[slot];
    const size = Math.max(1, Math.round(words.length / 6));
    const chosen = new Set<string>();
    while (chosen.size < size) chosen.add(pick(words));
    profile[slot] = [...chosen];
  }
  return profile;
}

export const SENTENCES = {
  subjective: [
    'Client reports {symptom} {frequency} since the last session.',
    'Client stated that they felt {feeling} after {event}.',
    'Client described {symptom} and {symptom}, worse in the evenings.',
    'Client said their {person} has been more supportive, and they feel {feeling} about it.',
    'Client reports {substance} use {frequency}, which they link to {theme}.',
    'Client rated their mood {number} out of 10 and their anxiety {number} out of 10.',
    'Client shared that {event} brought up old feelings about {theme}.',
    'Client reports taking {med} as prescribed with no new side effects.',
    'Client noticed {symptom} before {event} and used the breathing skill with partial relief.',
    'Client expressed worry that their {person} will not understand their need for {theme}.',
    'Client reports {routine}, with {symptom}.',
    'Client talked at length about {theme} and how it shows up with their {person}.',
  ],
  objective: [
    'Client was {appearance}, alert and oriented, with {affect} affect.',
    'Speech was normal in rate and volume; thought process linear and goal directed.',
    '{measure} score today was {number}, compared with {number} at intake.',
    'Client was {affect} when discussing their {person} and {theme}.',
    'Eye contact was good; client engaged well with {intervention}.',
    'No evidence of psychosis. Client denied suicidal ideation, intent or plan.',
    'Client arrived on time, {appearance}, and was cooperative throughout.',
  ],
  assessment: [
    'Client is making gradual progress toward the goal to {goal}.',
    'Symptoms remain consistent with {diagnosis}; {symptom} continues to interfere with functioning.',
    'Client responded well to {intervention} and showed insight into {theme}.',
    'Risk is assessed as low; protective factors include their {person} and commitment to treatment.',
    'Progress is slower than expected given {event}; {theme} remains a barrier.',
    'Client demonstrates improved use of coping skills, with fewer episodes of {symptom}.',
    'Ambivalence about change around {substance} use persists; motivation appears to be increasing.',
  ],
  plan: [
    'Continue weekly sessions focused on {theme}.',
    'Client will complete {intervention} homework {frequency} and bring it next session.',
    'Repeat the {measure} in four weeks to track change.',
    'Coordinate with {collateral} about {med} and the report of {symptom}.',
    'Next session will introduce {intervention} to target {symptom}.',
    'Review {homework} at the start of next session given recent {symptom}.',
    'Refer to a support group for {theme}; client agreed to consider it.',
  ],
  data: [
    'Client discussed {event} and reported feeling {feeling} afterwards.',
    'Session focused on {theme}; we practiced {intervention}.',
    'Client reports {symptom} {frequency} and rated distress {number} out of 10.',
    'Client brought {homework} about their {person}.',
    'Client described a pattern of {symptom} when thinking about {theme}.',
    'Client was {affect} and {appearance}; engaged well in {intervention}.',
  ],
  process: [
    'I noticed a strong pull to reassure the client when they spoke about their {person}.',
    'The client seemed to test whether I would reject them, echoing {theme} with their {person}.',
    'Hypothesis: {symptom} serves to protect against feelings of being {feeling}.',
    'My {reaction} today was strong, possibly mirroring how their {person} responds.',
    'Something shifted when we named {theme}; the client went quiet and then tearful.',
    'I wonder whether the focus on {event} is a way of avoiding the {theme} underneath.',
    'Consider bringing this case to {support}: the {impasse} around {theme} is not yet resolved.',
    '{material}: being lost in a house with their {person}; themes of {theme} and control.',
  ],
  history: [
    'Client grew up with their {person} and describes the household as chaotic, with {theme}.',
    'Past treatment includes a trial of {med} and brief counseling in college for {symptom}.',
    'Family history is notable for {diagnosis} in their {person}.',
    'Client reports {substance} use beginning in adolescence, currently {frequency}.',
    'Medical history includes chronic headaches and a recent {event}.',
    'Client works full time; current stressors include {theme} and {event}.',
    'No prior hospitalizations. One episode of {symptom} after {event} several years ago.',
  ],
  risk: [
    'Client denies current suicidal ideation; reports passive thoughts during {event} last year.',
    'No history of self-harm. {access}. Protective factors: their {person}, pets, faith.',
    '{measure} reviewed today. {riskStep}.',
    'Client denies homicidal ideation. No history of violence.',
  ],
  diagnosis: [
    'Working diagnosis: {diagnosis}. Rule out {diagnosis}.',
    'Symptoms of {symptom} and {symptom} meet criteria for {diagnosis}.',
  ],
  addendum: [
    'Addendum: client called after the session to report {symptom}; {riskStep} by phone.',
    'Addendum: {measure} results received and reviewed; score {number}.',
    'Correction: the session referred to the client\u2019s {person}, not their {person}.',
    'Addendum: collateral contact with {collateral} about {med}.',
  ],
} as const;

export type SentenceKind = keyof typeof SENTENCES;

export function slotWords(slot: Slot): readonly string[] {
  return SLOTS[slot];
}

/** 50 searches a clinician would plausibly type: symptoms, techniques, measures, people, names. */
export const SEARCH_QUERIES = [
  'panic', 'panic attacks', 'suicidal ideation', 'safety plan', 'nightmares', 'sleep', 'insomnia', 'grief',
  'PHQ-9', 'GAD-7 score', 'PCL-5', 'EMDR', 'thought record', 'behavioral activation', 'exposure hierarchy',
  'sertraline', 'bupropion side effects', 'alcohol', 'cannabis use', 'sobriety', 'custody hearing',
  'miscarriage', 'funeral', 'layoff', 'promotion', 'mother', 'stepfather', 'supervisor conflict',
  'boundaries with family', 'perfectionism', 'abandonment', 'caregiver burnout', 'chronic pain', 'body image',
  'countertransference', 'rupture', 'dream', 'hypervigilance', 'dissociative', 'compulsive checking',
  'binge eating', 'self-harm', 'firearms', 'Columbia screen', 'prescriber', 'consultation', 'Okafor',
  'Priya Patel', 'Nguyen', 'Kowal',
] as const;
