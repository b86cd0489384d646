import type { DimensionFigure } from '../../src/lib/core/aggregation.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { measuresInOrder, rankedIdeas, totalPeople, type ReportData } from '../../src/lib/core/report.js';
import { monthEnd, monthLabel, monthStart } from '../../src/lib/core/roadmap.js';
import { reportText } from '../../src/lib/i18n/report.js';

/**
 * The export's tables: one model for the Excel sheets and the CSV files, so both say the same.
 * A cell is text, a real number with its kind of format, a date (UTC midnight), or empty.
 */
export type NumberFormat = 'integer' | 'decimal' | 'share';
export type Cell = string | { number: number; format: NumberFormat } | { date: Date } | null;
export type Column = { header: string; width: number };
export const TABLE_IDS = ['summary', 'groups', 'dimensions', 'gaps', 'pairs', 'agenda', 'questions', 'agreements', 'ideas', 'measures'] as const;
export type TableId = (typeof TABLE_IDS)[number];
export type Table = { id: TableId; name: string; columns: Column[]; rows: Cell[][] };

const int = (n: number): Cell => ({ number: n, format: 'integer' });
const dec = (n: number | undefined | null): Cell => (n === undefined || n === null ? null : { number: n, format: 'decimal' });
const share = (n: number): Cell => ({ number: n, format: 'share' });
const col = (header: string, width = 14): Column => ({ header, width });

/** Everything a table needs to name things in the workshop's language. */
function namesOf(data: ReportData, q: Questionnaire) {
	const t = reportText(data.language);
	const pick = (text: { de: string; en: string }) => text[data.language];
	const dimensions = new Map(q.dimensions.map((d) => [d.id, pick(d.label)]));
	const groups = new Map(data.groups.map((g) => [g.id, g.label]));
	return {
		t,
		pick,
		dimension: (id: string | null | undefined) => (id ? (dimensions.get(id) ?? id) : ''),
		group: (id: string) => groups.get(id) ?? id,
		level: (value: number | null | undefined) => (value ? pick(q.levels[value - 1]!.label) : t.open),
		yesNo: (value: boolean | undefined) => (value === undefined ? null : value ? t.yes : t.no)
	};
}
type Names = ReturnType<typeof namesOf>;

function summaryTable(data: ReportData, q: Questionnaire, n: Names): Table {
	const s = n.t.tables.summary;
	const everyone = data.results?.everyone.overall;
	const measures = data.outcome.measures;
	const rows: Cell[][] = [
		[s.title, data.title],
		[s.organisation, data.organisation ?? ''],
		[s.code, data.code],
		[s.date, { date: new Date(`${data.workshopDate}T00:00:00Z`) }],
		[s.questionnaire, `${n.pick(q.title)} ${data.questionnaire.version}`],
		[s.minGroupSize, int(data.minGroupSize)],
		[s.detailMinSize, int(data.detailMinSize)],
		[s.people, data.results ? int(totalPeople(data.results)) : null],
		[s.overall, everyone ? `${n.level(everyone.level)} (${everyone.index})` : null],
		[s.roadmap, measures.length ? n.t.months(monthLabel(data.outcome.roadmapStart, 1, n.t.locale, 'long'), monthLabel(data.outcome.roadmapStart, 12, n.t.locale, 'long')) : null],
		[s.state, data.results ? s.revealed : n.t.notRevealed],
		[s.privacy, s.privacyText(data.minGroupSize, data.detailMinSize)],
		[s.exportedAt, { date: new Date(data.exportedAt) }]
	];
	return { id: 'summary', name: s.name, columns: [col(s.field, 44), col(s.value, 70)], rows };
}

