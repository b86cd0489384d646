import pptxModule from 'pptxgenjs';
import { groupStyle } from '../../src/lib/charts/group-style.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { measuresInOrder, rankedIdeas, totalPeople, type ReportData } from '../../src/lib/core/report.js';
import { monthLabel, monthStart } from '../../src/lib/core/roadmap.js';
import { QUICK_WIN_LAST_MONTH, ROADMAP_MONTHS } from '../../src/lib/core/outcome.js';
import { reportText } from '../../src/lib/i18n/report.js';

/**
 * The PowerPoint deck, for consultants who finish in slides: a title slide, one slide per reveal
 * step (native, editable charts and tables), a deep dive and an agreement slide per dimension in
 * agenda order, the ideas, the roadmap drawn with native shapes, the measures table (continued on
 * further slides when long) and the method. Text goes in as text (the library escapes it), so
 * HTML in an idea stays literal.
 */
const W = 13.333;
const INK = '102033';
const MUTED = '475569';
const ACCENT = '17324D';
const BORDER = 'C9D2DD';
const LEVEL = ['D55E00', 'E69F00', '0072B2'] as const;
const BAND = ['FBE3D1', 'FDF0CF', 'D6E9F5'] as const;
const DONT_KNOW = '9AA5B1';
const FONT = 'Calibri';

// The package ships an ES build but types that read as CommonJS under NodeNext: at run time the
// default import is the class itself, to NodeNext's type checker the module object holding it (and
// to the bundler's, which also checks this file, the class). Both readings resolve to the class.
type ClassOf<M> = M extends { default: infer C } ? C : M;
type PptxClass = ClassOf<typeof pptxModule>;
const PptxGenJS = ((pptxModule as unknown as { default?: PptxClass }).default ?? pptxModule) as PptxClass;
type Pptx = InstanceType<PptxClass>;
type Slide = ReturnType<Pptx['addSlide']>;
type TableProps = NonNullable<Parameters<Slide['addTable']>[1]>;
type Row = Parameters<Slide['addTable']>[0][number];
type TableCell = Extract<Row[number], { text?: unknown }>;
type CellProps = NonNullable<TableCell['options']>;
/**
 * A dimension without a figure must be a gap in the chart, not a bar at 0. The library writes null
 * as an empty value (PowerPoint's blank), but its types only admit numbers.
 */
const blanks = (values: (number | null)[]) => values as unknown as number[];
/** A bar's label cut to what fits its width (bold text of `pt` points takes about pt/105 inch per character, wide fonts included). */
function fitText(text: string, inches: number, pt: number): string {
	const chars = Math.floor((inches - 0.1) / (pt / 105));
	return text.length <= chars ? text : chars > 3 ? `${text.slice(0, chars - 1)}…` : '';
}

