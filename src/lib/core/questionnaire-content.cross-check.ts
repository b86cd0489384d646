import {
	GROUP_ROLES,
	LOCALES,
	type LocalizedText
} from './questionnaire.primitives.js';
import {
	HORIZONS,
	PERSPECTIVE_PLACEHOLDERS,
	REQUIRED_SITUATIONS,
	SITUATION_PLACEHOLDERS,
	STEPS
} from './questionnaire-content.schema.js';
import { uniqueIds, type IssuePath, type ReportIssue } from './questionnaire.issues.js';
import type { Questionnaire } from './questionnaire.schema.js';

/** Sections a file of format 2 (major version ≥ 2) must have. */
export const FORMAT_2_SECTIONS = [
	'instructions',
	'ownerRoles',
	'triggeredRecommendations',
	'contradictions',
	'levelMatrix',
	'discussion',
	'evidence',
	'measures',
	'contextQuestions',
	'glossary',
	'perspectives'
] as const satisfies readonly (keyof Questionnaire)[];

const RECOMMENDATION_PLAN_FIELDS = ['owner', 'effort', 'metric', 'horizon'] as const;

/** Cross-checks of the format-2 sections; each section is checked whenever it is present. */
export function checkContentSections(q: Questionnaire, issue: ReportIssue): void {
	const format2 = Number(q.version.split('.')[0]) >= 2;
	if (format2) requireFormat2(q, issue);
	const dimensionIds = new Set(q.dimensions.map((d) => d.id));
	checkOwners(q, issue);
	checkTriggeredRecommendations(q, dimensionIds, format2, issue);
	checkContradictions(q, issue);
	checkLevelMatrix(q, issue);
	checkDiscussion(q, dimensionIds, issue);
	checkEvidence(q, issue);
	checkMeasures(q, dimensionIds, issue);
	checkContextQuestions(q, issue);
	checkGlossary(q, issue);
	checkPerspectives(q, format2, issue);
	q.tensions.forEach((t, i) => {
		if (t.prompt) checkPlaceholders(t.prompt, [], [], ['tensions', i, 'prompt'], issue);
	});
}

function requireFormat2(q: Questionnaire, issue: ReportIssue): void {
	const required = 'required from version 2.0.0 on';
	for (const key of FORMAT_2_SECTIONS) if (q[key] === undefined) issue([key], required);
	q.recommendations.forEach((r, i) => {
		for (const field of RECOMMENDATION_PLAN_FIELDS) if (r[field] === undefined) issue(['recommendations', i, field], required);
	});
	q.tensions.forEach((t, i) => {
		if (!t.prompt) issue(['tensions', i, 'prompt'], required);
	});
}

function checkOwners(q: Questionnaire, issue: ReportIssue): void {
	const roles = uniqueIds(q.ownerRoles, ['ownerRoles'], 'owner role id', issue);
	const check = (owner: string | undefined, path: IssuePath) => {
		if (owner !== undefined && !roles.has(owner)) issue([...path, 'owner'], `unknown owner role "${owner}" (see ownerRoles)`);
	};
	q.recommendations.forEach((r, i) => check(r.owner, ['recommendations', i]));
	q.triggeredRecommendations?.forEach((r, i) => check(r.owner, ['triggeredRecommendations', i]));
	q.measures?.forEach((m, i) => check(m.owner, ['measures', i]));
}

function checkTriggeredRecommendations(q: Questionnaire, dimensionIds: Set<string>, format2: boolean, issue: ReportIssue): void {
	const list = q.triggeredRecommendations;
	if (!list) return;
	const dimensionRecommendationIds = new Set(q.recommendations.map((r) => r.id));
	uniqueIds(list, ['triggeredRecommendations'], 'triggered recommendation id', issue);
	const tensionIds = new Set(q.tensions.map((t) => t.id));
	list.forEach((r, i) => {
		const path = ['triggeredRecommendations', i];
		if (dimensionRecommendationIds.has(r.id)) issue([...path, 'id'], `id "${r.id}" is already used in recommendations`);
		if (r.trigger.kind === 'tension' && !tensionIds.has(r.trigger.tension))
			issue([...path, 'trigger', 'tension'], `unknown tension "${r.trigger.tension}"`);
		if (r.trigger.kind === 'dont-know' && r.trigger.dimension !== undefined && !dimensionIds.has(r.trigger.dimension))
			issue([...path, 'trigger', 'dimension'], `unknown dimension "${r.trigger.dimension}"`);
	});
	if (!format2) return;
	q.tensions.forEach((t, i) => {
		if (!list.some((r) => r.trigger.kind === 'tension' && r.trigger.tension === t.id))
			issue(['tensions', i], `no triggered recommendation for tension "${t.id}"`);
	});
	if (!list.some((r) => r.trigger.kind === 'dont-know' && r.trigger.dimension === undefined))
		issue(['triggeredRecommendations'], 'no recommendation for a high overall "don\'t know" share (trigger {"kind":"dont-know"})');
}

