import type { Measure } from '../../../../src-shared/contract/measures';
import { FREQUENCY_OPTIONS, PHQ9 } from '../../../../src-shared/measures/instruments';
import { shortDate } from '../../../../src-shared/measures/trend';

/** PHQ-9 item 9 above 0: the clinician is asked to assess risk now. Shown in the client's record and in the linked note. */
export function RiskPrompt({ measure }: { measure: Measure }) {
  const answer = measure.items?.[8];
  return (
    <div className="risk-prompt" role="alert">
      <strong>Risk: PHQ-9 item 9 answered “{answer == null ? '' : FREQUENCY_OPTIONS[answer]}” on {shortDate(measure.date)}.</strong> “{PHQ9.items[8]}”. Assess
      suicide risk in this session and record the assessment and plan in the note.
    </div>
  );
}
