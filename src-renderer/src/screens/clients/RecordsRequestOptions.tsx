import { DateRange } from '../../components/DateRange';

/** What a records-request copy holds, as the clinician chooses it: drafts or not, which dates. */
export interface RecordsOptions {
  includeUnsigned: boolean;
  from: string;
  to: string;
}

export function RecordsRequestOptions({ value, onChange }: { value: RecordsOptions; onChange: (v: RecordsOptions) => void }) {
  return (
    <>
      <fieldset className="choice">
        <legend>Unsigned drafts</legend>
        <label>
          <input type="radio" name="unsigned" checked={!value.includeUnsigned} onChange={() => onChange({ ...value, includeUnsigned: false })} />
          Leave them out (recommended: only signed notes are the finished record)
        </label>
        <label>
          <input type="radio" name="unsigned" checked={value.includeUnsigned} onChange={() => onChange({ ...value, includeUnsigned: true })} />
          Include them, marked “UNSIGNED DRAFT” on every page
        </label>
      </fieldset>
      <fieldset className="dates">
        <legend>Dates of service (leave empty for all)</legend>
        <div className="row">
          <DateRange idPrefix="records" value={value} onChange={onChange} />
        </div>
      </fieldset>
    </>
  );
}

/** The request as the core takes it (empty dates left out). */
export function recordsRequest(clientId: string, o: RecordsOptions) {
  return { clientId, includeUnsigned: o.includeUnsigned, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
}
