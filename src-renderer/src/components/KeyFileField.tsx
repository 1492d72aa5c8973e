/** The key file's path, asked for with the password when the vault has one. */
export function KeyFileField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={id}>Key file (full path)</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
    </>
  );
}
