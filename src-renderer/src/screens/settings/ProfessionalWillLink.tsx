import { useApp } from '../../store';

/** Settings' way to the professional will page (records custodians). */
export function ProfessionalWillLink() {
  return (
    <section className="panel" aria-labelledby="will-link-heading">
      <h2 id="will-link-heading">Professional will</h2>
      <p>Name records custodians who together can open the records if you cannot, and make their kits.</p>
      <button type="button" className="secondary" onClick={() => useApp.setState({ view: 'will' })}>
        Records custodians
      </button>
    </section>
  );
}
