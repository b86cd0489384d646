import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { createSession } from '../support/workshop.js';
import { seedAnswers, type Profile } from './seed.js';
import { collectErrors, PHONE, PROJECTOR, snap } from './support.js';

const q = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;
const p = (vision: 1 | 2 | 3, goals: 1 | 2 | 3, planning: 1 | 2 | 3, organisation: 1 | 2 | 3, engagement: 1 | 2 | 3, technology: 1 | 2 | 3): Profile => ({ vision, goals, planning, organisation, engagement, technology });

test('the facilitator steps through the reveal; phones follow; a small group stays hidden', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const created = await createSession(baseURL!, {
		title: 'Service-Klausur 2027',
		organisation: 'Nordlicht GmbH',
		groups: [
			{ label: { de: 'Führung', en: 'Leadership' }, role: 'leadership' },
			{ label: { de: 'Service-Team', en: 'Service team' }, role: 'team' },
			{ label: { de: 'Andere Abteilungen', en: 'Other departments' }, role: 'other' },
			{ label: 'Vertrieb', role: 'other' }
		]
	});
	// Leadership sees a strategic service; the team lives a reactive one; the others sit between.
	await seedAnswers(baseURL!, created.code, q, [
		...[p(3, 3, 3, 2, 3, 3), p(3, 2, 3, 2, 2, 3), p(3, 3, 2, 3, 2, 3), p(2, 3, 3, 2, 3, 2)].map((profile) => ({ groupId: 'g1', profile })),
		...[p(2, 1, 1, 1, 2, 2), p(1, 1, 1, 2, 1, 2), p(2, 2, 1, 1, 3, 1), p(1, 1, 2, 1, 1, 2)].map((profile) => ({ groupId: 'g2', profile })),
		...[p(2, 2, 1, 1, 2, 3), p(2, 1, 2, 1, 2, 3), p(3, 2, 1, 2, 2, 3)].map((profile) => ({ groupId: 'g3', profile })),
		...[p(1, 1, 1, 1, 1, 1)].map((profile) => ({ groupId: 'g4', profile }))
	]);

	const fac = await browser.newContext({ viewport: PROJECTOR, locale: 'de-DE' });
	const screen = await fac.newPage();
	const errors = collectErrors(screen);
	await screen.goto(`/workshop/${created.code}#token=${created.facilitatorToken}`);
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
	await expect(screen.getByTestId('presence-total')).toHaveText('12');

	// One phone of the team answers through the UI, then waits for the reveal.
	const phoneCtx = await browser.newContext({ viewport: PHONE, locale: 'de-DE', isMobile: true, hasTouch: true });
	const phone = await phoneCtx.newPage();
	const phoneErrors = collectErrors(phone);
	await phone.goto(`/j/${created.code}`);
	await phone.getByTestId('group-g2').click();
	for (let i = 0; i < q.questions.length; i++) {
		await phone.getByTestId('option').nth(i % 2).click();
		await phone.getByTestId('next').click();
	}
	await expect(phone.getByTestId('participant-done')).toBeVisible();
	await expect(phone.getByTestId('phone-results')).toContainText('sobald die Moderation');

	const steps = ['overall', 'groups', 'gaps', 'agenda', 'deep-dive'];
	for (const step of steps) {
		await screen.keyboard.press('ArrowRight');
		await expect(screen.getByTestId('lobby')).toHaveAttribute('data-step', step);
		await expect(screen.getByTestId('results-stage')).toBeVisible();
		await expect(phone.getByTestId('results-stage')).toHaveAttribute('data-step', step);
		await screen.waitForTimeout(300);
		await snap(screen, `results-${step}-projector`);
		await snap(phone, `results-${step}-phone`);
	}
	// The small group is named but never shown, on the projector and on the phone alike.
	await screen.keyboard.press('ArrowLeft');
	await screen.keyboard.press('ArrowLeft');
	await screen.keyboard.press('ArrowLeft');
	await expect(screen.getByTestId('lobby')).toHaveAttribute('data-step', 'groups');
	await expect(screen.getByTestId('cell-suppressed').first()).toContainText('Noch 2 Personen');
	await expect(phone.getByTestId('cell-suppressed').first()).toContainText('Noch 2 Personen');
	await expect(screen.getByTestId('heatmap')).toContainText('⚡');
	await screen.getByRole('button', { name: 'Netzdiagramm' }).click();
	await expect(screen.getByTestId('radar')).toBeVisible();
	await snap(screen, 'results-radar-projector');

	// The chart downloads as a real file.
	await screen.keyboard.press('ArrowRight');
	const download = screen.waitForEvent('download');
	await screen.getByRole('group', { name: 'Diagramm herunterladen' }).getByRole('button', { name: 'SVG' }).click();
	const svgFile = await download;
	expect(svgFile.suggestedFilename()).toBe('standort-gaps.svg');
	// Framed for use elsewhere: the chart's title and legend above, the date below.
	const svgText = readFileSync((await svgFile.path())!, 'utf8');
	for (const text of ['Wo die Sichtweisen auseinandergehen', 'Führung', 'Service-Team', String(new Date().getFullYear())]) expect(svgText).toContain(text);
	const png = screen.waitForEvent('download');
	await screen.getByRole('group', { name: 'Diagramm herunterladen' }).getByRole('button', { name: 'PNG' }).click();
	expect((await png).suggestedFilename()).toBe('standort-gaps.png');

	// 1280×720 projectors get the same view without sideways scrolling.
	await screen.setViewportSize({ width: 1280, height: 720 });
	await snap(screen, 'results-gaps-1280');
	expect(await screen.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

	expect(errors).toEqual([]);
	expect(phoneErrors).toEqual([]);
	await phoneCtx.close();
	await fac.close();
});
