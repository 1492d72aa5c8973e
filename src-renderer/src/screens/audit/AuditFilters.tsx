import { auditEventName } from '../../../../src-shared/audit-labels';
import { AUDIT_EVENT_TYPES, type AuditEventType, type AuditFilter } from '../../../../src-shared/contract/audit';
import { ClientSelect } from '../../components/ClientSelect';
import { DateRange } from '../../components/DateRange';
import { dayStartMs } from '../../components/format';

/** What the filter fields hold: ids and calendar days as typed ('' = any). */
export interface AuditFilterFields {
  clientId: string;
  type: AuditEventType | '';
  from: string;
  to: string;
}

/** The filter as the core takes it: whole local days, both ends inclusive. */
export function toAuditFilter(f: AuditFilterFields): AuditFilter {
  const from = dayStartMs(f.from);
  const to = dayStartMs(f.to);
  return {
    ...(f.clientId ? { clientId: f.clientId } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to: to + 86_399_999 } : {}),
  };
}

export function AuditFilters({ value, onChange, onError }: { value: AuditFilterFields; onChange: (f: AuditFilterFields) => void; onError: (message: string) => void }) {
  return (
    <div className="filters">
      <div>
        <ClientSelect id="audit-client" value={value.clientId} onChange={(clientId) => onChange({ ...value, clientId })} onError={onError} />
      </div>
      <div>
        <label htmlFor="audit-type">Event</label>
        <select id="audit-type" value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value as AuditEventType | '' })}>
          <option value="">All events</option>
          {AUDIT_EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {auditEventName(t)}
            </option>
          ))}
        </select>
      </div>
      <DateRange idPrefix="audit" value={value} onChange={onChange} />
    </div>
  );
}