function groupsTable(data: ReportData, n: Names): Table {
	const c = n.t.tables.groups;
	const rows: Cell[][] = [];
	const r = data.results;
	for (const g of data.groups) {
		const f = r?.groups[g.id];
		const role = n.t.roles[g.role];
		const held = r?.held[g.id] ? n.t.held(r.held[g.id]!.people) : '';
		if (!f) rows.push([g.label, role, null, null, null, null, null, n.t.notRevealed]);
		else if (f.suppressed) rows.push([g.label, role, int(f.n), n.t.belowMinimum(data.minGroupSize), null, null, null, held]);
		else {
			const notes = [f.overall?.provisional ? n.t.provisional : '', held].filter(Boolean).join('; ');
			rows.push([g.label, role, int(f.n), n.t.shown, dec(f.overall?.mean), f.overall ? int(f.overall.index) : null, f.overall ? n.level(f.overall.level) : n.t.noData, notes]);
		}
	}
	if (r) {
		const e = r.everyone;
		rows.push([n.t.everyone, '', int(e.n), n.t.shown, dec(e.overall?.mean), e.overall ? int(e.overall.index) : null, e.overall ? n.level(e.overall.level) : n.t.noData, e.overall?.provisional ? n.t.provisional : '']);
	}
	return { id: 'groups', name: c.name, columns: [col(c.group, 26), col(c.role, 16), col(c.n, 12), col(c.status, 30), col(c.mean, 14), col(c.index, 14), col(c.level, 16), col(c.note, 36)], rows };
}

function dimensionsTable(data: ReportData, q: Questionnaire, n: Names): Table {
	const c = n.t.tables.dimensions;
	const rows: Cell[][] = [];
	const r = data.results;
	const figureRow = (label: string, dimensionId: string, f: DimensionFigure | undefined): Cell[] => {
		if (!f) return [label, n.dimension(dimensionId), null, null, null, null, null, null, null, n.t.noData];
		const notes = [f.transition ? n.t.transition(n.level(f.transition[0]), n.level(f.transition[1])) : '', f.ad === undefined ? n.t.detailsFrom(data.detailMinSize) : ''];
		return [label, n.dimension(dimensionId), int(f.n), dec(f.mean), int(f.index), n.level(f.level), share(f.dontKnowShare), dec(f.ad), n.yesNo(f.split), notes.filter(Boolean).join('; ')];
	};
	if (r) {
		for (const g of data.groups) {
			const f = r.groups[g.id];
			if (!f) continue;
			if (f.suppressed) rows.push([g.label, '', int(f.n), null, null, null, null, null, null, n.t.belowMinimum(data.minGroupSize)]);
			else for (const d of q.dimensions) rows.push(figureRow(g.label, d.id, f.dimensions?.[d.id]));
		}
		for (const d of q.dimensions) rows.push(figureRow(n.t.everyone, d.id, r.everyone.dimensions?.[d.id]));
	}
	return {
		id: 'dimensions',
		name: c.name,
		columns: [col(c.group, 24), col(c.dimension, 30), col(c.n, 11), col(c.mean, 13), col(c.index, 13), col(c.level, 15), col(c.dontKnow, 15), col(c.ad, 13), col(c.split, 13), col(c.note, 40)],
		rows
	};
}

function gapsTable(data: ReportData, n: Names): Table {
	const c = n.t.tables.gaps;
	const rows: Cell[][] = (data.results?.gaps ?? []).map((g) => [
		n.dimension(g.dimensionId),
		dec(g.delta),
		n.group(g.highGroupId),
		n.group(g.lowGroupId),
		n.yesNo(g.notable),
		n.yesNo(g.major),
		n.yesNo(g.hint),
		n.yesNo(g.muted)
	]);
	return { id: 'gaps', name: c.name, columns: [col(c.dimension, 30), col(c.delta, 13), col(c.high, 24), col(c.low, 24), col(c.notable, 12), col(c.major, 15), col(c.hint, 20), col(c.muted, 22)], rows };
}

function pairsTable(data: ReportData, n: Names): Table {
	const c = n.t.tables.pairs;
	const rows: Cell[][] = (data.results?.pairs ?? []).map((p) => [
		n.dimension(p.dimensionId),
		n.group(p.leadershipGroupId),
		n.group(p.teamGroupId),
		dec(p.delta),
		n.t.pairKinds[p.kind],
		n.yesNo(p.hint)
	]);
	return { id: 'pairs', name: c.name, columns: [col(c.dimension, 30), col(c.leadership, 24), col(c.team, 24), col(c.delta, 16), col(c.kind, 28), col(c.hint, 20)], rows };
}

function agendaTable(data: ReportData, n: Names): Table {
	const c = n.t.tables.agenda;
	const r = data.results;
	const rows: Cell[][] = (r?.agenda ?? []).map((a, i) => [
		int(i + 1),
		n.dimension(a.dimensionId),
		a.gap === null ? n.t.noData : dec(a.gap),
		a.spread === null ? n.t.detailsFrom(data.detailMinSize) : dec(a.spread),
		dec(a.mean),
		a.mean === undefined ? null : n.level(r?.everyone.dimensions?.[a.dimensionId]?.level)
	]);
	return { id: 'agenda', name: c.name, columns: [col(c.rank, 8), col(c.dimension, 30), col(c.gap, 12), col(c.spread, 20), col(c.mean, 16), col(c.level, 16)], rows };
}

