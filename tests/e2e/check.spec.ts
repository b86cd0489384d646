import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { computeCheckResult } from '../../src/lib/core/check-result.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { collectErrors, LAPTOP, PHONE, scrollsSideways, snap } from './support.js';

const q = JSON.parse(readFileSync('questionnaires/service-maturity-1.0.0.json', 'utf8')) as Questionnaire;

// A realistic profile: strong vision and tools, a weak plan, two "don't know" answers.
const wanted: Record<string, 1 | 2 | 3> = { vision: 3, goals: 2, planning: 1, organisation: 2, engagement: 2, technology: 3 };
const dontKnow = new Set([q.questions[2]!.id, q.questions[11]!.id]);
const plan = q.questions.map((question) =>
	dontKnow.has(question.id) ? null : question.options.findIndex((o) => o.level === wanted[question.dimension])
);
const answers = Object.fromEntries(q.questions.map((question, i) => [question.id, plan[i] === null ? null : question.options[plan[i]!]!.id]));
const expected = computeCheckResult(q, answers);

async function answer(page: Page, i: number) {
	await expect(page.getByText(`Frage ${i + 1} von 20`)).toBeVisible();
	const pick = plan[i];
	if (pick === null || pick === undefined) await page.getByTestId('dont-know').click();
	else await page.getByTestId('option').nth(pick).click();
	await page.getByTestId('next').click();
}

test('a person takes the check on a phone, resumes after a reload and shares the result', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE, locale: 'de-DE' });
	const page = await context.newPage();
	const errors = collectErrors(page);
	await page.goto('/');
	await page.getByTestId('start-check').click();
	await expect(page.getByTestId('check-flow')).toHaveAttribute('data-ready', 'true');
	await snap(page, 'check-question-phone');
	expect(await scrollsSideways(page)).toBe(false);

	for (let i = 0; i < 8; i++) await answer(page, i);
	await page.reload();
	await expect(page.getByTestId('check-flow')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByText('Frage 9 von 20')).toBeVisible();
	// The earlier answers survived the reload too.
	await page.getByRole('button', { name: 'Zurück' }).click();
	await expect(page.getByTestId('option').nth(plan[7]!)).toHaveClass(/selected/);
	await page.getByTestId('next').click();
	for (let i = 8; i < 20; i++) await answer(page, i);

	await expect(page).toHaveURL(/\/check\/result\?/);
	const overallLabel = q.levels[expected.overall!.level - 1]!.label.de;
	await expect(page.getByTestId('overall-level')).toHaveText(overallLabel);
	await expect(page.getByTestId('overall-index')).toHaveText(String(expected.overall!.index));
	const planning = expected.dimensions.find((d) => d.dimensionId === 'planning')!;
	await expect(page.locator('tr[data-dimension="planning"] [data-testid="dimension-level"]')).toHaveText(q.levels[planning.score!.level - 1]!.label.de);
	await expect(page.getByTestId('tension')).toHaveCount(expected.consistency.tensions.length);
	await expect(page.getByTestId('dont-know-finding')).toContainText('2 von 20');
	await expect(page.getByTestId('recommendation').first()).toBeVisible();
	expect(await scrollsSideways(page)).toBe(false);
	await snap(page, 'check-result-phone');

	// The share link alone, in a fresh browser without the saved answers, gives the same result.
	const link = await page.getByTestId('share-link').inputValue();
	const other = await browser.newContext({ viewport: LAPTOP, locale: 'de-DE' });
	const shared = await other.newPage();
	const sharedErrors = collectErrors(shared);
	await shared.goto(link);
	await expect(shared.getByTestId('overall-level')).toHaveText(overallLabel);
	await expect(shared.getByTestId('overall-index')).toHaveText(String(expected.overall!.index));
	await expect(shared.getByTestId('weakest')).toHaveText(q.dimensions.find((d) => d.id === expected.overall!.weakestDimensionId)!.label.de);
	expect(await scrollsSideways(shared)).toBe(false);
	await snap(shared, 'check-result-desktop');
	await shared.emulateMedia({ media: 'print' });
	await snap(shared, 'check-result-print');

	expect(errors).toEqual([]);
	expect(sharedErrors).toEqual([]);
	await other.close();
	await context.close();
});

test('the check works with the keyboard alone, in English', async ({ browser }) => {
	const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto('/check?new=1');
	await expect(page.getByTestId('check-flow')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByText('Question 1 of 20')).toBeVisible();
	await page.keyboard.press('2');
	await expect(page.getByTestId('option').nth(1)).toHaveClass(/selected/);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 2 of 20')).toBeVisible();
	await page.keyboard.press('0');
	await expect(page.getByTestId('dont-know')).toHaveClass(/selected/);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 3 of 20')).toBeVisible();
	await snap(page, 'check-question-desktop');
	await context.close();
});
