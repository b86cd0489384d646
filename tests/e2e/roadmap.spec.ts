import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { seedAnswers, type Profile } from './seed.js';
import { collectErrors, PHONE, PROJECTOR, scrollsSideways, snap, signInBrowser } from './support.js';

const q = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;
const everywhere = (level: 1 | 2 | 3): Profile => Object.fromEntries(q.dimensions.map((d) => [d.id, level]));

async function phone(browser: Browser) {
	const context = await browser.newContext({ viewport: PHONE, locale: 'de-DE', hasTouch: true, isMobile: true });
	const page = await context.newPage();
	return { context, page, errors: collectErrors(page) };
}

/** Steps the projector forward with the keyboard until it shows `step`. */
async function stepTo(screen: Page, step: string) {
	for (let i = 0; i < 30; i++) {
		if ((await screen.getByTestId('lobby').getAttribute('data-step')) === step) return;
		await screen.keyboard.press('ArrowRight');
		await screen.waitForTimeout(120);
	}
	throw new Error(`never reached ${step}`);
}

test('a whole workshop from creation to the summary: agree, ideas, vote, roadmap on the projector and three phones', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const fac = await browser.newContext({ viewport: PROJECTOR, locale: 'de-DE' });
	await signInBrowser(fac, baseURL!);
	const screen = await fac.newPage();
	const screenErrors = collectErrors(screen);
	await screen.goto('/workshop/new');
	await screen.getByLabel('Titel des Workshops').fill('Klarheitsworkshop Nordlicht');
	await screen.getByTestId('create').click();
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	const code = (await screen.getByTestId('join-code').innerText()).replace(/\s/g, '');

	// Nine colleagues answered earlier (three per group); three phones follow the room now.
	await seedAnswers(baseURL!, code, q, [
		...[3, 3, 2].map((l) => ({ groupId: 'g1', profile: everywhere(l as 1 | 2 | 3) })),
		...[1, 1, 2].map((l) => ({ groupId: 'g2', profile: everywhere(l as 1 | 2 | 3) })),
		...[2, 2, 1].map((l) => ({ groupId: 'g3', profile: everywhere(l as 1 | 2 | 3) }))
	]);
	const phones = await Promise.all([0, 1, 2].map(() => phone(browser)));
	for (const [i, p] of phones.entries()) {
		await p.page.goto(`/j/${code}`);
		await p.page.getByTestId(`group-g${i + 1}`).click();
		await expect(p.page.getByTestId('participant')).toHaveAttribute('data-phase', 'answering');
	}
	await expect(screen.getByTestId('presence-total')).toHaveText('12');

	// Reveal, then on to the first agreement.
	await stepTo(screen, 'agree');
	const agreeStage = screen.getByTestId('agree-stage');
	await expect(agreeStage.getByTestId('group-figures')).toBeVisible();
	const form = screen.getByTestId('agree-form');
	await form.getByRole('group', { name: 'Heute' }).getByLabel('Reaktiv').check();
	await form.getByRole('group', { name: 'In 12 Monaten' }).getByLabel('Optimierend').check();
	await form.getByLabel('Kernaussage').fill('Die Führung kennt eine Strategie, die im Team nie angekommen ist.');
	await form.getByTestId('save-agreement').click();
	await expect(agreeStage.getByTestId('agreement')).toContainText('Reaktiv');
	await expect(agreeStage.getByTestId('agreement')).toContainText('Optimierend');
	for (const p of phones) await expect(p.page.getByTestId('agreement')).toContainText('Die Führung kennt eine Strategie');
	await snap(screen, 'outcome-agree-projector');
	await snap(phones[0]!.page, 'outcome-agree-phone');

	// Ideas: every phone proposes; the wall fills on the projector; two duplicates are merged.
	await screen.getByRole('button', { name: 'Ideen', exact: true }).click();
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-step', 'ideas');
	const texts = [
		['Monatliche Auswertung der Beschwerdegründe mit Produkt', 'FAQ für die zehn häufigsten Fragen'],
		['FAQ zu den häufigsten Fragen'],
		['Kennzahl Wiederkauf nach Servicekontakt messen', '<b>Onboarding</b>-Checkliste für neue Kolleginnen']
	];
	for (const [i, p] of phones.entries()) {
		await expect(p.page.getByTestId('idea-form')).toBeVisible();
		for (const text of texts[i]!) {
			await p.page.getByLabel('Eure Idee').fill(text);
			await p.page.getByTestId('submit-idea').click();
			await expect(p.page.getByTestId('my-ideas')).toContainText(text);
		}
	}
	await expect(screen.getByTestId('wall-idea')).toHaveCount(5);
	// HTML in an idea is shown as text, not markup.
	await expect(screen.getByTestId('idea-wall')).toContainText('<b>Onboarding</b>-Checkliste');
	await expect(screen.getByTestId('idea-count')).toContainText('5 Ideen von 3 Personen');
	await snap(screen, 'outcome-ideas-projector');
	await snap(phones[0]!.page, 'outcome-ideas-phone');
	const mergeChoice = screen.getByLabel('Zusammenführen mit … FAQ zu den häufigsten Fragen', { exact: true });
	const duplicate = screen.getByTestId('moderated-idea').filter({ has: mergeChoice });
	await mergeChoice.selectOption({ label: 'FAQ für die zehn häufigsten Fragen' });
	await duplicate.getByRole('button', { name: 'Zusammenführen' }).click();
	await expect(screen.getByTestId('wall-idea')).toHaveCount(4);

	// Vote: three dots each, repeats allowed; totals stay hidden until voting ends.
	await screen.getByRole('button', { name: 'Abstimmung', exact: true }).click();
	for (const [i, p] of phones.entries()) {
		const board = p.page.getByTestId('vote-board');
		await expect(board).toBeVisible();
		const faq = board.getByTestId('vote-idea').filter({ hasText: 'FAQ für die zehn' });
		await faq.getByTestId('add-dot').click();
		if (i < 2) await faq.getByTestId('add-dot').click();
		await board.getByTestId('vote-idea').filter({ hasText: 'Beschwerdegründe' }).getByTestId('add-dot').click();
		await expect(board.getByTestId('votes-left')).toContainText(i < 2 ? 'Noch 0 Punkte' : 'Noch 1 Punkt');
		await expect(board.getByTestId('votes-left')).toContainText('gespeichert');
	}
	await expect(screen.getByTestId('voters')).toContainText('3 Personen haben abgestimmt');
	await snap(screen, 'outcome-vote-projector');
	await snap(phones[0]!.page, 'outcome-vote-phone');
	await screen.getByTestId('toggle-voting').click();
	const ranking = screen.getByTestId('ranking');
	await expect(ranking.locator('li').first()).toContainText('FAQ für die zehn häufigsten Fragen');
	await expect(ranking.locator('li').first()).toContainText('5 Punkte');
	await snap(screen, 'outcome-ranking-projector');

	// Roadmap: the two top ideas become measures; the timeline puts them in their months.
	await screen.getByRole('button', { name: 'Roadmap', exact: true }).click();
	await expect(screen.getByTestId('roadmap-editor')).toBeVisible();
	const take = async (idea: string, kind: 'Quick Win' | 'Projekt', start: number, end: number, owner: string) => {
		await screen.getByTestId('roadmap-editor').locator('li').filter({ hasText: idea }).getByTestId('idea-to-measure').click();
		const measure = screen.getByTestId('measure-form');
		await measure.getByLabel(kind).check();
		await measure.getByLabel('Beginn').selectOption({ index: start - 1 });
		await measure.getByLabel('Ende').selectOption({ index: end - 1 });
		await measure.getByLabel('Verantwortlich').fill(owner);
		await measure.getByTestId('save-measure').click();
		await expect(screen.getByTestId('measure-form')).toHaveCount(0);
	};
	await take('FAQ für die zehn', 'Quick Win', 1, 2, 'Teamleitung Service');
	await take('Beschwerdegründe', 'Projekt', 3, 9, 'Leitung Kundenservice');
	const bars = screen.getByTestId('timeline-bar');
	await expect(bars).toHaveCount(2);
	await expect(bars.nth(0)).toHaveAttribute('data-start', '1');
	await expect(bars.nth(1)).toHaveAttribute('data-end', '9');
	// Geometry: each bar spans exactly its months on the drawn axis.
	const geometry = await screen.getByTestId('roadmap-timeline').evaluate((root) => {
		const lines = [...root.querySelectorAll('line.grid')].map((l) => Number(l.getAttribute('x1')));
		return {
			lines,
			bars: [...root.querySelectorAll('[data-testid="timeline-bar"]')].map((g) => {
				const rect = g.querySelector('rect')!;
				return { start: Number(g.getAttribute('data-start')), end: Number(g.getAttribute('data-end')), x: Number(rect.getAttribute('x')), w: Number(rect.getAttribute('width')) };
			})
		};
	});
	// lines[i] is where month i + 1 begins (months have their real lengths on the time scale).
	for (const bar of geometry.bars) {
		expect(Math.abs(bar.x - geometry.lines[bar.start - 1]!)).toBeLessThanOrEqual(3);
		expect(Math.abs(bar.x + bar.w - geometry.lines[bar.end]!)).toBeLessThanOrEqual(3);
	}
	await snap(screen, 'outcome-roadmap-projector');

	// Keyboard: the project moves one month later; the quick win cannot be pushed past month 3.
	const project = screen.locator('[data-testid="timeline-bar"][data-end="9"]');
	await project.focus();
	await screen.keyboard.press('ArrowRight');
	await expect(screen.locator('[data-testid="timeline-bar"][data-start="4"][data-end="10"]')).toHaveCount(1);
	const quick = screen.locator('[data-testid="timeline-bar"][data-start="1"]');
	await quick.focus();
	await screen.keyboard.press('Shift+ArrowRight');
	await expect(screen.locator('[data-testid="timeline-bar"][data-start="1"][data-end="3"]')).toHaveCount(1);
	await screen.keyboard.press('Shift+ArrowRight');
	await screen.waitForTimeout(300);
	await expect(screen.locator('[data-testid="timeline-bar"][data-start="1"][data-end="3"]')).toHaveCount(1);
	// The phones show the roadmap the room sees.
	for (const p of phones) await expect(p.page.getByTestId('timeline-bar')).toHaveCount(2);
	await snap(phones[1]!.page, 'outcome-roadmap-phone');

	// Summary: measured, agreed, target, and the roadmap, on the projector and every phone.
	await screen.getByRole('button', { name: 'Ergebnis', exact: true }).click();
	await expect(screen.getByTestId('summary-stage')).toBeVisible();
	for (const p of phones) {
		await expect(p.page.getByTestId('summary-stage')).toContainText('Reaktiv');
		await expect(p.page.getByTestId('summary-stage').getByTestId('timeline-bar')).toHaveCount(2);
		expect(await scrollsSideways(p.page)).toBe(false);
	}
	await snap(screen, 'outcome-summary-projector');
	await snap(phones[2]!.page, 'outcome-summary-phone');

	// Everything is in the outcome API too.
	const token = await screen.evaluate((c) => (JSON.parse(localStorage.getItem(`standort:facilitator:${c}`) ?? '{}') as { token?: string }).token, code);
	const outcome = (await (await fetch(`${baseURL}/api/sessions/${code}/outcome`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
		measures: { title: string; startMonth: number; endMonth: number; kind: string }[];
		agreements: { current: number; target: number }[];
	};
	expect(outcome.measures.map((m) => [m.kind, m.startMonth, m.endMonth])).toEqual([
		['quick-win', 1, 3],
		['project', 4, 10]
	]);
	expect(outcome.agreements[0]).toMatchObject({ current: 1, target: 2 });

	expect(screenErrors).toEqual([]);
	for (const p of phones) {
		expect(p.errors).toEqual([]);
		await p.context.close();
	}
	await fac.close();
});
