import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedResults } from '../../src/lib/core/reveal.js';
import type { ReportData } from '../../src/lib/core/report.js';
import { monthEnd, monthStart } from '../../src/lib/core/roadmap.js';
import type { Measure } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { csvRecords, parseCsv, readCalendar, readDeck, unescapeIcs } from '../support/export-files.js';
import { inProcessSuite } from '../support/in-process.js';
import type { TestSocket } from '../support/socket-client.js';
import { answerAll, answersAtLevel, connect, createSession, join, ok, questionnaire as q, tokenOf } from '../support/workshop.js';

/**
 * Every export, read back with independent readers and compared with the results API: the same
 * numbers, the suppressed group only with its n, text from the room inert in spreadsheets and
 * literal everywhere else.
 */
type Api = PublishedResults & { code: string };
const EXPORTS = ['report.json', 'export.xlsx', 'export.pptx', 'export.zip', 'export/dimensions.csv', 'roadmap.csv', 'roadmap.ics'] as const;
const FORMULA_START = /^[=+\-@\t\r]/;

// Text from the room with everything that breaks naive exporters.
const TITLE = '=HYPERLINK("http://evil.example","Klick") <b>Klausur</b>; "Q1"';
const IDEAS = ['=HYPERLINK("http://evil.example","x")', '<script>alert(1)</script> & "Zitat"; Semikolon, Komma', '@channel Kaffee für alle 🎉☕', '+49 Hotline rund um die Uhr', 'Versteckt'];
const NOTE = '-10 % Beschwerden; „zitiert“ & <i>kursiv</i> 🙂';

const de = (label: { de: string }) => label.de;
const dimensionByLabel = new Map(q.dimensions.map((d) => [d.label.de, d.id]));
const fmtDe = (n: number) => String(n).replace('.', ',');
const twoDecimals = (n: number) => n.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
type Shown = Extract<Api['groups'][string], { suppressed: false }>;

