import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/disk';
import { pick } from '../../../helpers/service';
import { vaultWithClient } from './fixture';

describe('records request: measures and treatment plan', () => {
  it('holds every measure with its trend, and the plan with the notes that addressed each goal (never a psychotherapy note)', async () => {
    const { svc, call, clientId } = await vaultWithClient();
    await call('clients.update', { id: clientId, baseRev: 1, intakeDate: '2026-01-08' });
    const plan = await call('plan.save', {
      clientId,
      baseRev: null,
      problems: [{ text: 'Low mood', goals: [{ text: 'PHQ-9 under 10 <b>soon</b>', status: 'active', targetDate: '2026-06-01', measure: 'phq9', objectives: [{ text: 'Daily walk', status: 'met' }] }] }],
    });
    const goalId = plan.problems[0]!.goals[0]!.id;
    const session = (serviceDate: string) => ({ serviceDate, riskFlags: [], goalIds: [goalId] });
    await call('notes.create', { title: 'Session 2', clientId, kind: 'progress', session: session('2026-01-15') });
    await call('notes.create', { title: 'PRIVATE-PSYCHOTHERAPY-TITLE', clientId, kind: 'psychotherapy', session: session('2026-01-16') });
    await call('measures.add', { clientId, date: '2026-01-08', instrument: 'phq9', items: [2, 2, 2, 2, 2, 2, 2, 3, 1] });
    await call('measures.add', { clientId, date: '2026-03-05', instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 2, 0] });
    await call('measures.add', { clientId, date: '2026-03-05', instrument: 'gad7', items: [1, null, 1, 1, 1, 1, 1] });
    await call('measures.add', { clientId, date: '2026-03-05', instrument: 'custom', custom: { name: 'Sleep <script>', min: 0, max: 10, higherIsBetter: true }, score: 6 });

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
    expect(html).not.toContain('PRIVATE-PSYCHOTHERAPY-TITLE');
    expect(html).not.toContain('<script>');
  });
});
