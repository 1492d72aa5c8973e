/** "From" and "To" calendar days (`YYYY-MM-DD`, '' = open), each in its own cell of the caller's layout. */
export function DateRange<T extends { from: string; to: string }>({ idPrefix, value, onChange }: { idPrefix: string; value: T; onChange: (v: T) => void }) {
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-from`}>From</label>
        <input id={`${idPrefix}-from`} type="date" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`}>To</label>
        <input id={`${idPrefix}-to`} type="date" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </div>
    </>
  );
}
