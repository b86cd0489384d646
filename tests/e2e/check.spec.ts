import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeAnswers } from '../../src/lib/core/answer-code.js';
import { computeCheckResult } from '../../src/lib/core/check-result.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { collectErrors, LAPTOP, PHONE, scrollsSideways, snap } from './support.js';

test.use({ locale: 'de-DE' });

const load = (version: string) => JSON.parse(readFileSync(`questionnaires/service-maturity-${version}.json`, 'utf8')) as Questionnaire;
/** The default questionnaire: what a person gets from the home page. */
const q = load('2.0.0');

// A realistic profile: strong vision and tools, a weak plan, two "don't know" answers.
const wanted: Record<string, 1 | 2 | 3> = { vision: 3, goals: 2, planning: 1, organisation: 2, engagement: 2, technology: 3 };
const dontKnow = new Set([q.questions[2]!.id, q.questions[11]!.id]);
// Options are shown in the file's (varied) order, so each answer's position comes from the file.
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

/** Serious and critical axe findings (WCAG 2.x A/AA rules and best practices), as readable lines. */
async function axeProblems(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** WCAG contrast ratio of two computed colours (`rgb(r, g, b)`). */
function contrast(a: string, b: string): number {
	const luminance = (css: string) => {
		const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

/** The colours that matter for contrast on the result page, as the browser computed them. */
const colours = (page: Page) =>
	page.evaluate(() => {
		const style = (el: Element) => getComputedStyle(el);
		const svg = document.querySelector('[data-testid="dimension-bars"]')!;
		return {
			bands: [...svg.querySelectorAll('.bands rect')].map((r) => style(r).fill),
			bars: [...svg.querySelectorAll('rect.bar')].map((r) => style(r).stroke),
			missing: [...svg.querySelectorAll('rect.missing')].map((r) => style(r).stroke),
			pills: [...document.querySelectorAll('[data-testid="overall"] .scale li')].map((li) => ({ text: style(li).color, background: style(li).backgroundColor })),
			cardBackground: style(document.querySelector('[data-testid="overall"]')!).backgroundColor
		};
	});

test('a person takes the check on a phone, resumes after a reload, comes back to the result, and shares it', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE, locale: 'de-DE' });
	const page = await context.newPage();
	const errors = collectErrors(page);
	await page.goto('/');
	await page.getByTestId('start-check').click();
	await expect(page.getByTestId('check-flow')).toHaveAttribute('data-ready', 'true');
	// The instructions come before the first question: answer for today, the more modest option when in doubt.
	await expect(page.getByTestId('instructions')).toContainText('im Zweifel die bescheidenere');
	await snap(page, 'check-question-phone');
	expect(await scrollsSideways(page)).toBe(false);
	expect(await axeProblems(page)).toEqual([]);

	for (let i = 0; i < 8; i++) await answer(page, i);
	await page.reload();
	await expect(page.getByTestId('check-flow')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByText('Frage 9 von 20')).toBeVisible();
	await expect(page.getByTestId('instructions')).toHaveCount(0);
	// The earlier answers survived the reload too.
	await page.getByRole('button', { name: 'Zurück' }).click();
	await expect(page.getByTestId('option').nth(plan[7]!)).toHaveClass(/selected/);
	await page.getByTestId('next').click();
	for (let i = 8; i < 20; i++) await answer(page, i);

	await expect(page).toHaveURL(/\/check\/result\?/);
	const resultUrl = page.url();
	// The profile comes first: how many dimensions sit on each level.
	for (const [step, count] of Object.entries(expected.profile.counts))
		if (count > 0 || step.length === 1) await expect(page.locator(`[data-testid="profile-count"][data-step="${step}"] .count`)).toHaveText(String(count));
	expect(await page.locator('section.card').first().getAttribute('data-testid')).toBe('profile');
	const overallLabel = q.levels[expected.overall!.level - 1]!.label.de;
	await expect(page.getByTestId('overall-level')).toHaveText(overallLabel);
	await expect(page.getByTestId('overall-index')).toHaveText(String(expected.overall!.index));
	const planning = expected.dimensions.find((d) => d.dimensionId === 'planning')!;
	await expect(page.locator('tr[data-dimension="planning"] [data-testid="dimension-level"]')).toHaveText(q.levels[planning.score!.level - 1]!.label.de);
	await expect(page.locator('tr[data-dimension="vision"] [data-testid="dimension-dont-know"]')).toHaveText('1');
	await expect(page.getByTestId('tension')).toHaveCount(expected.consistency.tensions.length);
	await expect(page.getByTestId('contradiction')).toHaveCount(expected.contradictions.length);
	await expect(page.getByTestId('dont-know-finding')).toContainText('2 von 20');
	// The first recommendation is a roadmap card: owner, effort, time frame.
	const first = page.getByTestId('recommendation').first();
	await expect(first.getByTestId('plan-owner')).toBeVisible();
	await expect(first.getByTestId('plan-horizon')).toBeVisible();
	await expect(page.getByTestId('triggered').getByTestId('recommendation')).toHaveCount(expected.triggered.length);
	// No internal ids in the header: the questionnaire's title and version in words.
	await expect(page.getByTestId('report-meta')).toHaveText(/^Service-Reifegrad-Check · Version 2\.0\.0 · /);
	expect(await scrollsSideways(page)).toBe(false);
	expect(await axeProblems(page)).toEqual([]);
	// The table behind the chart, shown: it scrolls sideways on a phone, so it takes focus.
	await page.getByRole('button', { name: 'Als Tabelle anzeigen' }).click();
	await expect(page.getByRole('region', { name: /Index je Dimension/ })).toHaveAttribute('tabindex', '0');
	expect(await axeProblems(page)).toEqual([]);
	await page.getByRole('button', { name: 'Tabelle ausblenden' }).click();
	await snap(page, 'check-result-phone');

	// Marks ≥ 3:1 against every band (WCAG 1.4.11), the level pills' text ≥ 4.5:1 (1.4.3), computed in the browser.
	const c = await colours(page);
	expect(c.bars.length).toBeGreaterThan(0);
	for (const mark of [...c.bars, ...c.missing]) for (const band of c.bands) expect(contrast(mark, band), `${mark} on ${band}`).toBeGreaterThanOrEqual(3);
	for (const pill of c.pills) expect(contrast(pill.text, pill.background), `${pill.text} on ${pill.background}`).toBeGreaterThanOrEqual(4.5);

	// Printing from the phone: one page per section, the chart on the first page with the overall level.
	const pages = printedPages(await page.pdf({ format: 'A4', printBackground: true }), 'check-result-print-phone');
	expect(pages.length).toBeLessThanOrEqual(4);
	expect(pages[0]).toContain('Euer Profil');
	expect(pages[0]).toContain('Technologie & Skalierung'); // a bar label: the chart is on page 1
	expect(pages[0]).toMatch(/Gesamteinordnung/i);
	expect(pages[1]).toMatch(/^\s*Wo eure Antworten übereinstimmen/);
	expect(pages[2]).toMatch(/^\s*Eure nächsten Schritte/);
	if (pages[3] !== undefined) expect(pages[3]).toMatch(/^\s*Was eure Befunde nahelegen/);

	// "Weitermachen" on the home page leads back to the result, not to question 20.
	await page.goto('/');
	await expect(page.getByTestId('start-check')).toHaveText('Weitermachen');
	await page.getByTestId('start-check').click();
	await expect(page).toHaveURL(resultUrl);
	await expect(page.getByTestId('overall-level')).toHaveText(overallLabel);

	// "Change answers" opens the check with the link's answers, from the first question.
	await page.getByTestId('edit-answers').click();
	await expect(page.getByTestId('check-flow')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByText('Frage 1 von 20')).toBeVisible();
	await expect(page.getByTestId('option').nth(plan[0]!)).toHaveClass(/selected/);

	// The share link alone, in a fresh browser without the saved answers, gives the same result.
	const other = await browser.newContext({ viewport: LAPTOP, locale: 'de-DE' });
	const shared = await other.newPage();
	const sharedErrors = collectErrors(shared);
	await shared.goto(resultUrl);
	await expect(shared.getByTestId('overall-level')).toHaveText(overallLabel);
	await expect(shared.getByTestId('overall-index')).toHaveText(String(expected.overall!.index));
	await expect(shared.getByTestId('weakest')).toHaveText(q.dimensions.find((d) => d.id === expected.overall!.weakestDimensionId)!.label.de);
	expect(await scrollsSideways(shared)).toBe(false);
	expect(await axeProblems(shared)).toEqual([]);
	await snap(shared, 'check-result-desktop');
	expect(printedPages(await shared.pdf({ format: 'A4', printBackground: true }), 'check-result-print-desktop').length).toBeLessThanOrEqual(4);

	expect(errors).toEqual([]);
	expect(sharedErrors).toEqual([]);
	await other.close();
	await context.close();
});

