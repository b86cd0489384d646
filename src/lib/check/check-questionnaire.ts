import type { Questionnaire } from '$lib/core/questionnaire.schema';

/**
 * What the check page needs of a questionnaire: the questions and how to read them. A format-2
 * file is about 140 KB with its workshop content; the check needs about a seventh of that, and it
 * is sent to phones.
 */
export type CheckQuestionnaire = Pick<Questionnaire, 'id' | 'version' | 'title' | 'instructions' | 'questions'> & {
	dimensions: Pick<Questionnaire['dimensions'][number], 'id' | 'label'>[];
};

export function forCheck(q: Questionnaire): CheckQuestionnaire {
	return {
		id: q.id,
		version: q.version,
		title: q.title,
		...(q.instructions ? { instructions: q.instructions } : {}),
		dimensions: q.dimensions.map(({ id, label }) => ({ id, label })),
		questions: q.questions
	};
}

/**
 * What the result page needs: everything but the workshop content (level matrix, prompts,
 * evidence, measures, context questions, glossary, perspectives), which only workshops use.
 */
export function forResult(q: Questionnaire): Questionnaire {
	const { levelMatrix: _m, discussion: _d, evidence: _e, measures: _x, contextQuestions: _c, glossary: _g, perspectives: _p, ...rest } = q;
	return rest;
}