function checkContradictions(q: Questionnaire, issue: ReportIssue): void {
	uniqueIds(q.contradictions, ['contradictions'], 'contradiction id', issue);
	const optionsOf = new Map(q.questions.map((x) => [x.id, new Set(x.options.map((o) => o.id))]));
	q.contradictions?.forEach((c, i) => {
		const used = new Set<string>();
		c.when.forEach((cond, j) => {
			const path = ['contradictions', i, 'when', j];
			const options = optionsOf.get(cond.question);
			if (!options) return issue([...path, 'question'], `unknown question "${cond.question}"`);
			if (used.has(cond.question)) issue([...path, 'question'], `question "${cond.question}" appears twice in one rule`);
			used.add(cond.question);
			cond.options.forEach((o, k) => {
				if (!options.has(o)) issue([...path, 'options', k], `"${o}" is not an option of question "${cond.question}"`);
			});
		});
	});
}

function checkLevelMatrix(q: Questionnaire, issue: ReportIssue): void {
	const cells = q.levelMatrix;
	if (!cells) return;
	const seen = new Set<string>();
	cells.forEach((c, i) => {
		if (!q.dimensions.some((d) => d.id === c.dimension)) issue(['levelMatrix', i, 'dimension'], `unknown dimension "${c.dimension}"`);
		const key = `${c.dimension}@${c.level}`;
		if (seen.has(key)) issue(['levelMatrix', i], `a second cell for dimension "${c.dimension}" at level ${c.level}`);
		seen.add(key);
	});
	for (const d of q.dimensions)
		for (const level of [1, 2, 3])
			if (!seen.has(`${d.id}@${level}`)) issue(['levelMatrix'], `no cell for dimension "${d.id}" at level ${level}`);
}

function checkDiscussion(q: Questionnaire, dimensionIds: Set<string>, issue: ReportIssue): void {
	const discussion = q.discussion;
	if (!discussion) return;
	const covered = new Set<string>();
	discussion.dimensions.forEach((entry, i) => {
		const path = ['discussion', 'dimensions', i];
		if (!dimensionIds.has(entry.dimension)) issue([...path, 'dimension'], `unknown dimension "${entry.dimension}"`);
		if (covered.has(entry.dimension)) issue([...path, 'dimension'], `dimension "${entry.dimension}" appears twice`);
		covered.add(entry.dimension);
		entry.prompts.forEach((p, j) => checkPlaceholders(p, [], [], [...path, 'prompts', j], issue));
		checkPlaceholders(entry.evidence, [], [], [...path, 'evidence'], issue);
	});
	for (const id of dimensionIds) if (!covered.has(id)) issue(['discussion', 'dimensions'], `no prompts for dimension "${id}"`);
	const situations = new Set<string>();
	discussion.situations.forEach((entry, i) => {
		const path = ['discussion', 'situations', i];
		if (situations.has(entry.situation)) issue([...path, 'situation'], `situation "${entry.situation}" appears twice`);
		situations.add(entry.situation);
		const allowed = SITUATION_PLACEHOLDERS[entry.situation];
		entry.prompts.forEach((p, j) => checkPlaceholders(p, allowed, [], [...path, 'prompts', j], issue));
	});
	for (const s of REQUIRED_SITUATIONS) if (!situations.has(s)) issue(['discussion', 'situations'], `no prompts for situation "${s}"`);
}