test('exact boundaries: a 2.0.0 result shows the transition; an old 1.0.0 link keeps its rounded level', async ({ page }) => {
	const v1 = load('1.0.0');
	// Vision answered 1, 2, "don't know": a mean of exactly 1.5 in both versions.
	const at = (questionnaire: Questionnaire, level: (dimension: string, i: number) => 1 | 2 | 3 | null) => {
		const seen: Record<string, number> = {};
		return Object.fromEntries(
			questionnaire.questions.map((x) => {
				const i = (seen[x.dimension] = (seen[x.dimension] ?? -1) + 1);
				const l = level(x.dimension, i);
				return [x.id, l === null ? null : x.options.find((o) => o.level === l)!.id];
			})
		);
	};
	const levels = (d: string, i: number) => (d === 'vision' ? ([1, 2, null] as const)[i] ?? null : 2);
	const link = (questionnaire: Questionnaire) =>
		`/check/result?${new URLSearchParams({ q: questionnaire.id, v: questionnaire.version, a: encodeAnswers(questionnaire, at(questionnaire, levels)), d: '2026-03-14' })}`;

	await page.goto(link(q));
	await expect(page.locator('tr[data-dimension="vision"] [data-testid="dimension-level"]')).toHaveText('Übergang 1→2');
	await expect(page.locator('[data-testid="profile-count"][data-step="1-2"] .count')).toHaveText('1');

	await page.goto(link(v1));
	await expect(page.locator('tr[data-dimension="vision"] [data-testid="dimension-level"]')).toHaveText('Reaktiv');
	await expect(page.locator('[data-testid="profile-count"][data-step="1-2"]')).toHaveCount(0);
	await expect(page.getByTestId('report-meta')).toHaveText(/Version 1\.0\.0/);
});

