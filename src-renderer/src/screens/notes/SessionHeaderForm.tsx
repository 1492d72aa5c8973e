import { memo } from 'react';
import { MODALITIES, type SessionHeader } from '../../../../src-shared/contract/notes';
import { editDraft } from '../../actions/notes';

const MODALITY_LABELS: Record<(typeof MODALITIES)[number], string> = { 'in-person': 'In person', video: 'Video', phone: 'Phone' };
const COMMON_RISKS = ['Suicidal ideation', 'Self-harm', 'Harm to others', 'Substance use', 'Abuse or neglect'];

/**
 * Date, time, duration, service code, modality, attendees and risk flags of the session.
 * `billing` false (psychotherapy notes) leaves out the service code: they are kept apart from billing.
 */
export const SessionHeaderForm = memo(function SessionHeaderForm({ session, readOnly, billing }: { session: SessionHeader; readOnly: boolean; billing: boolean }) {
  // Optional values are dropped rather than sent empty, so the service sees "not given".
  function set<K extends keyof SessionHeader>(key: K, value: SessionHeader[K] | '' | undefined) {
    const next = { ...session };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value as SessionHeader[K];
    editDraft({ session: { ...next, serviceDate: next.serviceDate ?? '', riskFlags: next.riskFlags ?? [] } });
  }
  const risks = [...COMMON_RISKS, ...session.riskFlags.filter((r) => !COMMON_RISKS.includes(r))];
  function toggleRisk(flag: string, on: boolean) {
    set('riskFlags', on ? [...session.riskFlags, flag] : session.riskFlags.filter((r) => r !== flag));
  }
  return (
    <fieldset className="session-header" disabled={readOnly}>
      <legend>Session</legend>
      <div className="session-grid">
        <div>
          <label htmlFor="session-date">Date of service</label>
          <input id="session-date" type="date" required value={session.serviceDate} onChange={(e) => set('serviceDate', e.target.value)} />
        </div>
        <div>
          <label htmlFor="session-start">Start time</label>
          <input id="session-start" type="time" value={session.startTime ?? ''} onChange={(e) => set('startTime', e.target.value)} />
        </div>
        <div>
          <label htmlFor="session-duration">Duration (minutes)</label>
          <input
            id="session-duration"
            type="number"
            min={1}
            max={1440}
            value={session.durationMinutes ?? ''}
            onChange={(e) => set('durationMinutes', e.target.value === '' ? '' : Number(e.target.value))}
          />
        </div>
        {billing && (
          <div>
            <label htmlFor="session-code">Service code</label>
            <input id="session-code" placeholder="e.g. CPT 90834" value={session.serviceCode ?? ''} onChange={(e) => set('serviceCode', e.target.value)} />
          </div>
        )}
        <div>
          <label htmlFor="session-modality">Modality</label>
          <select id="session-modality" value={session.modality ?? ''} onChange={(e) => set('modality', e.target.value as SessionHeader['modality'] | '')}>
            <option value="">Not recorded</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {MODALITY_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="session-attendees">Attendees</label>
          <input id="session-attendees" placeholder="e.g. client and mother" value={session.attendees ?? ''} onChange={(e) => set('attendees', e.target.value)} />
        </div>
      </div>
      <fieldset className="risk-flags">
        <legend>Risk flags</legend>
        {risks.map((flag) => (
          <label key={flag} className="check">
            <input type="checkbox" checked={session.riskFlags.includes(flag)} onChange={(e) => toggleRisk(flag, e.target.checked)} />
            {flag}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
});
