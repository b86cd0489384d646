import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { createSession, TEST_FACILITATOR } from '../support/workshop.js';
import { seedAnswers, type Profile } from './seed.js';
import { collectErrors, PHONE, scrollsSideways, signInBrowser, snap } from './support.js';

const q = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;
const everywhere = (level: 1 | 2 | 3): Profile => Object.fromEntries(q.dimensions.map((d) => [d.id, level]));
const DESK = { width: 1440, height: 900 };

/** The first run sets Standort up; on a server set up before (other tests), this signs in instead. */
async function firstRunOrSignIn(page: Page) {
	await page.goto('/workshop/new');
	if (page.url().includes('/setup')) {
		await page.getByLabel('Name').fill(TEST_FACILITATOR.name);
		await page.getByLabel('E-Mail').fill(TEST_FACILITATOR.email);
		await page.getByLabel('Passwort').fill(TEST_FACILITATOR.password);
		await snap(page, 'accounts-setup');
		await page.getByTestId('account-submit').click();
	} else {
		await expect(page).toHaveURL(/\/login/);
		await signInHere(page);
	}
	await expect(page).toHaveURL(/\/workshop\/new|\/workshops/);
}

async function signInHere(page: Page) {
	await page.getByLabel('E-Mail').fill(TEST_FACILITATOR.email);
	await page.getByLabel('Passwort').fill(TEST_FACILITATOR.password);
	await page.getByTestId('account-submit').click();
}

async function createWorkshop(page: Page, title: string, client?: string) {
	if (!page.url().includes('/workshop/new')) await page.goto('/workshop/new');
	await page.getByLabel('Titel des Workshops').fill(title);
	if (client) await page.getByLabel('Kunde (Organisation)').fill(client);
	await page.getByTestId('create').click();
	await expect(page.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	return (await page.getByTestId('join-code').innerText()).replace(/\s/g, '');
}

async function reveal(page: Page) {
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('results-stage')).toBeVisible();
}

test('a facilitator account: set up, run a workshop, sign in on another browser, measure again, see the trend', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const first = await browser.newContext({ viewport: DESK, locale: 'de-DE' });
	const laptop = await first.newPage();
	const errors = collectErrors(laptop);
	await firstRunOrSignIn(laptop);
	const code = await createWorkshop(laptop, 'Klarheitsworkshop 2026', 'Nordlicht GmbH');
	await seedAnswers(baseURL!, code, q, [
		...[3, 3, 2].map((l) => ({ groupId: 'g1', profile: everywhere(l as 1 | 2 | 3) })),
		...[1, 1, 2].map((l) => ({ groupId: 'g2', profile: everywhere(l as 1 | 2 | 3) })),
		...[2, 2, 2].map((l) => ({ groupId: 'g3', profile: everywhere(l as 1 | 2 | 3) }))
	]);
	await expect(laptop.getByTestId('presence-total')).toHaveText('9');
	await reveal(laptop);
	await laptop.getByTestId('sign-out').click();
	await expect(laptop).toHaveURL(/\/login/);

	// Another browser, no facilitator link: signing in brings the workshop and its results back.
	const second = await browser.newContext({ viewport: DESK, locale: 'de-DE' });
	const other = await second.newPage();
	const otherErrors = collectErrors(other);
	await other.goto('/login');
	await signInHere(other);
	await expect(other.getByTestId('workspace')).toBeVisible();
	const item = other.getByTestId('workshop-item').filter({ hasText: code });
	await expect(item).toContainText('Nordlicht GmbH');
	await expect(item).toContainText('3 Personen');
	await snap(other, 'accounts-workshops');
	await item.getByRole('link', { name: 'Öffnen' }).click();
	await expect(other.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	await expect(other.getByTestId('results-stage')).toBeVisible();
	await expect(other.getByTestId('overall-g1')).toContainText('3 Personen');

	// Measuring again: a follow-up with the same groups, answered differently.
	await other.goto('/workshops');
	await other.getByTestId('workshop-item').filter({ hasText: code }).getByRole('link', { name: 'Folgemessung' }).click();
	await expect(other.getByTestId('follow-up-note')).toContainText('Klarheitsworkshop 2026');
	const next = await createWorkshop(other, 'Klarheitsworkshop 2027');
	await seedAnswers(baseURL!, next, q, [
		...[3, 3, 3].map((l) => ({ groupId: 'g1', profile: everywhere(l as 1 | 2 | 3) })),
		...[2, 2, 2].map((l) => ({ groupId: 'g2', profile: everywhere(l as 1 | 2 | 3) })),
		...[2, 3, 2].map((l) => ({ groupId: 'g3', profile: everywhere(l as 1 | 2 | 3) }))
	]);
	await reveal(other);

	await other.goto(`/workshop/${next}/trend`);
	await expect(other.getByTestId('trend-vision')).toBeVisible();
	await expect(other.getByTestId('trend-vision')).toContainText('Lücke kleiner');
	await snap(other, 'accounts-trend-desktop');
	const phone = await second.newPage();
	await phone.setViewportSize(PHONE);
	await phone.goto(`/workshop/${next}/trend`);
	await expect(phone.getByTestId('trend-vision')).toBeVisible();
	expect(await scrollsSideways(phone)).toBe(false);
	await snap(phone, 'accounts-trend-phone');

	expect(errors).toEqual([]);
	expect(otherErrors).toEqual([]);
	await first.close();
	await second.close();
});

test('a workshop run by link only is taken into the account from its console', async ({ browser, baseURL }) => {
	const created = await createSession(baseURL!, { title: 'Alter Link-Workshop' });
	// Make it link-only, as workshops created before accounts are.
	const db = new Database(join(process.env.STANDORT_E2E_DATA_DIR!, 'standort.sqlite'));
	db.prepare('UPDATE sessions SET owner_account_id = NULL WHERE code = ?').run(created.code);
	db.close();
	const context = await browser.newContext({ viewport: DESK, locale: 'de-DE' });
	const page = await context.newPage();
	const errors = collectErrors(page);
	// Opened by its link without an account: nothing to claim.
	await page.goto(new URL(created.facilitatorUrl).pathname + new URL(created.facilitatorUrl).hash);
	await expect(page.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	await expect(page.getByTestId('claim-workshop')).toHaveCount(0);
	// Signed in, the console offers to take it over; afterwards it is in the list.
	await signInBrowser(context, baseURL!);
	await page.reload();
	await expect(page.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	await page.getByTestId('claim-button').click();
	await expect(page.getByTestId('claim-workshop')).toContainText('Übernommen');
	await page.goto('/workshops');
	await expect(page.getByText('Alter Link-Workshop')).toBeVisible();
	// Owned now: the offer is gone.
	await page.goto(`/workshop/${created.code}`);
	await expect(page.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	await expect(page.getByTestId('claim-workshop')).toHaveCount(0);
	expect(errors).toEqual([]);
	await context.close();
});