function checkEvidence(q: Questionnaire, issue: ReportIssue): void {
	const entries = q.evidence;
	if (!entries) return;
	const questionIds = new Set(q.questions.map((x) => x.id));
	const covered = new Set<string>();
	entries.forEach((e, i) => {
		if (!questionIds.has(e.question)) issue(['evidence', i, 'question'], `unknown question "${e.question}"`);
		if (covered.has(e.question)) issue(['evidence', i, 'question'], `question "${e.question}" appears twice`);
		covered.add(e.question);
	});
	for (const id of questionIds) if (!covered.has(id)) issue(['evidence'], `no evidence checklist for question "${id}"`);
}

function checkMeasures(q: Questionnaire, dimensionIds: Set<string>, issue: ReportIssue): void {
	const measures = q.measures;
	if (!measures) return;
	uniqueIds(measures, ['measures'], 'measure id', issue);
	measures.forEach((m, i) => {
		if (!dimensionIds.has(m.dimension)) issue(['measures', i, 'dimension'], `unknown dimension "${m.dimension}"`);
	});
	for (const d of dimensionIds)
		for (const step of STEPS)
			for (const kind of HORIZONS)
				if (!measures.some((m) => m.dimension === d && m.step === step && m.kind === kind))
					issue(['measures'], `no ${kind} for dimension "${d}" at step ${step}`);
}

function checkContextQuestions(q: Questionnaire, issue: ReportIssue): void {
	uniqueIds(q.contextQuestions, ['contextQuestions'], 'context question id', issue);
	const scored = new Set(q.questions.map((x) => x.id));
	q.contextQuestions?.forEach((c, i) => {
		if (scored.has(c.id)) issue(['contextQuestions', i, 'id'], `"${c.id}" is already the id of a scored question`);
		if (c.type === 'single' || c.type === 'multiple') uniqueIds(c.options, ['contextQuestions', i, 'options'], 'option id', issue);
	});
}

function checkGlossary(q: Questionnaire, issue: ReportIssue): void {
	uniqueIds(q.glossary, ['glossary'], 'glossary id', issue);
	for (const locale of LOCALES) {
		const terms = new Set<string>();
		q.glossary?.forEach((g, i) => {
			const term = g.term[locale].toLocaleLowerCase(locale);
			if (terms.has(term)) issue(['glossary', i, 'term', locale], `term "${g.term[locale]}" is defined twice`);
			terms.add(term);
		});
	}
}

function checkPerspectives(q: Questionnaire, format2: boolean, issue: ReportIssue): void {
	const list = q.perspectives;
	if (!list) return;
	const estimators = new Set<string>();
	list.forEach((p, i) => {
		const path = ['perspectives', i];
		if (p.estimator === p.target) issue([...path, 'target'], 'a group cannot estimate itself');
		if (estimators.has(p.estimator)) issue([...path, 'estimator'], `group role "${p.estimator}" already estimates another group`);
		estimators.add(p.estimator);
		checkPlaceholders(p.question, PERSPECTIVE_PLACEHOLDERS, PERSPECTIVE_PLACEHOLDERS, [...path, 'question'], issue);
		checkPlaceholders(p.intro, [], [], [...path, 'intro'], issue);
		checkPlaceholders(p.resultCaption, [], [], [...path, 'resultCaption'], issue);
	});
	if (format2)
		for (const role of GROUP_ROLES)
			if (!estimators.has(role)) issue(['perspectives'], `no perspective for group role "${role}"`);
}

/** `{name}` placeholders of one text. */
export function placeholdersOf(text: string): string[] {
	return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
}

/** Every placeholder must be allowed, the required ones present, and both languages use the same. */
function checkPlaceholders(
	text: LocalizedText,
	allowed: readonly string[],
	required: readonly string[],
	path: IssuePath,
	issue: ReportIssue
): void {
	const sets = LOCALES.map((locale) => {
		const found = placeholdersOf(text[locale]);
		for (const name of found)
			if (!allowed.includes(name))
				issue([...path, locale], `unknown placeholder {${name}}` + (allowed.length ? `; allowed: ${allowed.map((a) => `{${a}}`).join(', ')}` : '; none is allowed here'));
		for (const name of required) if (!found.includes(name)) issue([...path, locale], `must contain {${name}}`);
		return [...new Set(found)].sort().join(',');
	});
	if (sets[0] !== sets[1]) issue(path, 'German and English use different placeholders');
}