test('a provisional overall says why', async ({ page }) => {
	// Planning and engagement all "don't know": 4 of 6 dimensions scored.
	const blank = new Set(['planning', 'engagement']);
	const a = Object.fromEntries(q.questions.map((x) => [x.id, blank.has(x.dimension) ? null : x.options.find((o) => o.level === 2)!.id]));
	await page.goto(`/check/result?${new URLSearchParams({ q: q.id, v: q.version, a: encodeAnswers(q, a), d: '2026-03-14' })}`);
	await expect(page.getByTestId('overall-provisional')).toHaveText('vorläufig');
	await expect(page.getByTestId('provisional-reason')).toContainText('Nur 4 von 6 Dimensionen');
	await expect(page.locator('[data-testid="profile-count"][data-step="none"] .count')).toHaveText('2');
	expect(await axeProblems(page)).toEqual([]);
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
	expect(await axeProblems(page)).toEqual([]);
	await context.close();
});

/**
 * The text of each printed page (poppler's `pdftotext`), with the pages saved as PNGs under
 * `tests/screenshots/` to look at. Fails with a clear message when poppler is missing.
 */
function printedPages(pdf: Buffer, name: string): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'standort-pdf-'));
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, pdf);
	let info: string;
	try {
		info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	} catch {
		throw new Error('The print check needs poppler (pdfinfo, pdftotext, pdftoppm): `sudo apt-get install -y poppler-utils`.');
	}
	const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
	const screenshots = join(import.meta.dirname, '..', 'screenshots');
	mkdirSync(screenshots, { recursive: true });
	// A shorter print must not leave an older run's last pages lying beside it.
	for (const old of readdirSync(screenshots).filter((f) => f.startsWith(`${name}-`))) rmSync(join(screenshots, old));
	execFileSync('pdftoppm', ['-r', '60', '-png', file, join(screenshots, name)]);
	return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
}
