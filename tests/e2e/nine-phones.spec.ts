import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { referenceFigures } from '../support/reference-figures.js';
import { createSession } from '../support/workshop.js';
import { collectErrors, PHONE, PROJECTOR, snap } from './support.js';

const q = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;

async function phone(browser: Browser) {
	const context = await browser.newContext({ viewport: PHONE, locale: 'de-DE', hasTouch: true, isMobile: true });
	const page = await context.newPage();
	return { context, page, errors: collectErrors(page) };
}

/**
 * One person answers every question through the phone's UI, pausing `paceMs` before each. `level`
 * says which level to pick; the option's position comes from the file, since 2.0.0 shows options
 * in a varied order.
 */
async function answerAll(page: Page, paceMs: number, level: (question: number) => 1 | 2 | 3) {
	for (let i = 0; i < q.questions.length; i++) {
		await page.waitForTimeout(paceMs);
		await expect(page.getByText(`Frage ${i + 1} von ${q.questions.length}`)).toBeVisible();
		await page.getByTestId('option').nth(q.questions[i]!.options.findIndex((o) => o.level === level(i))).click();
		await page.getByTestId('next').click();
	}
	await expect(page.getByTestId('participant-done')).toBeVisible();
}

test('nine phones at their own pace: the reveal counts every answer of every person', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const created = await createSession(baseURL!, { title: 'Neun Telefone', organisation: 'Nordlicht GmbH' });
	const fac = await browser.newContext({ viewport: PROJECTOR, locale: 'de-DE' });
	const screen = await fac.newPage();
	const screenErrors = collectErrors(screen);
	await screen.goto(`/workshop/${created.code}#token=${created.facilitatorToken}`);
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');

	const people = await Promise.all(Array.from({ length: 9 }, () => phone(browser)));
	for (const [i, p] of people.entries()) {
		await p.page.goto(`/j/${created.code}`);
		await p.page.getByTestId(`group-g${(i % 3) + 1}`).click();
	}
	// Leadership picks higher options, the team lower ones; paces differ up to 4× within each group.
	await Promise.all(
		people.map((p, i) => {
			const group = i % 3;
			const pace = [30, 60, 120][Math.floor(i / 3)]!;
			return answerAll(p.page, pace, (question) => (group === 0 ? ((question + i) % 4 === 0 ? 2 : 3) : group === 1 ? 1 : 2));
		})
	);
	for (const g of ['g1', 'g2', 'g3']) await expect(screen.getByTestId(`presence-${g}`).getByTestId('finished')).toHaveText('3');
	await expect(screen.getByTestId('reveal-note')).toContainText('Alle sind fertig');

	await screen.keyboard.press('ArrowRight');
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-step', 'overall');
	const reference = referenceFigures(process.env.STANDORT_E2E_DATA_DIR!, created.code, q);
	for (const g of ['g1', 'g2', 'g3']) {
		const card = screen.getByTestId(`overall-${g}`);
		await expect(card).toContainText('3 Personen');
		const figures = reference.groups[g]!;
		if (figures.suppressed || !figures.overall) throw new Error(`group ${g} should have figures`);
		await expect(card).toContainText(`${figures.overall.index}`);
	}
	await snap(screen, 'nine-phones-overall-projector');

	// Every group has a figure in every dimension, equal to the computation from the SQLite file.
	await screen.keyboard.press('ArrowRight');
	await expect(screen.getByTestId('heatmap')).toBeVisible();
	await expect(screen.getByTestId('cell-empty')).toHaveCount(0);
	await expect(screen.getByTestId('cell-suppressed')).toHaveCount(0);
	for (const g of ['g1', 'g2', 'g3']) {
		const figures = reference.groups[g]!;
		if (figures.suppressed) throw new Error(`group ${g} should have figures`);
		for (const d of q.dimensions) {
			const mean = figures.dimensions[d.id]!.mean.toFixed(2).replace('.', ',');
			await expect(screen.getByTestId(`cell-${g}-${d.id}`)).toContainText(mean);
		}
	}
	await snap(screen, 'nine-phones-groups-projector');
	// The phones moved on with the room, results first.
	for (const p of people) await expect(p.page.getByTestId('moved-on')).toBeVisible();
	await snap(people[0]!.page, 'nine-phones-groups-phone');

	// Reopen answering: one person changes an answer. At the next reveal the figures stay as they
	// were and the screen says one change is held back, and why.
	const before = await screen.getByTestId('heatmap').innerText();
	await screen.keyboard.press('ArrowLeft');
	await screen.keyboard.press('ArrowLeft');
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-step', 'hidden');
	const changer = people[0]!.page;
	await expect(changer.getByTestId('participant-done')).toBeVisible();
	await changer.getByRole('button', { name: 'Antworten ansehen oder ändern' }).click();
	// Its first question was answered at level 2 (leadership, question 0 of person 0): level 1 is a change.
	await changer.getByTestId('option').nth(q.questions[0]!.options.findIndex((o) => o.level === 1)).click();
	await expect(changer.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
	await screen.keyboard.press('ArrowRight');
	await screen.keyboard.press('ArrowRight');
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-step', 'groups');
	await expect(screen.getByTestId('held-g1')).toContainText('Die Änderungen einer Person werden zurückgehalten');
	expect(await screen.getByTestId('heatmap').innerText()).toBe(before);
	await snap(screen, 'nine-phones-held-projector');

	expect(screenErrors).toEqual([]);
	for (const p of people) {
		expect(p.errors).toEqual([]);
		await p.context.close();
	}
	await fac.close();
});
