import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/disk';
import { pdfText, qpdfCheck } from '../../../helpers/pdf';
import { pick } from '../../../helpers/service';
import { vaultWithClient } from './fixture';

/** A client with a plan, measures and notes that addressed its goal: one signed, one draft, one psychotherapy note. */
async function practice() {
  const v = await vaultWithClient();
  const { call, clientId } = v;
  await call('clients.update', { id: clientId, baseRev: 1, intakeDate: '2026-01-08' });
  const plan = await call('plan.save', {
    clientId,
    baseRev: null,
    problems: [{ text: 'Low mood', goals: [{ text: 'PHQ-9 under 10 <b>soon</b>', status: 'active', targetDate: '2026-06-01', measure: 'phq9', objectives: [{ text: 'Daily walk', status: 'met' }] }] }],
  });
  const goalId = plan.problems[0]!.goals[0]!.id;
  const session = (serviceDate: string) => ({ serviceDate, riskFlags: [], goalIds: [goalId] });
  const signed = await call('notes.create', { title: 'Session 2', clientId, kind: 'progress', session: session('2026-01-15') });
  await call('notes.sign', { id: signed.id, baseRev: signed.rev });
  await call('notes.create', { title: 'DRAFT-NOTE-TITLE', clientId, kind: 'progress', session: session('2026-01-22') });
  await call('notes.create', { title: 'PRIVATE-PSYCHOTHERAPY-TITLE', clientId, kind: 'psychotherapy', session: session('2026-01-16') });
  await call('measures.add', { clientId, date: '2026-01-08', instrument: 'phq9', items: [2, 2, 2, 2, 2, 2, 2, 3, 1] });
  await call('measures.add', { clientId, date: '2026-03-05', instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 2, 0] });
  await call('measures.add', { clientId, date: '2026-03-05', instrument: 'gad7', items: [1, null, 1, 1, 1, 1, 1] });
  await call('measures.add', { clientId, date: '2026-03-05', instrument: 'custom', custom: { name: 'Sleep <script>', min: 0, max: 10, higherIsBetter: true }, score: 6 });
  return v;
}

describe('records request: measures and treatment plan', () => {
  it('the HTML copy holds every measure with its trend, and the plan with the notes of the copy that addressed each goal', async () => {
    const { svc, call, clientId } = await practice();
    const out = await call('export.client', { clientId, format: 'html', folder: await pick(svc, 'export-folder', tempDir('sv-export-')) });
    const html = fs.readFileSync(out.path, 'utf8');
    expect(html).toContain('<h2>Measures</h2>');
    expect(html).toContain('PHQ-9 down from 18 to 9 since intake, 8 Jan 2026: a clinically meaningful improvement (5 points or more).');
    expect(html).toContain('<tr><td>8 Jan 2026</td><td>18</td><td>moderately severe</td><td>Item 9 above 0</td></tr>');
    expect(html).toContain('<tr><td>5 Mar 2026</td><td>—</td><td>—</td><td>Incomplete (6 of 7 answered)</td></tr>');
    expect(html).toContain('<h3>Sleep &lt;script&gt;</h3>');
    expect(html).toContain('<h2>Treatment plan</h2>');
    expect(html).toContain('<h4>Goal 1.1: PHQ-9 under 10 &lt;b&gt;soon&lt;/b&gt;</h4>');
    expect(html).toContain('<li>Target date: 1 Jun 2026</li>');
    expect(html).toContain('<li>Daily walk (met)</li>');
    expect(html).toContain('<li>15 Jan 2026: Session 2</li>');
    expect(html).toContain('Measures given (PHQ-9, GAD-7, Sleep &lt;script&gt;), each with its scores and trend.');
    // Notes the copy leaves out are not named under a goal either.
    expect(html).not.toContain('PRIVATE-PSYCHOTHERAPY-TITLE');
    expect(html).not.toContain('DRAFT-NOTE-TITLE');
    expect(html).not.toContain('<script>');
  });

  it('the PDF copy says the same, and measures outside the requested dates are left out', async () => {
    const { svc, call, clientId } = await practice();
    const out = await call('export.client', { clientId, format: 'pdf', from: '2026-03-01', folder: await pick(svc, 'export-folder', tempDir('sv-export-')) });
    qpdfCheck(out.path);
    const text = pdfText(out.path);
    expect(text).toContain('Measures PHQ-9 PHQ-9 9 on 5 Mar 2026; one score so far.');
    expect(text).toContain('Goal 1.1: PHQ-9 under 10 <b>soon</b>');
    expect(text).toContain('Notes that addressed this goal: none in this copy.');
    expect(text).not.toContain('moderately severe'); // the 8 Jan PHQ-9, before the requested dates
    expect(text).not.toContain('DRAFT-NOTE-TITLE');
    expect(text).not.toContain('PRIVATE-PSYCHOTHERAPY-TITLE');
  });
});
