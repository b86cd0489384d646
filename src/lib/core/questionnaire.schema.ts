import { z } from 'zod';

/**
 * The questionnaire file format. Every file in `questionnaires/` is parsed with this schema at
 * start-up; the browser only imports the inferred types (type imports are erased), so zod never
 * reaches the participant's bundle through this module.
 */

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported language; a missing locale is an error, not a fallback. */
export const localizedText = z.strictObject({
	de: z.string().trim().min(1, 'German text is empty'),
	en: z.string().trim().min(1, 'English text is empty')
});
export type LocalizedText = z.infer<typeof localizedText>;

const slug = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'use lower-case letters, digits, "-" and "."');
export const levelValue = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type LevelValue = z.infer<typeof levelValue>;

const level = z.strictObject({
	id: z.enum(['reactive', 'optimising', 'strategic']),
	value: levelValue,
	label: localizedText,
	tagline: localizedText,
	summary: localizedText,
	patterns: z.array(localizedText).min(3)
});

const dimension = z.strictObject({
	id: slug,
	label: localizedText,
	short: localizedText,
	question: localizedText,
	description: localizedText
});

const option = z.strictObject({ id: slug, level: levelValue, text: localizedText });

const question = z.strictObject({
	id: slug,
	dimension: slug,
	text: localizedText,
	help: localizedText.optional(),
	options: z.array(option).min(3).max(6)
});

const scoring = z.strictObject({
	minAnswered: z.int().min(1),
	/** A mean at or below `reactiveMax` is reactive, at or below `optimisingMax` optimising, above strategic. */
	thresholds: z.strictObject({ reactiveMax: z.number(), optimisingMax: z.number() }),
	/** The overall level is the mean's level, at most `maxLevelsAboveWeakest` above the weakest dimension. */
	overall: z.strictObject({ maxLevelsAboveWeakest: z.int().min(0).max(2) }),
	/** Share of "don't know" answers from which that is reported as a finding of its own. */
	dontKnowShare: z.number().gt(0).lte(1)
});

const recommendation = z.strictObject({
	id: slug,
	dimension: slug,
	level: levelValue,
	title: localizedText,
	body: localizedText,
	nextStep: localizedText
});

const divergence = z.strictObject({
	notableGap: z.number().positive(),
	majorGap: z.number().positive(),
	splitAd: z.number().positive()
});

/**
 * A tension fires when a "high" dimension scores at least `minGap` above a "low" one:
 * for some pair (`match: "any"`) or for every scored pair (`match: "all"`).
 */
const tension = z.strictObject({
	id: slug,
	rule: z.strictObject({
		high: z.array(slug).min(1),
		low: z.array(slug).min(1),
		minGap: z.number().positive(),
		match: z.enum(['any', 'all'])
	}),
	title: localizedText,
	text: localizedText
});

export const questionnaireSchema = z
	.strictObject({
		id: slug,
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
		locales: z.array(z.enum(LOCALES)).min(1),
		title: localizedText,
		description: localizedText,
		estimatedMinutes: z.int().positive(),
		levels: z.tuple([level, level, level]),
		dimensions: z.array(dimension).min(2),
		questions: z.array(question).min(1),
		scoring,
		recommendations: z.array(recommendation),
		divergence,
		tensions: z.array(tension)
	})
	.superRefine((q, ctx) => crossCheck(q, ctx));

type Parsed = z.infer<typeof questionnaireSchema>;
export type Questionnaire = Parsed;
export type Level = Parsed['levels'][number];
export type Dimension = Parsed['dimensions'][number];
export type Question = Parsed['questions'][number];
export type Option = Question['options'][number];
export type Recommendation = Parsed['recommendations'][number];
export type Tension = Parsed['tensions'][number];
export type DivergenceThresholds = Parsed['divergence'];

/** Rules a plain shape cannot express: references between sections and uniqueness of ids. */
function crossCheck(q: Parsed, ctx: z.RefinementCtx): void {
	const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
	const expectedLevels = ['reactive', 'optimising', 'strategic'];
	q.levels.forEach((l, i) => {
		if (l.id !== expectedLevels[i] || l.value !== i + 1)
			issue(['levels', i], `level ${i + 1} must be "${expectedLevels[i]}" with value ${i + 1}`);
	});
	const dimensionIds = new Set<string>();
	q.dimensions.forEach((d, i) => {
		if (dimensionIds.has(d.id)) issue(['dimensions', i, 'id'], `duplicate dimension id "${d.id}"`);
		dimensionIds.add(d.id);
	});
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
		for (const lv of [1, 2, 3])
			if (!q.recommendations.some((r) => r.dimension === d.id && r.level === lv))
				issue(['recommendations'], `no recommendation for dimension "${d.id}" at level ${lv}`);
	}
	q.recommendations.forEach((r, i) => {
		if (!dimensionIds.has(r.dimension)) issue(['recommendations', i, 'dimension'], `unknown dimension "${r.dimension}"`);
	});
	q.tensions.forEach((t, i) => {
		for (const side of ['high', 'low'] as const)
			t.rule[side].forEach((id, j) => {
				if (!dimensionIds.has(id)) issue(['tensions', i, 'rule', side, j], `unknown dimension "${id}"`);
			});
	});
	const { reactiveMax, optimisingMax } = q.scoring.thresholds;
	if (!(reactiveMax >= 1 && reactiveMax < optimisingMax && optimisingMax <= 3))
		issue(['scoring', 'thresholds'], 'need 1 ≤ reactiveMax < optimisingMax ≤ 3');
	if (q.divergence.majorGap < q.divergence.notableGap)
		issue(['divergence', 'majorGap'], 'majorGap must not be below notableGap');
	if (!q.locales.includes('de') || !q.locales.includes('en')) issue(['locales'], 'must list "de" and "en"');
}