export async function deckOf(data: ReportData, q: Questionnaire): Promise<Buffer> {
	const t = reportText(data.language);
	const d = t.deck;
	const p = t.page;
	const pick = (text: { de: string; en: string }) => text[data.language];
	const fmt = (n: number) => n.toLocaleString(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const level = (v: number | null | undefined) => (v ? pick(q.levels[v - 1]!.label) : t.open);
	const dimension = (id: string | null) => (id ? pick(q.dimensions.find((x) => x.id === id)?.label ?? { de: id, en: id }) : '');
	const shortDimension = (id: string) => pick(q.dimensions.find((x) => x.id === id)?.short ?? { de: id, en: id });
	const r = data.results;
	const groupIndex = new Map(data.groups.map((g, i) => [g.id, i]));
	const label = (id: string) => data.groups.find((g) => g.id === id)?.label ?? id;
	const shown = r ? data.groups.filter((g) => r.groups[g.id] && !r.groups[g.id]!.suppressed) : [];
	const suppressed = r ? data.groups.filter((g) => r.groups[g.id]?.suppressed) : [];
	const order = r?.agenda?.map((a) => a.dimensionId) ?? q.dimensions.map((x) => x.id);
	const date = new Date(`${data.workshopDate}T00:00:00Z`).toLocaleDateString(t.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = data.title;
	pptx.author = 'Standort';
	pptx.subject = d.subtitle;
	pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
	pptx.defineSlideMaster({
		title: 'STANDORT',
		background: { color: 'FFFFFF' },
		objects: [
			{ rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: ACCENT } } },
			{ text: { text: `${data.title} · ${date}`, options: { x: 0.5, y: 7.0, w: 10, h: 0.35, fontSize: 10, color: MUTED, fontFace: FONT } } }
		],
		slideNumber: { x: 12.3, y: 7.0, w: 0.6, h: 0.35, fontSize: 10, color: MUTED, fontFace: FONT, align: 'right' }
	});
	const slide = (title: string, note?: string): Slide => {
		const s = pptx.addSlide({ masterName: 'STANDORT' });
		s.addText(title, { x: 0.5, y: 0.3, w: W - 1, h: 0.8, fontSize: 28, bold: true, color: INK, fontFace: FONT });
		if (note) s.addText(note, { x: 0.5, y: 1.05, w: W - 1, h: 0.45, fontSize: 13, color: MUTED, fontFace: FONT });
		return s;
	};
	const cell = (text: string, options: CellProps = {}): TableCell => ({ text, options });
	const head = (texts: string[], align?: 'center'): Row => texts.map((text) => cell(text, { bold: true, fill: { color: 'EAEEF3' }, color: INK, ...(align ? { align } : {}) }));
	const table = (s: Slide, rows: Row[], opts: TableProps) =>
		s.addTable(rows, { fontFace: FONT, fontSize: 12, color: INK, border: { type: 'solid', pt: 0.75, color: BORDER }, valign: 'middle', margin: 0.06, ...opts });
	const suppressedNote = suppressed.map((g) => `${g.label}: ${t.people((r!.groups[g.id]!).n)} – ${t.belowMinimum(data.minGroupSize)}`).join('\n');

	// Title slide: who, when, and which groups with how many people.
	{
		const s = pptx.addSlide({ masterName: 'STANDORT' });
		if (data.organisation) s.addText(data.organisation, { x: 0.8, y: 1.2, w: W - 1.6, h: 0.5, fontSize: 18, color: MUTED, fontFace: FONT });
		s.addText(data.title, { x: 0.8, y: 1.7, w: W - 1.6, h: 1.4, fontSize: 40, bold: true, color: INK, fontFace: FONT, valign: 'top' });
		s.addText(`${d.subtitle} · ${date}`, { x: 0.8, y: 3.1, w: W - 1.6, h: 0.5, fontSize: 20, color: ACCENT, fontFace: FONT });
		const lines = data.groups.map((g) => {
			const f = r?.groups[g.id];
			const n = f ? (f.suppressed ? `${t.people(f.n)} – ${t.belowMinimum(data.minGroupSize)}` : t.people(f.n)) : t.roles[g.role];
			return { text: d.groupsLine(g.label, n), options: { breakLine: true } };
		});
		s.addText(lines, { x: 0.8, y: 3.9, w: W - 1.6, h: 2.2, fontSize: 16, color: INK, fontFace: FONT, valign: 'top', paraSpaceAfter: 4 });
		if (!r) s.addText(t.notRevealed, { x: 0.8, y: 6.1, w: W - 1.6, h: 0.7, fontSize: 14, italic: true, color: MUTED, fontFace: FONT });
	}

	if (r) {
		// Step "overall": each shown group's overall index as a native column chart.
		{
			const s = slide(d.overallTitle, p.total(totalPeople(r)));
			const bars = [...shown.map((g) => ({ label: g.label, o: (r.groups[g.id] as { overall?: { index: number; level: number } }).overall })), { label: t.everyone, o: r.everyone.overall }].filter((b) => b.o);
			if (bars.length)
				s.addChart(pptx.ChartType.bar, [{ name: d.overallAxis, labels: bars.map((b) => b.label), values: bars.map((b) => b.o!.index) }], {
					x: 0.5, y: 1.6, w: 7.8, h: 5.2, barDir: 'col', valAxisMinVal: 0, valAxisMaxVal: 100, valAxisMajorUnit: 25,
					chartColors: bars.map((b) => LEVEL[b.o!.level - 1]!), showValue: true, dataLabelFormatCode: '0', dataLabelPosition: 'outEnd',
					catAxisLabelFontSize: 13, valAxisLabelFontSize: 11, dataLabelFontSize: 13, showLegend: false, lang: t.locale,
					valGridLine: { color: 'E5E7EB', size: 0.5 }
				});
			const lines = [
				...shown.map((g) => {
					const f = r.groups[g.id]!;
					const o = 'overall' in f ? f.overall : undefined;
					return `${g.label}: ${o ? `${level(o.level)} (${o.index})` : t.noData} · n = ${f.n}`;
				}),
				...(r.everyone.overall ? [`${t.everyone}: ${level(r.everyone.overall.level)} (${r.everyone.overall.index}) · n = ${r.everyone.n}`] : []),
				...(suppressedNote ? ['', suppressedNote] : [])
			].join('\n');
			s.addText(lines, { x: 8.6, y: 1.8, w: 4.3, h: 4.8, fontSize: 14, color: INK, fontFace: FONT, valign: 'top' });
		}

		// Step "groups": the heatmap as a native table coloured by level.
		{
			const s = slide(d.groupsTitle, suppressedNote || undefined);
			const columns = [...shown.map((g) => ({ id: g.id, label: `${g.label}\nn = ${r.groups[g.id]!.n}`, dims: (r.groups[g.id] as { dimensions?: Record<string, { mean: number; index: number; level: number; split?: boolean }> }).dimensions })), { id: 'everyone', label: `${t.everyone}\nn = ${r.everyone.n}`, dims: r.everyone.dimensions }];
			const rows: Row[] = [head(['', ...columns.map((c) => c.label)], 'center')];
			for (const dim of q.dimensions) {
				rows.push([
					cell(pick(dim.label), { bold: true }),
					...columns.map((c) => {
						const f = c.dims?.[dim.id];
						return f
							? cell(`${fmt(f.mean)} · ${f.index}\n${level(f.level)}${f.split ? ` · ⚡ ${t.split}` : ''}`, { fill: { color: BAND[f.level - 1]! }, align: 'center' })
							: cell(t.noData, { color: MUTED, align: 'center', italic: true });
					})
				]);
			}
			table(s, rows, { x: 0.5, y: suppressedNote ? 1.6 : 1.3, w: W - 1, colW: [3.2, ...columns.map(() => (W - 1 - 3.2) / columns.length)], fontSize: 13 });
		}

		// Step "gaps": index per group and dimension as clustered bars, the gap Δ beside.
		{
			const s = slide(d.gapsTitle, d.gapsNote);
			if (shown.length) {
				// Horizontal bars draw the first category at the bottom: reversed, the chart reads top down.
				const dims = [...q.dimensions].reverse();
				const labels = dims.map((x) => shortDimension(x.id));
				// Within a cluster the last series is drawn on top: reversed too, the first group leads.
				const groupsTopDown = [...shown].reverse();
				const series = groupsTopDown.map((g) => ({ name: g.label, labels, values: blanks(dims.map((x) => (r.groups[g.id] as { dimensions?: Record<string, { index: number }> }).dimensions?.[x.id]?.index ?? null)) }));
				s.addChart(pptx.ChartType.bar, series, {
					x: 0.5, y: 1.6, w: 8.4, h: 5.3, barDir: 'bar', valAxisMinVal: 0, valAxisMaxVal: 100, valAxisMajorUnit: 25,
					chartColors: groupsTopDown.map((g) => groupStyle(groupIndex.get(g.id) ?? 0).colour.slice(1)), showLegend: true, legendPos: 'b', legendFontSize: 12,
					showValue: true, dataLabelFormatCode: '0', dataLabelFontSize: 10, catAxisLabelFontSize: 12, lang: t.locale,
					valGridLine: { color: 'E5E7EB', size: 0.5 }
				});
			}
			const rows: Row[] = [head([t.tables.gaps.dimension, t.tables.gaps.delta])];
			for (const dim of q.dimensions) {
				const g = r.gaps?.find((x) => x.dimensionId === dim.id);
				const weight = g ? (g.major ? t.gapWeight.major : g.notable ? t.gapWeight.notable : g.hint ? t.gapWeight.hint : '') : '';
				rows.push([cell(shortDimension(dim.id)), cell(g ? `Δ ${fmt(g.delta)}${weight ? ` · ${weight}` : ''}` : t.noData, { color: g?.major ? LEVEL[0] : g?.notable ? '8A5A00' : INK, bold: Boolean(g?.notable) })]);
			}
			table(s, rows, { x: 9.2, y: 1.7, w: 3.6, colW: [1.5, 2.1], fontSize: 11 });
		}

		// Step "agenda": the order of discussion, with blind spots and hidden strengths.
		{
			const s = slide(d.agendaTitle, p.agendaLead);
			const a = t.tables.agenda;
			const rows: Row[] = [head([a.rank, a.dimension, a.gap, a.spread, a.level, p.blindSpots])];
			(r.agenda ?? []).forEach((item, i) => {
				const pairs = (r.pairs ?? []).filter((x) => x.dimensionId === item.dimensionId);
				const remark = pairs.map((x) => (x.kind === 'blind-spot' ? p.blindSpot : p.hiddenStrength)(label(x.leadershipGroupId), label(x.teamGroupId), fmt(Math.abs(x.delta)))).join('\n');
				const lvl = r.everyone.dimensions?.[item.dimensionId]?.level;
				rows.push([
					cell(String(i + 1), { align: 'center', bold: true }),
					cell(dimension(item.dimensionId), { bold: true }),
					cell(item.gap === null ? t.noData : fmt(item.gap)),
					cell(item.spread === null ? t.detailsFrom(data.detailMinSize) : fmt(item.spread)),
					cell(lvl ? level(lvl) : t.noData, lvl ? { fill: { color: BAND[lvl - 1]! } } : {}),
					cell(remark, { fontSize: 11 })
				]);
			});
			table(s, rows, { x: 0.5, y: 1.6, w: W - 1, colW: [0.7, 2.8, 1.0, 1.9, 1.6, 4.333], fontSize: 12 });
		}

		// A deep dive per dimension: answers per question and group, stacked by level.
		for (const dimensionId of order) {
			const s = slide(d.deepDiveTitle(dimension(dimensionId)), d.deepDiveNote);
			const questions = q.questions.map((x, i) => ({ x, number: i + 1 })).filter(({ x }) => x.dimension === dimensionId);
			const bars: { label: string; counts: number[] }[] = [];
			for (const { x, number } of questions)
				for (const g of data.groups) {
					const dist = r.questions?.[x.id]?.[g.id];
					if (!dist) continue;
					const counts = [1, 2, 3].map((lv) => x.options.filter((o) => o.level === lv).reduce((sum, o) => sum + (dist.options[o.id] ?? 0), 0));
					bars.push({ label: `${number} · ${g.label}`, counts: [...counts, dist.dontKnow] });
				}
			if (bars.length) {
				bars.reverse();
				const names = [...q.levels.map((l) => pick(l.label)), t.tables.questions.dontKnow];
				s.addChart(
					pptx.ChartType.bar,
					// A zero is left blank, so no "0" label sits on an empty segment.
					names.map((name, k) => ({ name, labels: bars.map((b) => b.label), values: blanks(bars.map((b) => b.counts[k] || null)) })),
					{
						x: 0.5, y: 1.6, w: 7.9, h: 5.3, barDir: 'bar', barGrouping: 'percentStacked', chartColors: [...LEVEL, DONT_KNOW], showLegend: true, legendPos: 'b',
						legendFontSize: 11, catAxisLabelFontSize: 11, valAxisLabelFormatCode: '0%', showValue: true, dataLabelFontSize: 10,
						dataLabelColor: 'FFFFFF', lang: t.locale, valGridLine: { style: 'none' }
					}
				);
			} else s.addText(p.noDistributions(data.detailMinSize), { x: 0.5, y: 1.8, w: 7.9, h: 1, fontSize: 16, italic: true, color: MUTED, fontFace: FONT });
			s.addText(
				questions.map(({ x, number }) => ({ text: `${number}. ${pick(x.text)}`, options: { breakLine: true } })),
				{ x: 8.7, y: 1.7, w: 4.2, h: 5.1, fontSize: 12, color: INK, fontFace: FONT, valign: 'top', paraSpaceAfter: 8 }
			);
		}

	} else {
		const s = slide(d.noFigures);
		s.addText(t.notRevealed, { x: 0.5, y: 1.6, w: W - 1, h: 1.2, fontSize: 18, color: INK, fontFace: FONT });
	}

	// An agreement per dimension (agenda order): the groups' figures, today and in 12 months, the key statement.
	for (const dimensionId of order) {
		const s = slide(d.agreeTitle(dimension(dimensionId)), pick(q.dimensions.find((x) => x.id === dimensionId)!.question));
		const c = t.tables.dimensions;
		if (r) {
			const rows: Row[] = [head([p.group, p.n, p.mean, p.index, c.level, p.spread])];
			for (const g of data.groups) {
				const f = r.groups[g.id];
				if (!f) continue;
				if (f.suppressed) {
					rows.push([cell(g.label), cell(String(f.n)), cell(t.belowMinimum(data.minGroupSize), { colspan: 4, color: MUTED, italic: true })]);
					continue;
				}
				const x = f.dimensions?.[dimensionId];
				rows.push(
					x
						? [cell(g.label), cell(String(x.n)), cell(fmt(x.mean)), cell(String(x.index)), cell(level(x.level), { fill: { color: BAND[x.level - 1]! } }), cell(x.ad === undefined ? t.detailsFrom(data.detailMinSize) : `${fmt(x.ad)}${x.split ? ` · ⚡ ${t.split}` : ''}`, { color: x.split ? LEVEL[0] : INK })]
						: [cell(g.label), cell(String(f.n)), cell(t.noData, { colspan: 4, color: MUTED, italic: true })]
				);
			}
			const e = r.everyone.dimensions?.[dimensionId];
			if (e) rows.push([cell(t.everyone, { bold: true }), cell(String(e.n)), cell(fmt(e.mean)), cell(String(e.index)), cell(level(e.level), { fill: { color: BAND[e.level - 1]! } }), cell('')]);
			table(s, rows, { x: 0.5, y: 1.7, w: 7.6, colW: [2.1, 0.6, 1.3, 0.9, 1.5, 1.2], fontSize: 12 });
		}
		const a = data.outcome.agreements.find((x) => x.dimensionId === dimensionId);
		s.addText(
			[
				{ text: `${p.agreedToday}: `, options: { color: MUTED } },
				{ text: level(a?.current), options: { bold: true, breakLine: true } },
				{ text: `${p.agreedTarget}: `, options: { color: MUTED } },
				{ text: level(a?.target), options: { bold: true, breakLine: true } }
			],
			{ x: 8.5, y: 1.7, w: 4.4, h: 1.2, fontSize: 18, color: INK, fontFace: FONT, valign: 'top' }
		);
		if (a?.note)
			s.addText(
				[
					{ text: p.keyStatement, options: { bold: true, fontSize: 12, color: MUTED, breakLine: true } },
					{ text: a.note, options: { italic: true } }
				],
				{ x: 8.5, y: 3.1, w: 4.4, h: 3.5, fontSize: 16, color: INK, fontFace: FONT, valign: 'top', fill: { color: 'F5F7FA' }, margin: 0.12 }
			);
	}

	// Ideas and dots: the wall in rank order (the first 10; the rest are in the Excel file).
	{
		const ideas = rankedIdeas(data.outcome);
		const s = slide(d.ideasTitle, data.outcome.voting.closed ? p.ideasLead(ideas.length, data.outcome.voting.voters) : t.votesPending);
		if (ideas.length) {
			const i = t.tables.ideas;
			const shownIdeas = ideas.slice(0, 10);
			const rows: Row[] = [head([i.rank, i.text, i.dimension, i.votes])];
			shownIdeas.forEach((idea, k) => rows.push([cell(data.outcome.voting.closed ? String(k + 1) : ''), cell(idea.text), cell(dimension(idea.dimensionId)), cell(idea.votes === null ? t.none : String(idea.votes), { align: 'center' })]));
			table(s, rows, { x: 0.5, y: 1.6, w: W - 1, colW: [0.8, 7.4, 2.9, 1.233], fontSize: 11 });
			if (ideas.length > shownIdeas.length) s.addText(d.moreIdeas(ideas.length - shownIdeas.length), { x: 0.5, y: 6.6, w: W - 1, h: 0.35, fontSize: 11, italic: true, color: MUTED, fontFace: FONT });
		} else s.addText(p.noIdeas, { x: 0.5, y: 1.8, w: W - 1, h: 0.6, fontSize: 16, italic: true, color: MUTED, fontFace: FONT });
	}

	// The roadmap as a timeline of native shapes: a lane per dimension, a bar per measure.
	const measures = measuresInOrder(data.outcome.measures);
	{
		const s = slide(d.roadmapTitle);
		const start = data.outcome.roadmapStart;
		const left = 2.6;
		const right = W - 0.4;
		const monthW = (right - left) / ROADMAP_MONTHS;
		const top = 1.55;
		const x = (month: number) => left + (month - 1) * monthW;
		s.addShape(pptx.ShapeType.rect, { x: x(1), y: top, w: QUICK_WIN_LAST_MONTH * monthW, h: 5.3, fill: { color: BAND[1]!, transparency: 40 }, line: { color: BAND[1]!, width: 0 } });
		for (let month = 1; month <= ROADMAP_MONTHS; month++) {
			s.addText(monthLabel(start, month, t.locale), { x: x(month), y: top, w: monthW, h: 0.3, fontSize: 10, color: MUTED, align: 'center', fontFace: FONT });
			s.addShape(pptx.ShapeType.line, { x: x(month), y: top + 0.3, w: 0, h: 5.0, line: { color: BORDER, width: 0.5 } });
		}
		// Each lane holds as many rows as its overlapping measures need.
		const lanes = q.dimensions.map((dim) => {
			const rows: number[] = [];
			const placed = measures.filter((m) => m.dimensionId === dim.id).map((m) => {
				let row = rows.findIndex((end) => end < m.startMonth);
				if (row === -1) row = rows.push(0) - 1;
				rows[row] = m.endMonth;
				return { m, row };
			});
			return { dim, placed, rows: Math.max(1, rows.length) };
		});
		const totalRows = lanes.reduce((n, l) => n + l.rows, 0);
		const rowH = Math.min(0.55, 4.9 / totalRows);
		let y = top + 0.4;
		lanes.forEach((lane, i) => {
			if (i % 2 === 1) s.addShape(pptx.ShapeType.rect, { x: 0.4, y, w: right - 0.4, h: lane.rows * rowH, fill: { color: 'F1F4F8', transparency: 30 }, line: { color: 'FFFFFF', width: 0 } });
			s.addText(shortDimension(lane.dim.id), { x: 0.45, y, w: left - 0.55, h: Math.min(rowH, 0.45), fontSize: 11, bold: true, color: INK, fontFace: FONT, valign: 'middle' });
			for (const { m, row } of lane.placed) {
				const quick = m.kind === 'quick-win';
				const width = (m.endMonth - m.startMonth + 1) * monthW - 0.06;
				s.addText(fitText(quick ? `⚡ ${m.title}` : m.title, width, rowH < 0.35 ? 8 : 10), {
					shape: pptx.ShapeType.roundRect, rectRadius: 0.08, x: x(m.startMonth) + 0.03, y: y + row * rowH + 0.04, w: width, h: rowH - 0.08,
					fill: { color: quick ? LEVEL[1] : 'DBE7F3' }, line: { color: quick ? '7A4F00' : ACCENT, width: quick ? 1.5 : 1 },
					fontSize: rowH < 0.35 ? 8 : 10, bold: true, color: INK, fontFace: FONT, margin: 0.04, valign: 'middle', transparency: m.status === 'dropped' ? 55 : 0
				});
			}
			y += lane.rows * rowH;
		});
		if (!measures.length) s.addText(p.noMeasures, { x: left, y: top + 2, w: right - left, h: 0.6, fontSize: 16, italic: true, color: MUTED, align: 'center', fontFace: FONT });
	}

	// The measures as a table, continued on further slides when long.
	{
		const s = slide(d.measuresTitle);
		const c = t.tables.measures;
		const start = data.outcome.roadmapStart;
		if (measures.length) {
			const rows: Row[] = [head([c.title, c.dimension, c.kind, t.task.months, c.owner, c.metric, c.status])];
			for (const m of measures)
				rows.push([
					cell(m.title, { bold: true }),
					cell(shortDimension(m.dimensionId)),
					cell(t.kinds[m.kind]),
					cell(t.months(monthLabel(start, m.startMonth, t.locale), monthLabel(start, m.endMonth, t.locale))),
					cell(m.owner || t.none),
					cell(m.metric || t.none),
					cell(t.statuses[m.status])
				]);
			table(s, rows, { x: 0.5, y: 1.3, w: W - 1, colW: [3.0, 1.5, 1.1, 1.6, 1.8, 2.233, 1.1], fontSize: 11, autoPage: true, autoPageRepeatHeader: true, autoPageHeaderRows: 1, autoPageSlideStartY: 1.3, autoPageCharWeight: -0.1, autoPageLineWeight: 0.1, h: 5.5 } as TableProps);
		} else s.addText(p.noMeasures, { x: 0.5, y: 1.6, w: W - 1, h: 0.6, fontSize: 16, italic: true, color: MUTED, fontFace: FONT });
	}

	// Method and privacy: how to read the figures, and what was held back.
	{
		const s = slide(d.methodTitle);
		const th = q.scoring.thresholds;
		const method = [p.method(q.questions.length, q.dimensions.length), p.scale(fmt(th.reactiveMax), fmt(th.optimisingMax)), p.gapRule(fmt(q.divergence.notableGap), fmt(q.divergence.majorGap)), p.splitRule(fmt(q.divergence.splitAd))];
		const privacy = [...p.privacyRules(data.minGroupSize, data.detailMinSize), ...suppressed.map((g) => p.suppressedGroup(g.label, r!.groups[g.id]!.n, data.minGroupSize))];
		const para = (texts: string[]) => texts.map((text) => ({ text, options: { bullet: true, breakLine: true } }));
		s.addText([{ text: p.methodHeading, options: { bold: true, breakLine: true } }, ...para(method)], { x: 0.5, y: 1.3, w: 6.0, h: 5.5, fontSize: 13, color: INK, fontFace: FONT, valign: 'top', paraSpaceAfter: 6 });
		s.addText([{ text: p.privacyHeading, options: { bold: true, breakLine: true } }, ...para(privacy)], { x: 6.8, y: 1.3, w: 6.0, h: 5.5, fontSize: 13, color: INK, fontFace: FONT, valign: 'top', paraSpaceAfter: 6 });
	}

	// `stream` is the call that honours compression (`write` with an output type stores uncompressed): a Node buffer, deflated.
	return (await pptx.stream({ compression: true })) as Buffer;
}
