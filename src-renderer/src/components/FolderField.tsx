/** A folder for a document the clinician saves. Documents are written there and nowhere else. */
export function FolderField({ id, value, onChange }: { id: string; value: string; onChange: (dir: string) => void }) {
  return (
    <>
      <label htmlFor={id}>Folder to save to (full path)</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
    </>
  );
}
