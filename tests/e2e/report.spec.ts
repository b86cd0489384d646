import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { createSession, tokenOf } from '../support/workshop.js';
import { seedAnswers, type Profile } from './seed.js';
import { collectErrors, LAPTOP, signInBrowser, snap } from './support.js';

const q = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;
const p = (vision: 1 | 2 | 3, goals: 1 | 2 | 3, planning: 1 | 2 | 3, organisation: 1 | 2 | 3, engagement: 1 | 2 | 3, technology: 1 | 2 | 3): Profile => ({ vision, goals, planning, organisation, engagement, technology });
const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function connect(baseURL: string): Promise<Client> {
	const socket: Client = io(baseURL, { transports: ['websocket'], forceNew: true });
	await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
	return socket;
}
async function ok<T>(ack: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
	const result = await ack;
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
	return result.data;
}

test('the report prints to A4 in Chromium: cover, summary, diagnosis, a page per dimension, roadmap, appendix', async ({ browser, baseURL }) => {
	test.setTimeout(150_000);
	const created = await createSession(baseURL!, {
		title: 'Service-Klausur 2027: „Vom Reagieren zum Gestalten“',
		organisation: 'Nordlicht Versicherung AG',
		groups: [
			{ label: { de: 'Führungskreis', en: 'Leadership' }, role: 'leadership' },
			{ label: { de: 'Service-Team', en: 'Service team' }, role: 'team' },
			{ label: { de: 'Produkt & IT', en: 'Product & IT' }, role: 'other' }
		]
	});
	const token = tokenOf(created);
	await seedAnswers(baseURL!, created.code, q, [
		...[p(3, 3, 3, 2, 3, 3), p(3, 2, 3, 2, 2, 3), p(3, 3, 2, 3, 2, 3), p(2, 3, 3, 2, 3, 2), p(3, 3, 3, 2, 2, 3), p(3, 2, 2, 2, 3, 3)].map((profile) => ({ groupId: 'g1', profile })),
		...[p(2, 1, 1, 1, 2, 2), p(1, 1, 1, 2, 1, 2), p(2, 2, 1, 1, 3, 1), p(1, 1, 2, 1, 1, 2), p(1, 2, 1, 1, 2, 1), p(2, 1, 1, 3, 1, 1), p(1, 1, 1, 1, 2, 2)].map((profile) => ({ groupId: 'g2', profile })),
		...[p(2, 2, 1, 1, 2, 3), p(2, 1, 2, 1, 2, 3), p(3, 2, 1, 2, 2, 3), p(2, 2, 2, 1, 1, 2), p(2, 2, 1, 2, 2, 3)].map((profile) => ({ groupId: 'g3', profile }))
	]);

	// The outcome, as the facilitator and phones make it: agreements, ideas, dots, measures.
	const facilitator = await connect(baseURL!);
	await ok(request(facilitator, 'facilitator:attach', { code: created.code, token }));
	await ok(request(facilitator, 'reveal:set', { step: 'agenda' }));
	const notes: Record<string, string> = {
		vision: 'Die Führung kennt eine Service-Strategie, die im Team nie angekommen ist.',
		goals: 'Wir messen viel, steuern aber nach Bauchgefühl.',
		planning: 'Roadmaps entstehen jährlich und veralten im März.',
		organisation: 'Veränderungen scheitern an fehlender Zeit, nicht am Willen.',
		engagement: 'Kundenfeedback kommt an, aber niemand schließt den Kreis.',
		technology: '<Tools> sind da – die Daten liegen in fünf Systemen.'
	};
	for (const [i, d] of q.dimensions.entries())
		await ok(request(facilitator, 'agreement:set', { dimensionId: d.id, current: i % 3 === 0 ? 1 : 2, target: i % 3 === 2 ? 3 : 2, note: notes[d.id]! }));
	await ok(request(facilitator, 'reveal:set', { step: 'ideas' }));
	const phones = await Promise.all(['g1', 'g2', 'g2', 'g3', 'g1', 'g3'].map(async (groupId) => {
		const socket = await connect(baseURL!);
		await ok(request(socket, 'session:join', { code: created.code, groupId }));
		return socket;
	}));
	const ideaTexts = [
		['Service-Mission in einem Satz formulieren und überall zeigen', 'vision'],
		['Monatliche Auswertung der Beschwerdegründe mit Produkt', 'engagement'],
		['Ein Dashboard statt fünf Excel-Listen', 'technology'],
		['Quartalsweise Roadmap-Review mit dem Team', 'planning'],
		['=WENN(Zeit;"Schulung";"später") – Schulungsbudget fest einplanen', 'organisation'],
		['Drei Kennzahlen, die jede:r kennt 🎯', 'goals']
	] as const;
	const ideas = await Promise.all(phones.map(async (socket, i) => (await ok(request(socket, 'idea:submit', { text: ideaTexts[i]![0], dimensionId: ideaTexts[i]![1] }))).idea.id));
	await ok(request(facilitator, 'reveal:set', { step: 'vote' }));
	for (const [i, socket] of phones.entries()) await ok(request(socket, 'vote:set', { ideaIds: [ideas[i % 3]!, ideas[(i + 1) % 6]!, ideas[0]!] }));
	await ok(request(facilitator, 'reveal:set', { step: 'roadmap' }));
	const measures = [
		{ title: 'Service-Mission veröffentlichen', dimensionId: 'vision', kind: 'quick-win', startMonth: 1, endMonth: 1, owner: 'Leitung Kundenservice', metric: 'Jede:r im Team kann sie in einem Satz sagen', effort: 'S', impact: 'M' },
		{ title: 'Drei Steuerungskennzahlen festlegen', dimensionId: 'goals', kind: 'quick-win', startMonth: 1, endMonth: 3, owner: 'Service-Controlling', metric: 'Wöchentlicher Report mit FCR, CSAT, Backlog', effort: 'M', impact: 'L' },
		{ title: 'Beschwerde-Loop mit Produkt', dimensionId: 'engagement', kind: 'quick-win', startMonth: 2, endMonth: 3, owner: 'Teamleitung 2nd Level', metric: 'Top-5-Gründe monatlich an Produkt', effort: 'S', impact: 'M' },
		{ title: 'Quartals-Roadmap mit Team-Review', dimensionId: 'planning', kind: 'project', startMonth: 2, endMonth: 12, owner: 'Leitung Kundenservice', metric: 'Vier Reviews im Jahr', effort: 'M', impact: 'M' },
		{ title: 'Change-Zeitbudget: 10 % je Woche', dimensionId: 'organisation', kind: 'project', startMonth: 3, endMonth: 8, owner: 'HR & Service-Leitung', metric: 'Genutzte Stunden je Monat', effort: 'L', impact: 'L' },
		{ title: 'Daten aus fünf Systemen in einem Dashboard', dimensionId: 'technology', kind: 'project', startMonth: 4, endMonth: 11, owner: 'IT-Produktmanagement', metric: 'Ein Login, tägliche Aktualisierung', effort: 'L', impact: 'L' },
		{ title: 'Kundenbeirat gründen', dimensionId: 'engagement', kind: 'project', startMonth: 5, endMonth: 9, owner: 'Leitung Kundenservice', metric: 'Zwei Sitzungen mit 8 Kund:innen', effort: 'M', impact: 'M' },
		{ title: 'Onboarding-Checkliste für neue Kolleg:innen', dimensionId: 'organisation', kind: 'project', startMonth: 6, endMonth: 7, owner: 'Teamleitungen', metric: 'Einarbeitungszeit −20 %', effort: 'S', impact: 'M' }
	] as const;
	for (const m of measures) await ok(request(facilitator, 'measure:create', m));
	for (const s of [facilitator, ...phones]) s.close();

	// The report in the signed-in facilitator's laptop browser, opened from the console (a new tab).
	const context = await browser.newContext({ viewport: LAPTOP, locale: 'de-DE', acceptDownloads: true });
	await signInBrowser(context, baseURL!);
	const consolePage = await context.newPage();
	await consolePage.goto(`/workshop/${created.code}`);
	const opened = context.waitForEvent('page');
	await consolePage.getByTestId('report-link').click();
	const page = await opened;
	const errors = collectErrors(page);
	await expect(page.getByTestId('report-page')).toHaveAttribute('data-phase', 'ready');
	await consolePage.close();
	await expect(page.getByTestId('report-cover')).toContainText('Nordlicht Versicherung AG');
	await expect(page.getByTestId('report-dimension')).toHaveCount(q.dimensions.length);
	await expect(page.getByTestId('report-heatmap')).toContainText('Führungskreis');
	await expect(page.getByTestId('report-ideas')).toContainText('=WENN(Zeit;"Schulung";"später")');
	await expect(page.getByTestId('report-measures').locator('tbody tr')).toHaveCount(measures.length);
	await snap(page, 'report-screen');

	// "PDF herunterladen" prints the page (the browser's PDF); other formats download with the key.
	await page.evaluate(() => {
		window.print = () => document.body.setAttribute('data-printed', 'yes');
	});
	await page.getByTestId('print-report').click();
	await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
	const download = page.waitForEvent('download');
	await page.getByTestId('download-export.xlsx').click();
	expect((await download).suggestedFilename()).toMatch(new RegExp(`^standort-${created.code}-service-klausur-2027.*\\.xlsx$`));
	// A chart downloads framed: title and legend above, the workshop and its date below.
	const gapFigure = page.getByTestId('report-gap-chart').locator('xpath=..');
	const chartFile = page.waitForEvent('download');
	await gapFigure.getByRole('button', { name: 'SVG' }).click();
	const chartSvg = readFileSync((await (await chartFile).path())!, 'utf8');
	for (const text of ['Wo die Sichtweisen auseinandergehen', 'Führungskreis', 'Service-Team', 'Produkt &amp; IT', 'Service-Klausur 2027']) expect(chartSvg).toContain(text);

	// Chromium's PDF at A4, as "Als PDF speichern" makes it: page count, embedded fonts, pages as PNG to look at.
	mkdirSync(SCREENSHOTS, { recursive: true });
	const pdf = join(SCREENSHOTS, 'report.pdf');
	await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	expect(info).toMatch(/^Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/m);
	// cover, summary, overall + heatmap, gaps + agenda (one or two), 6 dimensions (each one or two), ideas, roadmap (one or two), appendix (one or two)
	expect(pages).toBeGreaterThanOrEqual(12);
	expect(pages).toBeLessThanOrEqual(22);
	const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
	expect(fonts.length).toBeGreaterThan(0);
	for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes'); // the "emb" column
	// Text stays text (searchable, vector), and the footer carries the page number.
	const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
	expect(text).toContain('Das Wichtigste auf einer Seite');
	expect(text).toMatch(/Seite 2 \/ \d+/);
	for (const file of readdirSync(SCREENSHOTS).filter((f) => /^report-page-\d+\.png$/.test(f))) rmSync(join(SCREENSHOTS, file));
	execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(SCREENSHOTS, 'report-page')]);
	expect(readdirSync(SCREENSHOTS).filter((f) => /^report-page-\d+\.png$/.test(f))).toHaveLength(pages);
	expect(errors).toEqual([]);
	await context.close();
});

test('without the facilitator key the report says how to get in, and shows nothing', async ({ page, baseURL }) => {
	const created = await createSession(baseURL!, { title: 'Ohne Schlüssel' });
	const errors = collectErrors(page);
	await page.goto(`/workshop/${created.code}/report`);
	await expect(page.getByTestId('report-page')).toHaveAttribute('data-phase', 'no-key');
	await expect(page.getByTestId('report')).toHaveCount(0);
	// A fresh load (a new #hash alone is no navigation), so the wrong key is really tried.
	await page.goto('about:blank');
	await page.goto(`/workshop/${created.code}/report#token=${'x'.repeat(43)}`);
	await expect(page.getByTestId('report-page')).toHaveAttribute('data-phase', 'no-key');
	// The refused key is a 401 from the API; the browser logs that one failed request.
	expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
	// The key from the link works (and leaves the address bar).
	await page.goto('about:blank');
	await page.goto(`/workshop/${created.code}/report#token=${tokenOf(created)}`);
	await expect(page.getByTestId('report-page')).toHaveAttribute('data-phase', 'ready');
	await expect(page).not.toHaveURL(/token=/);
});
