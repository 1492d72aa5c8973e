import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

async function addClient(page: Page, name: string, intake: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await page.getByLabel('Name or client code').fill(name);
  await page.getByLabel('Intake date').fill(intake);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function backToClient(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** Answers a PHQ-9 with the mouse: item i gets answers[i]. */
async function answerByClicks(page: Page, answers: number[]) {
  const form = page.getByRole('form', { name: 'Add measure' });
  for (const [i, v] of answers.entries()) {
    await form.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) }).getByRole('radio').nth(v).check();
  }
}

/** Answers every item from the keyboard alone: Tab into each group, arrow keys to the answer (Space for the first). */
async function answerByKeyboard(page: Page, answers: number[]) {
  await page.getByLabel('Session note').focus();
  for (const v of answers) {
    await page.keyboard.press('Tab');
    if (v === 0) await page.keyboard.press('Space');
    for (let k = 0; k < v; k++) await page.keyboard.press('ArrowRight');
  }
}

const SCORES = [
  { date: '2026-01-08', items: [2, 2, 2, 2, 2, 2, 2, 3, 1], total: 18, band: 'moderately severe' },
  { date: '2026-02-05', items: [2, 2, 2, 1, 1, 1, 1, 2, 0], total: 12, band: 'moderate' },
  { date: '2026-03-05', items: [1, 1, 1, 1, 1, 1, 1, 2, 0], total: 9, band: 'mild' },
];