async function get(url: string, code: string, path: string, token?: string) {
	return fetch(`${url}/api/sessions/${code}/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}
async function body(url: string, code: string, path: string, token: string): Promise<Buffer> {
	const res = await get(url, code, path, token);
	expect(res.status, path).toBe(200);
	return Buffer.from(await res.arrayBuffer());
}
const textOf = (b: Buffer) => b.toString('utf8');

/** A German workshop: 6 in leadership (details shown), 4 in the team (no details), 2 in field sales (suppressed). */
async function germanWorkshop(url: string) {
	const created = await createSession(url, {
		title: TITLE,
		organisation: '@Nordlicht GmbH 🚀',
		language: 'de',
		groups: [
			{ label: 'Führung', role: 'leadership' },
			{ label: 'Service-Team', role: 'team' },
			{ label: 'Außendienst Süd', role: 'other' }
		]
	});
	const token = tokenOf(created);
	const facilitator = await connect(url);
	ok(await request(facilitator, 'facilitator:attach', { code: created.code, token }));
	const plan: [string, (i: number) => 1 | 2 | 3 | null][] = [
		...[3, 3, 3, 2, 3, 2].map((l) => ['g1', (i: number) => (i % 7 === 0 ? 2 : l)] as [string, (i: number) => 1 | 2 | 3 | null]),
		...[1, 1, 2, 1].map((l) => ['g2', (i: number) => (i % 6 === 0 ? null : l)] as [string, (i: number) => 1 | 2 | 3 | null]),
		...[2, 3].map((l) => ['g3', () => l] as [string, (i: number) => 1 | 2 | 3 | null])
	];
	const phones = await Promise.all(plan.map(([g]) => join(url, created.code, g)));
	await Promise.all(phones.map((p, i) => answerAll(p.socket, answersAtLevel(plan[i]![1]))));
	ok(await request(facilitator, 'reveal:set', { step: 'agenda' }));
	ok(await request(facilitator, 'agreement:set', { dimensionId: 'vision', current: 1, target: 2, note: NOTE }));
	ok(await request(facilitator, 'agreement:set', { dimensionId: 'goals', current: 2, target: 3, note: '=1+1' }));
	ok(await request(facilitator, 'reveal:set', { step: 'ideas' }));
	const ideaIds = await Promise.all(IDEAS.map(async (text, i) => ok(await request(phones[i]!.socket, 'idea:submit', { text, dimensionId: i % 2 ? 'goals' : 'vision' })).idea.id));
	const merged = ok(await request(phones[5]!.socket, 'idea:submit', { text: 'Doppelte Idee' })).idea.id;
	ok(await request(facilitator, 'idea:update', { id: ideaIds[4]!, version: 1, hidden: true }));
	ok(await request(facilitator, 'idea:merge', { sourceId: merged, targetId: ideaIds[0]! }));
	ok(await request(facilitator, 'reveal:set', { step: 'vote' }));
	for (const [i, p] of phones.slice(0, 6).entries()) ok(await request(p.socket, 'vote:set', { ideaIds: [ideaIds[i % 3]!, ideaIds[1]!] }));
	ok(await request(facilitator, 'reveal:set', { step: 'roadmap' }));
	const measure = async (payload: Record<string, unknown>) => ok(await request(facilitator, 'measure:create', payload as never)).measure;
	const measures: Measure[] = [
		await measure({ title: '-Kundenportal; "neu" <b>jetzt</b>', dimensionId: 'technology', kind: 'project', startMonth: 3, endMonth: 11, owner: '@Teamleitung', metric: '+5 NPS, gemessen "quartalsweise"' }),
		await measure({ title: 'Service-Mission veröffentlichen 📣', dimensionId: 'vision', kind: 'quick-win', startMonth: 1, endMonth: 2, owner: 'Leitung Service', metric: 'Jede:r kann sie sagen' }),
		await measure({ title: 'Verworfen', dimensionId: 'goals', kind: 'project', startMonth: 2, endMonth: 4 })
	];
	const dropped = ok(await request(facilitator, 'measure:update', { id: measures[2]!.id, version: measures[2]!.version, status: 'dropped' })).measure;
	measures[2] = dropped;
	const api = (await (await get(url, created.code, 'results', token)).json()) as Api;
	const { roadmapStart } = (await (await get(url, created.code, 'outcome', token)).json()) as { roadmapStart: string };
	const sockets: TestSocket[] = [facilitator, ...phones.map((p) => p.socket)];
	return { code: created.code, token, api, roadmapStart, measures, ideaIds, close: () => sockets.forEach((s) => s.close()) };
}

describe('exports of a German workshop with a suppressed group and hostile text', () => {
	const suite = inProcessSuite();
	let w: Awaited<ReturnType<typeof germanWorkshop>>;
	beforeAll(async () => {
		w = await germanWorkshop(suite.url);
	});
	afterAll(() => w?.close());

	it('report.json is the room’s view: visibleAt at the last step, no suppressed figure, no hidden or merged idea', async () => {
		const data = JSON.parse(textOf(await body(suite.url, w.code, 'report.json', w.token))) as ReportData;
		expect(data.language).toBe('de');
		expect(data.title).toBe(TITLE);
		expect(data.results?.groups.g3).toEqual({ suppressed: true, n: 2, needed: 1 });
		const g1 = w.api.groups.g1 as Shown;
		expect(data.results?.groups.g1).toEqual({ suppressed: false, n: 6, overall: g1.overall, dimensions: g1.dimensions });
		expect(data.results?.everyone).toEqual({ n: w.api.everyone.n, overall: w.api.everyone.overall, dimensions: w.api.everyone.dimensions });
		expect(data.results?.gaps).toEqual(w.api.gaps);
		expect(data.results?.agenda).toEqual(w.api.agenda);
		expect(data.results?.questions).toEqual(w.api.questions);
		// Details of the 4-person team are not in the API, so not in the export either.
		expect(Object.values(data.results?.questions ?? {}).every((byGroup) => Object.keys(byGroup).join() === 'g1')).toBe(true);
		expect(data.outcome.ideas.map((i) => i.text).sort()).toEqual(IDEAS.slice(0, 4).sort());
		// Dots: phones 0 and 3 on idea 0, every phone on idea 1, phones 2 and 5 on idea 2; the merged idea had none.
		expect(w.ideaIds.slice(0, 4).map((id) => data.outcome.ideas.find((i) => i.id === id)?.votes)).toEqual([2, 8, 2, 0]);
		expect(JSON.stringify(data)).not.toMatch(/participantId|resume|tokenHash/);
	});

	it('Excel: every figure equals the results API as a real number; the suppressed group shows only its n; text is inert', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await body(suite.url, w.code, 'export.xlsx', w.token)) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets.map((s) => s.name)).toEqual(['Übersicht', 'Gruppen', 'Gruppen × Dimensionen', 'Lücken', 'Blinde Flecken', 'Agenda', 'Fragen', 'Vereinbarungen', 'Ideen', 'Roadmap']);
		const rowsOf = (name: string) => {
			const sheet = wb.getWorksheet(name)!;
			const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
			const rows: { cells: Record<string, ExcelJS.Cell>; values: Record<string, ExcelJS.CellValue> }[] = [];
			sheet.eachRow((row, i) => {
				if (i === 1) return;
				const cells = Object.fromEntries(header.map((h, k) => [h, row.getCell(k + 1)]));
				rows.push({ cells, values: Object.fromEntries(header.map((h, k) => [h, row.getCell(k + 1).value])) });
			});
			return rows;
		};
		const groupId = (label: unknown) => ({ Führung: 'g1', 'Service-Team': 'g2', 'Außendienst Süd': 'g3', Alle: 'everyone' })[String(label)]!;

		const dims = rowsOf('Gruppen × Dimensionen');
		let compared = 0;
		for (const { values, cells } of dims) {
			const id = groupId(values.Gruppe);
			if (id === 'g3') {
				expect(values).toMatchObject({ Dimension: '', 'Personen (n)': 2, 'Mittelwert (1–3)': null, Hinweis: 'unter der Mindestgröße (3 Personen)' });
				continue;
			}
			const figures = id === 'everyone' ? w.api.everyone : (w.api.groups[id] as Shown);
			const f = figures.dimensions[dimensionByLabel.get(String(values.Dimension))!]!;
			expect([values['Personen (n)'], values['Mittelwert (1–3)'], values['Index (0–100)'], values.Reifegrad, values['Anteil „Weiß nicht“']]).toEqual([f.n, f.mean, f.index, de(q.levels[f.level - 1]!.label), f.dontKnowShare]);
			expect(values['Streuung (AD)'] ?? undefined).toBe(f.ad);
			expect(values['Gruppe uneinig'] ?? undefined).toBe(f.split === undefined ? undefined : f.split ? 'ja' : 'nein');
			expect([cells['Mittelwert (1–3)']!.numFmt, cells['Anteil „Weiß nicht“']!.numFmt, cells['Index (0–100)']!.numFmt]).toEqual(['0.00', '0%', '0']);
			compared++;
		}
		expect(compared).toBe(3 * q.dimensions.length);

		const groups = rowsOf('Gruppen');
		for (const { values } of groups) {
			const id = groupId(values.Gruppe);
			const g: Api['groups'][string] = id === 'everyone' ? w.api.everyone : w.api.groups[id]!;
			expect(values['Personen (n)']).toBe(g.n);
			if (g.suppressed) expect([values['Mittelwert gesamt (1–3)'], values['Index gesamt (0–100)'], values.Status]).toEqual([null, null, 'unter der Mindestgröße (3 Personen)']);
			else expect([values['Mittelwert gesamt (1–3)'], values['Index gesamt (0–100)']]).toEqual([g.overall!.mean, g.overall!.index]);
		}

		expect(rowsOf('Lücken').map(({ values }) => [dimensionByLabel.get(String(values.Dimension)), values['Lücke Δ (1–3)'], groupId(values['Höchste Einschätzung']), groupId(values['Niedrigste Einschätzung'])])).toEqual(
			w.api.gaps.map((g) => [g.dimensionId, g.delta, g.highGroupId, g.lowGroupId])
		);
		expect(rowsOf('Blinde Flecken').map(({ values }) => [dimensionByLabel.get(String(values.Dimension)), values['Δ Führung − Team']])).toEqual(w.api.pairs.map((p) => [p.dimensionId, p.delta]));
		expect(rowsOf('Agenda').map(({ values }) => [values.Rang, dimensionByLabel.get(String(values.Dimension)), values['Lücke Δ'], values['Mittelwert (alle)']])).toEqual(
			w.api.agenda.map((a, i) => [i + 1, a.dimensionId, a.gap, a.mean])
		);

		// Distributions: every count of every shown question, and nothing of the team or sales.
		const counts = rowsOf('Fragen');
		const expected = Object.entries(w.api.questions).flatMap(([questionId, byGroup]) =>
			Object.entries(byGroup).flatMap(([g, d]) => {
				const question = q.questions.find((x) => x.id === questionId)!;
				return [...question.options.map((o) => [questionId, g, d.n, de(o.text), d.options[o.id]]), [questionId, g, d.n, 'Weiß nicht', d.dontKnow]];
			})
		);
		expect(counts.map(({ values }) => [q.questions[Number(values['Nr.']) - 1]!.id, groupId(values.Gruppe), values['Antworten (n)'], values.Antwort, values.Anzahl])).toEqual(expected);

		// The suppressed group appears only in rows that carry its n and the reason.
		for (const sheet of wb.worksheets)
			sheet.eachRow((row) => {
				const texts = (row.values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
				if (!texts.includes('Außendienst Süd')) return;
				expect(texts.some((t) => t.includes('unter der Mindestgröße')), `${sheet.name}: ${texts.join('|')}`).toBe(true);
				expect((row.values as ExcelJS.CellValue[]).filter((v) => typeof v === 'number')).toEqual([2]);
			});

		// Hostile text: never a formula, always neutralised, otherwise unchanged.
		const strings: string[] = [];
		for (const sheet of wb.worksheets)
			sheet.eachRow((row) =>
				row.eachCell((cell) => {
					expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
					if (typeof cell.value === 'string') strings.push(cell.value);
				})
			);
		expect(strings.filter((s) => FORMULA_START.test(s))).toEqual([]);
		expect(strings).toContain(`'${TITLE}`);
		expect(strings).toContain(`'${IDEAS[0]}`);
		expect(strings).toContain(IDEAS[1]);
		expect(strings).toContain(`'${IDEAS[2]}`);
		expect(strings).toContain(`'${IDEAS[3]}`);
		expect(strings).toContain(`'${NOTE}`);
		expect(strings).toContain("'=1+1");
		expect(strings).toContain(`'-Kundenportal; "neu" <b>jetzt</b>`);
		expect(strings).not.toContain('Versteckt');
		expect(strings).not.toContain('Doppelte Idee');

		// The roadmap: real dates of the first and last day, all measures (dropped too, with its state).
		const plan = rowsOf('Roadmap');
		expect(plan.map(({ values }) => [values.Beginn, values.Ende, values['Beginn (Monat 1–12)'], values.Stand])).toEqual(
			[w.measures[1]!, w.measures[2]!, w.measures[0]!].map((m) => [monthStart(w.roadmapStart, m.startMonth), monthEnd(w.roadmapStart, m.endMonth), m.startMonth, m.status === 'dropped' ? 'verworfen' : 'geplant'])
		);
		expect(plan[0]!.cells.Beginn!.numFmt).toBe('dd.mm.yyyy');
	});

	it('CSV per table: BOM, semicolons, decimal commas, the same numbers, neutralised text', async () => {
		const zip = await JSZip.loadAsync(await body(suite.url, w.code, 'export.zip', w.token));
		const names = Object.keys(zip.files).sort();
		expect(names).toEqual(['01-summary.csv', '02-groups.csv', '03-dimensions.csv', '04-gaps.csv', '05-pairs.csv', '06-agenda.csv', '07-questions.csv', '08-agreements.csv', '09-ideas.csv', '10-measures.csv']);
		const single = textOf(await body(suite.url, w.code, 'export/dimensions.csv', w.token));
		expect(single).toBe(await zip.file('03-dimensions.csv')!.async('string'));
		expect(single.startsWith('\uFEFF')).toBe(true);
		expect(single.endsWith('\r\n')).toBe(true);
		const records = csvRecords(single.slice(1), ';');
		for (const r of records.filter((x) => x.Gruppe === 'Führung')) {
			const f = (w.api.groups.g1 as Shown).dimensions[dimensionByLabel.get(r.Dimension!)!]!;
			expect([r['Personen (n)'], r['Mittelwert (1–3)'], r['Index (0–100)'], r['Streuung (AD)']]).toEqual([String(f.n), fmtDe(f.mean), String(f.index), fmtDe(f.ad!)]);
		}
		expect(records.filter((x) => x.Gruppe === 'Außendienst Süd')).toEqual([expect.objectContaining({ 'Personen (n)': '2', 'Mittelwert (1–3)': '', Hinweis: 'unter der Mindestgröße (3 Personen)' })]);
		for (const name of names) {
			const text = await zip.file(name)!.async('string');
			expect(text.startsWith('\uFEFF'), name).toBe(true);
			const rows = parseCsv(text.slice(1), ';');
			const width = rows[0]!.length;
			for (const row of rows) {
				expect(row.length, `${name}: ${row.join('|')}`).toBe(width);
				for (const field of row) if (FORMULA_START.test(field)) expect(/^-\d/.test(field), `${name}: ${field}`).toBe(true); // only negative numbers
			}
		}
		const ideas = csvRecords((await zip.file('09-ideas.csv')!.async('string')).slice(1), ';');
		expect(ideas.map((i) => i.Idee).sort()).toEqual([`'${IDEAS[0]}`, IDEAS[1], `'${IDEAS[2]}`, `'${IDEAS[3]}`].sort());
		expect(ideas.map((i) => Number(i.Punkte))).toEqual([...ideas.map((i) => Number(i.Punkte))].sort((a, b) => b - a));
	});

	it('PowerPoint: one slide per step, dimension and roadmap part; chart values equal the API; sales only with its n; HTML stays text', async () => {
		const deck = await readDeck(await body(suite.url, w.code, 'export.pptx', w.token));
		// title, overall, groups, gaps, agenda, 6 deep dives, 6 agreements, ideas, roadmap, measures, method
		expect(deck.slides.length).toBe(1 + 4 + q.dimensions.length * 2 + 4);
		const [overall, gaps] = deck.charts;
		const shown = ['g1', 'g2'].map((id) => w.api.groups[id] as Shown);
		expect(overall!.values[0]).toEqual([...shown.map((g) => g.overall!.index), w.api.everyone.overall!.index]);
		// Bars read top down, so categories and series run bottom up.
		expect(gaps!.series).toEqual(['Service-Team', 'Führung']);
		expect(gaps!.values).toEqual([...shown].reverse().map((g) => [...q.dimensions].reverse().map((d) => g.dimensions[d.id]!.index)));
		// Deep dives: per question and group, counts per level (the team has no distributions).
		const deepDives = deck.charts.slice(2);
		expect(deepDives.length).toBe(q.dimensions.length);
		const firstDive = deepDives[0]!;
		const diveDimension = w.api.agenda[0]!.dimensionId;
		const diveQuestions = q.questions.filter((x) => x.dimension === diveDimension).reverse();
		const counts = (values: number[]) => values.map((v) => (Number.isNaN(v) ? 0 : v)); // a zero is a blank
		expect(counts(firstDive.values[0]!)).toEqual(diveQuestions.map((x) => x.options.filter((o) => o.level === 1).reduce((s, o) => s + w.api.questions[x.id]!.g1!.options[o.id]!, 0)));
		expect(counts(firstDive.values[3]!)).toEqual(diveQuestions.map((x) => w.api.questions[x.id]!.g1!.dontKnow));
		// The heatmap slide writes each figure as "mean · index".
		const heat = deck.slides[2]!.texts.join('\n');
		for (const d of q.dimensions) for (const g of shown) expect(heat).toContain(`${twoDecimals(g.dimensions[d.id]!.mean)} · ${g.dimensions[d.id]!.index}`);
		// Sales never in a chart; on a slide only next to its n and the reason.
		for (const chart of deck.charts) expect(chart.xml).not.toContain('Außendienst Süd');
		for (const slide of deck.slides)
			for (const t of slide.texts.join('\n').split('\n').filter((line) => line.includes('Außendienst Süd'))) expect(t).toMatch(/Außendienst Süd: 2 Personen – unter der Mindestgröße|^Außendienst Süd$/);
		const salesRows = deck.slides.flatMap((s) => s.texts.flatMap((t, i) => (t === 'Außendienst Süd' ? [s.texts.slice(i, i + 3)] : [])));
		for (const row of salesRows) expect(row).toEqual(['Außendienst Süd', '2', 'unter der Mindestgröße (3 Personen)']);
		// HTML, quotes and emoji are text: escaped in the XML, literal when read.
		const all = deck.slides.map((s) => s.texts.join('\n')).join('\n');
		expect(all).toContain(IDEAS[1]);
		expect(all).toContain(TITLE);
		expect(all).toContain(NOTE);
		expect(all).not.toContain('Versteckt');
		expect(deck.slides.some((s) => s.xml.includes('<script>') || s.xml.includes('<b>Klausur'))).toBe(false);
	});

	it('the roadmap for Jira/Asana: active measures only, dates of the months, neutralised text', async () => {
		const text = textOf(await body(suite.url, w.code, 'roadmap.csv', w.token));
		expect(text.startsWith('Summary,Description,Issue Type,Start Date,Due Date,Labels,Labels,Section\r\n')).toBe(true);
		const rows = parseCsv(text, ',').slice(1);
		const start = w.roadmapStart;
		const iso = (d: Date) => d.toISOString().slice(0, 10);
		expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual([
			['Service-Mission veröffentlichen 📣', 'Task', iso(monthStart(start, 1)), iso(monthEnd(start, 2)), 'quick-win', 'vision'],
			[`'-Kundenportal; "neu" <b>jetzt</b>`, 'Task', iso(monthStart(start, 3)), iso(monthEnd(start, 11)), 'project', 'technology']
		]);
		expect(rows[1]![1]).toContain('Erfolgsmessung: +5 NPS, gemessen "quartalsweise"');
		expect(rows[1]![1]).toContain('Verantwortlich: @Teamleitung');
		expect(rows[1]![1]).toContain('Dimension: Technologie & Skalierung');
	});

	it('the roadmap as iCalendar: one event per active measure, UID per measure, CRLF, folded at 75 octets', async () => {
		const text = textOf(await body(suite.url, w.code, 'roadmap.ics', w.token));
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const { lines, events } = readCalendar(text);
		expect([lines[0], lines.at(-1)]).toEqual(['BEGIN:VCALENDAR', 'END:VCALENDAR']);
		const start = w.roadmapStart;
		const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
		expect(events.map((e) => [e.UID, e['DTSTART;VALUE=DATE'], e['DTEND;VALUE=DATE'], unescapeIcs(e.SUMMARY!)])).toEqual([
			[`${w.measures[1]!.id}@standort`, day(monthStart(start, 1)), day(monthStart(start, 3)), 'Quick Win: Service-Mission veröffentlichen 📣'],
			[`${w.measures[0]!.id}@standort`, day(monthStart(start, 3)), day(monthStart(start, 12)), '-Kundenportal; "neu" <b>jetzt</b>']
		]);
		expect(unescapeIcs(events[1]!.DESCRIPTION!)).toContain('Erfolgsmessung: +5 NPS, gemessen "quartalsweise"');
		expect(events.every((e) => /^\d{8}T\d{6}Z$/.test(e.DTSTAMP!))).toBe(true);
	});
	// Last: the wrong codes and tokens here slow this address down (the failure limiter), as they should.
	it('needs the facilitator token: none or a wrong one is 401, an unknown code 404, an unknown table 404', async () => {
		for (const path of EXPORTS) {
			expect((await get(suite.url, w.code, path)).status, path).toBe(401);
			expect((await get(suite.url, w.code, path, 'x'.repeat(43))).status, path).toBe(401);
			expect((await get(suite.url, 'ZZZZZZ', path, w.token)).status, path).toBe(404);
		}
		const unknown = await get(suite.url, w.code, 'export/nope.csv', w.token);
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
	});
});

