import { useApp } from '../../store';

/** After a restore on a new computer, above the notes: what came back, from when, and what was kept aside. */
export function RestoreSummary() {
  const restored = useApp((s) => s.restored);
  if (!restored) return null;
  return (
    <section className="panel restore-summary" role="status" aria-labelledby="restore-summary-heading">
      <h2 id="restore-summary-heading">Restore complete</h2>
      <p>{restored.restored}</p>
      <p>{restored.keptAside}</p>
      <button type="button" className="secondary" onClick={() => useApp.setState({ restored: null })}>
        Done
      </button>
    </section>
  );
}
