/** A labelled whole-number input; with `optional`, an empty box means "none" (null). */
export function NumberField({
  id,
  label,
  min,
  max,
  value,
  onChange,
  optional = false,
}: {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number | null;
  onChange: (value: number | null) => void;
  optional?: boolean;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value ?? ''}
        onChange={(e) => onChange(optional && e.target.value === '' ? null : Number(e.target.value))}
      />
    </>
  );
}
