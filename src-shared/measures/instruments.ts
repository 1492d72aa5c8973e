/**
 * The standard measures, as published. PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer,
 * Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.;
 * no permission is required to reproduce, translate, display or distribute them. The item
 * wording below is the published English wording, word for word.
 */

export const STANDARD_INSTRUMENTS = ['phq9', 'gad7'] as const;
export type StandardInstrument = (typeof STANDARD_INSTRUMENTS)[number];

export interface Band {
  /** Inclusive bounds of the total. */
  min: number;
  max: number;
  label: string;
}

export interface InstrumentDef {
  id: StandardInstrument;
  /** "PHQ-9" */
  name: string;
  /** What the form asks before the items. */
  stem: string;
  items: readonly string[];
  /** Each item is answered 0..3 with these words. */
  options: readonly string[];
  /** The highest possible total. */
  maxTotal: number;
  bands: readonly Band[];
  /**
   * The smallest change in the total counted as clinically meaningful. PHQ-9: 5 points (Löwe et
   * al. 2004; the instrument's own monitoring guidance). GAD-7: 4 points (Toussaint et al. 2020,
   * minimal clinically important difference ≈ 4).
   */
  meaningfulChange: number;
  /** The 1-based item whose answer above 0 calls for a risk prompt (PHQ-9 item 9), if any. */
  riskItem?: number;
}

/** The four answers both forms use, in score order 0..3. */
export const FREQUENCY_OPTIONS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;

export const PHQ9: InstrumentDef = {
  id: 'phq9',
  name: 'PHQ-9',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  options: FREQUENCY_OPTIONS,
  maxTotal: 27,
  bands: [
    { min: 0, max: 4, label: 'minimal' },
    { min: 5, max: 9, label: 'mild' },
    { min: 10, max: 14, label: 'moderate' },
    { min: 15, max: 19, label: 'moderately severe' },
    { min: 20, max: 27, label: 'severe' },
  ],
  meaningfulChange: 5,
  riskItem: 9,
};

/** The PHQ-9's closing question: recorded with the form, not part of the total. */
export const PHQ9_DIFFICULTY = {
  question:
    'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
  options: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'],
} as const;

export const GAD7: InstrumentDef = {
  id: 'gad7',
  name: 'GAD-7',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ],
  options: FREQUENCY_OPTIONS,
  maxTotal: 21,
  bands: [
    { min: 0, max: 4, label: 'minimal' },
    { min: 5, max: 9, label: 'mild' },
    { min: 10, max: 14, label: 'moderate' },
    { min: 15, max: 21, label: 'severe' },
  ],
  meaningfulChange: 4,
};

export const INSTRUMENTS: Record<StandardInstrument, InstrumentDef> = { phq9: PHQ9, gad7: GAD7 };
