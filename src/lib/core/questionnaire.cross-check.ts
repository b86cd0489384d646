import { checkContentSections } from './questionnaire-content.cross-check.js';
import { uniqueIds, type ReportIssue } from './questionnaire.issues.js';
import type { Questionnaire } from './questionnaire.schema.js';

/**
 * Rules a plain shape cannot express: references between sections, uniqueness of ids, and the
 * sections format 2 requires. Each problem is reported with the JSON path an editor searches for.
 */
export function crossCheck(q: Questionnaire, issue: ReportIssue): void {
	checkLevels(q, issue);
	const dimensionIds = uniqueIds(q.dimensions, ['dimensions'], 'dimension id', issue);
	checkQuestions(q, dimensionIds, issue);
	checkRecommendations(q, dimensionIds, issue);
	q.tensions.forEach((t, i) => {
		for (const side of ['high', 'low'] as const)
			t.rule[side].forEach((id, j) => {
				if (!dimensionIds.has(id)) issue(['tensions', i, 'rule', side, j], `unknown dimension "${id}"`);
			});
	});
	uniqueIds(q.tensions, ['tensions'], 'tension id', issue);
	const { reactiveMax, optimisingMax } = q.scoring.thresholds;
	if (!(reactiveMax >= 1 && reactiveMax < optimisingMax && optimisingMax <= 3))
		issue(['scoring', 'thresholds'], 'need 1 ≤ reactiveMax < optimisingMax ≤ 3');
	if (q.divergence.majorGap < q.divergence.notableGap)
		issue(['divergence', 'majorGap'], 'majorGap must not be below notableGap');
	if (!q.locales.includes('de') || !q.locales.includes('en')) issue(['locales'], 'must list "de" and "en"');
	checkContentSections(q, issue);
}

function checkLevels(q: Questionnaire, issue: ReportIssue): void {
	const expectedLevels = ['reactive', 'optimising', 'strategic'];
	q.levels.forEach((l, i) => {
		if (l.id !== expectedLevels[i] || l.value !== i + 1)
			issue(['levels', i], `level ${i + 1} must be "${expectedLevels[i]}" with value ${i + 1}`);
	});
}

function checkQuestions(q: Questionnaire, dimensionIds: Set<string>, issue: ReportIssue): void {
	const questionIds = new Set<string>();
	const optionIds = new Set<string>();
	q.questions.forEach((question, i) => {
		if (questionIds.has(question.id)) issue(['questions', i, 'id'], `duplicate question id "${question.id}"`);
		questionIds.add(question.id);
		if (!dimensionIds.has(question.dimension))
			issue(['questions', i, 'dimension'], `unknown dimension "${question.dimension}"`);
		for (const lv of [1, 2, 3])
			if (!question.options.some((o) => o.level === lv))
				issue(['questions', i, 'options'], `needs at least one option at level ${lv}`);
		question.options.forEach((o, j) => {
			if (optionIds.has(o.id)) issue(['questions', i, 'options', j, 'id'], `duplicate option id "${o.id}"`);
			optionIds.add(o.id);
		});
	});
	for (const d of q.dimensions) {
		const count = q.questions.filter((x) => x.dimension === d.id).length;
		if (count < q.scoring.minAnswered)
			issue(['dimensions'], `dimension "${d.id}" has ${count} questions, fewer than minAnswered`);
	}
}

function checkRecommendations(q: Questionnaire, dimensionIds: Set<string>, issue: ReportIssue): void {
	for (const d of q.dimensions)
		for (const lv of [1, 2, 3])
			if (!q.recommendations.some((r) => r.dimension === d.id && r.level === lv))
				issue(['recommendations'], `no recommendation for dimension "${d.id}" at level ${lv}`);
	q.recommendations.forEach((r, i) => {
		if (!dimensionIds.has(r.dimension)) issue(['recommendations', i, 'dimension'], `unknown dimension "${r.dimension}"`);
	});
	uniqueIds(q.recommendations, ['recommendations'], 'recommendation id', issue);
}
