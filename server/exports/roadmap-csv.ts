import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { activeMeasures, measuresInOrder, type ReportData } from '../../src/lib/core/report.js';
import { monthEnd, monthLabel, monthStart } from '../../src/lib/core/roadmap.js';
import { reportText } from '../../src/lib/i18n/report.js';
import { csvLines, quoteField } from './csv.js';
import { neutraliseFormula } from './formula-safety.js';

/**
 * The roadmap as a task list for Jira's and Asana's CSV import: one row per measure that is still
 * meant to happen (dropped ones are left out). Both importers let you map columns; the headers are
 * the names they suggest on their own (Jira: Summary, Description, Issue Type, Labels, Due Date;
 * Asana: the task name comes first, then Description, Start Date, Due Date). Commas, ISO dates
 * (`yyyy-MM-dd` in Jira's date-format box) and no byte order mark, which Jira's importer would
 * read into the first header. Labels cannot hold spaces in Jira: `quick-win`/`project` and the
 * dimension's id, one per `Labels` column (Jira's way of giving several).
 */
export const ROADMAP_CSV_HEADER = ['Summary', 'Description', 'Issue Type', 'Start Date', 'Due Date', 'Labels', 'Labels', 'Section'] as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function roadmapCsv(data: ReportData, q: Questionnaire): string {
	const t = reportText(data.language);
	const pick = (text: { de: string; en: string }) => text[data.language];
	const dimension = (id: string) => pick(q.dimensions.find((d) => d.id === id)?.label ?? { de: id, en: id });
	const field = (text: string) => quoteField(neutraliseFormula(text), ',');
	const start = data.outcome.roadmapStart;
	const rows = measuresInOrder(activeMeasures(data.outcome)).map((m) => {
		const description = [
			`${t.task.dimension}: ${dimension(m.dimensionId)}`,
			`${t.task.kind}: ${t.kinds[m.kind]}`,
			`${t.task.months}: ${t.months(monthLabel(start, m.startMonth, t.locale, 'long'), monthLabel(start, m.endMonth, t.locale, 'long'))}`,
			...(m.metric ? [`${t.task.metric}: ${m.metric}`] : []),
			...(m.owner ? [`${t.task.owner}: ${m.owner}`] : []),
			`${t.task.status}: ${t.statuses[m.status]}`,
			'',
			t.task.from(data.title)
		].join('\n');
		return [field(m.title), field(description), 'Task', iso(monthStart(start, m.startMonth)), iso(monthEnd(start, m.endMonth)), m.kind, m.dimensionId, field(dimension(m.dimensionId))];
	});
	return csvLines([[...ROADMAP_CSV_HEADER], ...rows], ',');
}
