import { visibleOutcome } from '../../src/lib/core/outcome.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { completeOutcome, completeView, type ReportData } from '../../src/lib/core/report.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import type { ResultsService } from '../sessions/results.service.js';

type Deps = {
	sessions: SessionRepository;
	results: ResultsService;
	outcome: OutcomeService;
	questionnaireOf: (row: SessionRow) => Questionnaire;
	now?: () => Date;
};

/**
 * The one source of every export: what the room could see with every step revealed. The figures
 * go through `visibleAt` (the phones' cut) at its most complete step, plus every deep dive's
 * distributions; the outcome through `visibleOutcome` with every step reached. So an export never
 * holds a per-person answer, a suppressed group's figure (only its n), hidden or merged ideas, vote
 * totals before voting ended, or who proposed or voted for what. Before the reveal there are no
 * figures at all (`results` absent); the workshop's details and its outcome are still exported.
 */
export function createExportData({ sessions, results, outcome, questionnaireOf, now = () => new Date() }: Deps) {
	return function exportData(row: SessionRow): ReportData {
		const q = questionnaireOf(row);
		const published = results.current(row);
		const visible = visibleOutcome(outcome.outcome(row), { agree: true, ideas: true, vote: true, roadmap: true });
		return {
			code: row.code,
			title: row.title,
			organisation: row.organisation,
			language: row.language,
			questionnaire: { id: row.questionnaireId, version: row.questionnaireVersion },
			workshopDate: sessions.workshopDay(row.id) ?? now().toISOString().slice(0, 10),
			exportedAt: now().toISOString(),
			minGroupSize: row.minGroupSize,
			detailMinSize: row.detailMinSize,
			groups: sessions.groups(row.id).map((g) => ({ id: g.groupId, label: row.language === 'en' ? g.labelEn : g.labelDe, role: g.role })),
			...(published ? { results: completeView(published, q) } : {}),
			outcome: completeOutcome(visible!)
		};
	};
}
export type ExportDataSource = ReturnType<typeof createExportData>;