function questionsTable(data: ReportData, q: Questionnaire, n: Names): Table {
	const c = n.t.tables.questions;
	const rows: Cell[][] = [];
	const ratio = (count: number, total: number) => (total ? Math.round((count / total) * 100) / 100 : 0);
	q.questions.forEach((question, i) => {
		const byGroup = data.results?.questions?.[question.id];
		if (!byGroup) return;
		for (const g of data.groups) {
			const d = byGroup[g.id];
			if (!d) continue;
			const base = [n.dimension(question.dimension), int(i + 1), n.pick(question.text), g.label, int(d.n)];
			for (const o of question.options) rows.push([...base, n.pick(o.text), n.level(o.level), int(d.options[o.id] ?? 0), share(ratio(d.options[o.id] ?? 0, d.n))]);
			rows.push([...base, c.dontKnow, '', int(d.dontKnow), share(ratio(d.dontKnow, d.n))]);
		}
	});
	return {
		id: 'questions',
		name: c.name,
		columns: [col(c.dimension, 26), col(c.number, 7), col(c.question, 50), col(c.group, 22), col(c.n, 12), col(c.option, 50), col(c.level, 18), col(c.count, 10), col(c.share, 10)],
		rows
	};
}

function agreementsTable(data: ReportData, q: Questionnaire, n: Names): Table {
	const c = n.t.tables.agreements;
	const rows: Cell[][] = q.dimensions.map((d) => {
		const a = data.outcome.agreements.find((x) => x.dimensionId === d.id);
		const measured = data.results?.everyone.dimensions?.[d.id];
		return [n.pick(d.label), measured ? n.level(measured.level) : null, n.level(a?.current), n.level(a?.target), a?.note ?? ''];
	});
	return { id: 'agreements', name: c.name, columns: [col(c.dimension, 30), col(c.measured, 18), col(c.current, 18), col(c.target, 18), col(c.note, 70)], rows };
}

function ideasTable(data: ReportData, n: Names): Table {
	const c = n.t.tables.ideas;
	const closed = data.outcome.voting.closed;
	const rows: Cell[][] = rankedIdeas(data.outcome).map((idea, i) => [closed ? int(i + 1) : null, idea.text, n.dimension(idea.dimensionId), idea.votes === null ? null : int(idea.votes)]);
	return { id: 'ideas', name: c.name, columns: [col(c.rank, 8), col(c.text, 70), col(c.dimension, 30), col(c.votes, 10)], rows };
}

function measuresTable(data: ReportData, n: Names): Table {
	const c = n.t.tables.measures;
	const start = data.outcome.roadmapStart;
	const rows: Cell[][] = measuresInOrder(data.outcome.measures).map((m) => [
		m.title,
		n.dimension(m.dimensionId),
		n.t.kinds[m.kind],
		{ date: monthStart(start, m.startMonth) },
		{ date: monthEnd(start, m.endMonth) },
		int(m.startMonth),
		int(m.endMonth),
		m.owner,
		m.metric,
		m.effort ? n.t.sizes[m.effort] : '',
		m.impact ? n.t.sizes[m.impact] : '',
		n.t.statuses[m.status]
	]);
	return {
		id: 'measures',
		name: c.name,
		columns: [col(c.title, 44), col(c.dimension, 28), col(c.kind, 12), col(c.start, 12), col(c.end, 12), col(c.startMonth, 12), col(c.endMonth, 12), col(c.owner, 24), col(c.metric, 44), col(c.effort, 10), col(c.impact, 10), col(c.status, 12)],
		rows
	};
}

/** Every table of a workshop's export, in the order of the Excel sheets. */
export function exportTables(data: ReportData, q: Questionnaire): Table[] {
	const n = namesOf(data, q);
	return [
		summaryTable(data, q, n),
		groupsTable(data, n),
		dimensionsTable(data, q, n),
		gapsTable(data, n),
		pairsTable(data, n),
		agendaTable(data, n),
		questionsTable(data, q, n),
		agreementsTable(data, q, n),
		ideasTable(data, n),
		measuresTable(data, n)
	];
}