describe('exports that have little to show', () => {
	const suite = inProcessSuite();

	async function everyExport(code: string, token: string) {
		const out: Record<string, Buffer> = {};
		for (const path of EXPORTS) out[path] = await body(suite.url, code, path, token);
		return out;
	}

	it('a workshop with no answers and no reveal: no figures anywhere, and every file says so', async () => {
		const created = await createSession(suite.url, { title: 'Leer', language: 'de' });
		const files = await everyExport(created.code, tokenOf(created));
		const data = JSON.parse(textOf(files['report.json']!)) as ReportData;
		expect(data.results).toBeUndefined();
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(files['export.xlsx'] as unknown as ExcelJS.Buffer);
		const state = wb.getWorksheet('Übersicht')!.getRows(2, 20)!.find((r) => r.getCell(1).value === 'Stand');
		expect(state?.getCell(2).value).toMatch(/^Noch keine Zahlen/);
		expect(wb.getWorksheet('Gruppen × Dimensionen')!.rowCount).toBe(1);
		const deck = await readDeck(files['export.pptx']!);
		// title, "no figures", 6 agreements, ideas, roadmap, measures, method
		expect(deck.slides.length).toBe(2 + q.dimensions.length + 4);
		expect(deck.charts).toEqual([]);
		expect(deck.slides[0]!.texts.join(' ')).toContain('Noch keine Zahlen');
		expect(parseCsv(textOf(files['roadmap.csv']!), ',')).toHaveLength(1);
		expect(readCalendar(textOf(files['roadmap.ics']!)).events).toEqual([]);
	});

	it('a revealed workshop where every group is below the minimum: only counts, and no roadmap', async () => {
		const created = await createSession(suite.url, { title: 'Klein', language: 'de' });
		const token = tokenOf(created);
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token }));
		const phones = await Promise.all(['g1', 'g1', 'g2'].map((g) => join(suite.url, created.code, g)));
		await Promise.all(phones.map((p) => answerAll(p.socket, answersAtLevel(2))));
		ok(await request(facilitator, 'reveal:set', { step: 'agenda' }));
		const files = await everyExport(created.code, token);
		const data = JSON.parse(textOf(files['report.json']!)) as ReportData;
		expect(data.results?.groups).toEqual({ g1: { suppressed: true, n: 2, needed: 1 }, g2: { suppressed: true, n: 1, needed: 2 }, g3: { suppressed: true, n: 0, needed: 3 } });
		expect(data.results?.everyone).toEqual({ n: 0, dimensions: {} });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(files['export.xlsx'] as unknown as ExcelJS.Buffer);
		const numbers: number[] = [];
		wb.getWorksheet('Gruppen × Dimensionen')!.eachRow((row, i) => i > 1 && numbers.push(...(row.values as ExcelJS.CellValue[]).filter((v): v is number => typeof v === 'number')));
		expect(numbers).toEqual([2, 1, 0]);
		const deck = await readDeck(files['export.pptx']!);
		expect(deck.charts).toEqual([]);
		expect(deck.slides[1]!.texts.join('\n')).toContain('Führung: 2 Personen – unter der Mindestgröße');
		expect(parseCsv(textOf(files['roadmap.csv']!), ',')).toHaveLength(1);
		for (const s of [facilitator, ...phones.map((p) => p.socket)]) s.close();
	});

	it('an English workshop: commas and decimal points, English names, English dates', async () => {
		const created = await createSession(suite.url, { title: 'Service offsite', language: 'en' });
		const token = tokenOf(created);
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token }));
		const phones = await Promise.all(['g1', 'g1', 'g1', 'g2', 'g2', 'g2'].map((g) => join(suite.url, created.code, g)));
		await Promise.all(phones.map((p, i) => answerAll(p.socket, answersAtLevel(i < 3 ? 3 : 1))));
		ok(await request(facilitator, 'reveal:set', { step: 'agenda' }));
		ok(await request(facilitator, 'measure:create', { title: 'Team charter', dimensionId: 'vision', kind: 'quick-win', startMonth: 1, endMonth: 1 }));
		const api = (await (await get(suite.url, created.code, 'results', token)).json()) as Api;
		const csv = textOf(await body(suite.url, created.code, 'export/groups.csv', token));
		const records = csvRecords(csv.slice(1), ',');
		expect(records.map((r) => [r.Group, r['People (n)'], r['Overall mean (1–3)']])).toEqual([
			['Leadership', '3', String((api.groups.g1 as { overall: { mean: number } }).overall.mean)],
			['Service team', '3', String((api.groups.g2 as { overall: { mean: number } }).overall.mean)],
			['Other departments', '0', ''],
			['Everyone', '6', String(api.everyone.overall!.mean)]
		]);
		expect(records[2]!.Status).toBe('below the minimum size (3 people)');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await body(suite.url, created.code, 'export.xlsx', token)) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets[0]!.name).toBe('Summary');
		expect(wb.getWorksheet('Roadmap')!.getCell('D2').numFmt).toBe('dd mmm yyyy');
		const deck = await readDeck(await body(suite.url, created.code, 'export.pptx', token));
		expect(deck.slides[1]!.texts.join(' ')).toContain('Overall, group by group');
		for (const s of [facilitator, ...phones.map((p) => p.socket)]) s.close();
	});
});