test('three PHQ-9s over time: chart points, summary and table agree; item 9 prompts in the record and the note', async ({ page }) => {
  await createVaultThroughUi(page);
  await addClient(page, 'Robin Ashdown', '2026-01-08');

  // The intake session's note, to link the first PHQ-9 to.
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await page.getByLabel('Title').fill('Intake session');
  await page.getByLabel('Date of service').fill('2026-01-08');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await backToClient(page, 'Robin Ashdown');

  const measures = page.getByRole('region', { name: 'Measures' });
  for (const [n, s] of SCORES.entries()) {
    await measures.getByRole('button', { name: 'Add measure' }).click();
    await page.getByLabel('Date given').fill(s.date);
    if (n === 0) {
      await page.getByLabel('Session note').selectOption({ label: '2026-01-08 Intake session' });
      await answerByKeyboard(page, s.items);
      await expect(page.getByRole('alert').filter({ hasText: 'Item 9 is above 0' })).toBeVisible();
      await expectAccessible(page, 'PHQ-9 form');
    } else {
      await answerByClicks(page, s.items);
    }
    await expect(page.getByText(`Total ${s.total} (${s.band})`)).toBeVisible();
    await page.getByRole('button', { name: 'Save PHQ-9' }).click();
    await expect(measures.getByRole('status')).toHaveText(`PHQ-9 saved: ${s.total} (${s.band}).`);
    if (n === 0) await expect(measures.getByRole('alert')).toContainText('Risk: PHQ-9 item 9 answered “Several days” on 8 Jan 2026.');
  }

  const trend = measures.getByRole('region', { name: 'PHQ-9' });
  const chart = trend.getByRole('img', { name: /PHQ-9 trend chart/ });
  await expect(chart.locator('circle.trend-point')).toHaveCount(3);
  await expect(chart).toContainText('Start of treatment');
  const summary = 'PHQ-9 down from 18 to 9 since intake, 8 Jan 2026: a clinically meaningful improvement (5 points or more).';
  await expect(trend.getByText(summary)).toBeVisible();
  const rows = trend.getByRole('table', { name: 'PHQ-9 scores' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  for (const [i, s] of SCORES.entries()) {
    const cells = rows.nth(i + 1).getByRole('cell');
    await expect(cells.nth(1)).toHaveText(String(s.total));
    await expect(cells.nth(2)).toHaveText(s.band);
  }
  await expect(rows.nth(1).getByRole('cell').nth(5)).toHaveText('Intake session');
  // The latest PHQ-9 has item 9 at 0: no prompt on the record now; the first one's flag stays in the table.
  await expect(measures.getByRole('alert')).toHaveCount(0);
  await expect(rows.nth(1)).toContainText('Risk: item 9 above 0');
  await expectAccessible(page, 'client record with PHQ-9 trend');

  // An incomplete GAD-7 is kept, flagged, without a total.
  await measures.getByRole('button', { name: 'Add measure' }).click();
  await page.getByLabel('Measure', { exact: true }).selectOption('gad7');
  await page.getByLabel('Date given').fill('2026-03-05');
  await page.getByRole('group', { name: /^1\. Feeling nervous/ }).getByRole('radio', { name: 'Several days (1)' }).check();
  await expect(page.getByText('Incomplete: 1 of 7 answered, so no total.')).toBeVisible();
  await page.getByRole('button', { name: 'Save GAD-7' }).click();
  await expect(measures.getByRole('status')).toHaveText('GAD-7 saved as incomplete.');
  await expect(measures.getByRole('table', { name: 'GAD-7 scores' })).toContainText('Incomplete (1 of 7 answered)');
  // The paper form turns up: correct the entry (a new revision of the same measure).
  await measures.getByRole('button', { name: 'Correct GAD-7 of 5 Mar 2026' }).click();
  const correction = page.getByRole('form', { name: 'Correct measure' });
  for (let i = 2; i <= 7; i++) await correction.getByRole('group', { name: new RegExp(`^${i}\\. `) }).getByRole('radio', { name: 'Not at all (0)' }).check();
  await correction.getByRole('button', { name: 'Save correction' }).click();
  await expect(measures.getByRole('status')).toHaveText('GAD-7 corrected: 1 (minimal).');
  await expect(measures.getByRole('table', { name: 'GAD-7 scores' })).not.toContainText('Incomplete');

  // A custom measure: name, range, direction, one score.
  await measures.getByRole('button', { name: 'Add measure' }).click();
  await page.getByLabel('Measure', { exact: true }).selectOption('custom');
  await page.getByLabel('Date given').fill('2026-03-05');
  await page.getByLabel('Name of the measure').fill('Sleep quality');
  await page.getByLabel('Highest score').fill('10');
  await page.getByLabel('Which way is better').selectOption('higher');
  await page.getByLabel('Score', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Save measure' }).click();
  await expect(measures.getByRole('status')).toHaveText('Sleep quality saved: 6.');
  await expect(measures.getByRole('region', { name: 'Sleep quality' }).getByText('Sleep quality 6 on 5 Mar 2026; one score so far.')).toBeVisible();

  // The linked note shows the risk prompt too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notes' }).click();
  await page.getByRole('button', { name: /Intake session/ }).first().click();
  await expect(page.getByRole('alert')).toContainText('Risk: PHQ-9 item 9 answered');
});

test('a treatment plan goal shows the progress notes that addressed it', async ({ page }) => {
  await createVaultThroughUi(page);
  await addClient(page, 'Sam Rivera', '2026-01-08');
  const plan = page.getByRole('region', { name: 'Treatment plan' });
  await plan.getByRole('button', { name: 'Start treatment plan' }).click();
  await page.getByLabel('Problem 1', { exact: true }).fill('Low mood most days since the divorce');
  await page.getByLabel('Goal 1.1 (measurable)').fill('PHQ-9 under 10 for four weeks');
  await page.getByLabel('Measured by').selectOption('phq9');
  await page.getByRole('button', { name: 'Add objective to goal 1.1' }).click();
  await page.getByLabel('Objective 1.1.1').fill('Walk 20 minutes, 3 days a week');
  await expectAccessible(page, 'treatment plan editor');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(plan.getByRole('status')).toHaveText('Plan saved.');
  await expect(plan.getByRole('heading', { name: 'Goal 1.1: PHQ-9 under 10 for four weeks' })).toBeVisible();
  await expect(plan.getByRole('list', { name: 'Notes that addressed goal 1.1' })).toHaveCount(0);

  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await page.getByLabel('Title').fill('Session 2');
  await page.getByLabel('Date of service').fill('2026-01-15');
  await page.getByRole('group', { name: 'Goals addressed' }).getByRole('checkbox', { name: 'PHQ-9 under 10 for four weeks' }).check();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expectAccessible(page, 'note with goals addressed');

  await backToClient(page, 'Sam Rivera');
  await expect(plan.getByRole('list', { name: 'Notes that addressed goal 1.1' }).getByRole('button')).toHaveText('15 Jan 2026: Session 2');
  await expectAccessible(page, 'treatment plan with a linked note');

  // The goal is met: a new version; the earlier one stays readable.
  await plan.getByRole('button', { name: 'Edit plan' }).click();
  await page.getByLabel('Status').first().selectOption('met');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(plan.getByText('Met', { exact: true })).toBeVisible();
  await plan.getByRole('button', { name: 'Show earlier versions' }).click();
  await expect(plan.getByRole('region', { name: 'Earlier versions' })).toContainText('PHQ-9 under 10 for four weeks (active)');

  // Goal text is searchable; a hit opens the client's record.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search' }).click();
  await page.getByLabel('Search notes').fill('four wee');
  const goals = page.getByRole('list', { name: 'Matching goals' });
  await expect(goals.getByRole('button')).toHaveCount(1);
  await expect(goals).toContainText('PHQ-9 under 10 for four weeks');
  await expectAccessible(page, 'search with a goal hit');
  await goals.getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Sam Rivera' })).toBeVisible();
});
