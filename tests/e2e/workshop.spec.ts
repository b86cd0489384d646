import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { join } from 'node:path';
import { collectErrors, PHONE, PROJECTOR, scrollsSideways, snap, signInBrowser } from './support.js';

const QUESTIONS = 20;

async function phone(browser: Browser, locale = 'de-DE') {
	const context = await browser.newContext({ viewport: PHONE, locale, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	return { context, page, errors: collectErrors(page) };
}

/** Answers question `i` with its option `pick` (0-based) and moves on. */
async function answer(page: Page, i: number, pick: number) {
	await expect(page.getByText(new RegExp(`(Frage|Question) ${i + 1} (von|of) ${QUESTIONS}`))).toBeVisible();
	await page.getByTestId('option').nth(pick).click();
	await page.getByTestId('next').click();
}

test('a facilitator and three phones run the answering part of a workshop', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const fac = await browser.newContext({ viewport: PROJECTOR, locale: 'de-DE' });
	await signInBrowser(fac, baseURL!);
	const lobby = await fac.newPage();
	const lobbyErrors = collectErrors(lobby);
	await lobby.goto('/workshop/new');
	await lobby.getByLabel('Titel des Workshops').fill('Service-Klausur 2027');
	await lobby.getByLabel('Kunde (Organisation)').fill('Nordlicht GmbH');
	await lobby.getByTestId('create').click();
	await expect(lobby.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	// The token left the address bar (it would otherwise be on the projector).
	expect(lobby.url()).not.toContain('token');
	const code = (await lobby.getByTestId('join-code').innerText()).replace(/\s/g, '');
	expect(code).toMatch(/^[A-Z2-9]{6}$/);
	await snap(lobby, 'workshop-lobby-empty');

	// Three phones, one per group: one types the code, the others come through the QR link.
	const people = await Promise.all(['de-DE', 'de-DE', 'en-GB'].map((l) => phone(browser, l)));
	const [a, b, c] = people as [typeof people[0], typeof people[0], typeof people[0]];
	await a.page.goto('/join');
	await a.page.getByLabel('Code').fill(code.toLowerCase());
	await snap(a.page, 'workshop-join-phone');
	await a.page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(a.page.getByTestId('participant')).toHaveAttribute('data-ready', 'true');
	await snap(a.page, 'workshop-group-phone');
	await a.page.getByTestId('group-g1').click();
	await b.page.goto(`/j/${code}`);
	await b.page.getByTestId('group-g2').click();
	await c.page.goto(`/j/${code}`);
	await c.page.getByTestId('group-g3').click();
	for (const p of people) await expect(p.page.getByTestId('participant')).toHaveAttribute('data-phase', 'answering');
	await expect(lobby.getByTestId('presence-total')).toHaveText('3');

	// A answers straight through.
	await a.page.getByTestId('option').first().click();
	await expect(a.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
	await snap(a.page, 'workshop-question-phone');
	await a.page.getByTestId('next').click();
	for (let i = 1; i < QUESTIONS; i++) await answer(a.page, i, i % 3);
	await expect(a.page.getByTestId('participant-done')).toBeVisible();
	await snap(a.page, 'workshop-done-phone');

	// B loses the connection for three questions, then reloads in the middle: nothing is lost.
	for (let i = 0; i < 5; i++) await answer(b.page, i, 1);
	await b.context.setOffline(true);
	for (let i = 5; i < 8; i++) await answer(b.page, i, 2);
	await b.page.getByRole('button', { name: 'Zurück' }).click();
	await expect(b.page.getByTestId('save-state')).toHaveAttribute('data-state', 'queued');
	await snap(b.page, 'workshop-offline-phone');
	await b.context.setOffline(false);
	await expect(b.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
	await b.page.reload();
	await expect(b.page.getByTestId('participant')).toHaveAttribute('data-phase', 'answering');
	await expect(b.page.getByText('Frage 8 von 20')).toBeVisible();
	await expect(b.page.getByTestId('option').nth(2)).toHaveClass(/selected/);
	await b.page.getByTestId('next').click();
	for (let i = 8; i < QUESTIONS; i++) await answer(b.page, i, 0);
	await expect(b.page.getByTestId('participant-done')).toBeVisible();

	// C answers in English, half-way.
	for (let i = 0; i < 10; i++) await answer(c.page, i, 0);

	await expect(lobby.getByTestId('presence-g1').getByTestId('finished')).toHaveText('1');
	await expect(lobby.getByTestId('presence-g2').getByTestId('finished')).toHaveText('1');
	await expect(lobby.getByTestId('presence-g3').getByTestId('answering')).toHaveText('1');
	await snap(lobby, 'workshop-lobby-projector');

	// Locking keeps newcomers out with a clear message.
	await lobby.getByTestId('lock-toggle').click();
	await expect(lobby.getByTestId('session-status')).toHaveAttribute('data-status', 'locked');
	const late = await phone(browser);
	await late.page.goto(`/j/${code}`);
	await late.page.getByTestId('group-g1').click();
	await expect(late.page.getByTestId('participant-error')).toContainText('geschlossen');

	// Every answer B gave is on disk exactly once, with the value B chose last: option 2 for the
	// first five questions, option 3 for the three answered offline, option 1 from the reload on.
	const q = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;
	const chosen = (i: number) => q.questions[i]!.options[i < 5 ? 1 : i < 8 ? 2 : 0]!.id;
	const db = new Database(join(process.env.STANDORT_E2E_DATA_DIR!, 'standort.sqlite'), { readonly: true });
	const rows = db
		.prepare(`SELECT a.question_id AS questionId, a.option_id AS optionId FROM answers a JOIN participants p ON p.id = a.participant_id
			JOIN sessions s ON s.id = p.session_id WHERE s.code = ? AND p.group_id = 'g2' ORDER BY a.question_id`)
		.all(code) as { questionId: string; optionId: string }[];
	db.close();
	expect(rows).toHaveLength(QUESTIONS);
	expect(Object.fromEntries(rows.map((r) => [r.questionId, r.optionId]))).toEqual(Object.fromEntries(q.questions.map((question, i) => [question.id, chosen(i)])));

	for (const p of [...people, late]) {
		expect(await scrollsSideways(p.page)).toBe(false);
		expect(p.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(e))).toEqual([]);
		await p.context.close();
	}
	expect(lobbyErrors).toEqual([]);
	await fac.close();
});
