import { z } from 'zod';
import {
	contextQuestion,
	contradiction,
	discussion,
	evidenceEntry,
	glossaryEntry,
	levelMatrixCell,
	measure,
	ownerRole,
	perspective,
	planFields,
	triggeredRecommendation
} from './questionnaire-content.schema.js';
import { crossCheck } from './questionnaire.cross-check.js';
import { LOCALES, levelValue, localizedText, slug, type LocalizedText } from './questionnaire.primitives.js';

/**
 * The questionnaire file format. Every file in `questionnaires/` is parsed with this schema at
 * start-up; the browser only imports the inferred types (type imports are erased), so zod never
 * reaches the participant's bundle through this module.
 *
 * Format 2 (files with major version ≥ 2) adds the sections of `questionnaire-content.schema.ts`.
 * They are optional in the shape, so 1.x files validate unchanged, and required by `crossCheck`
 * from version 2.0.0 on.
 */

export { LOCALES, levelValue, localizedText, GROUP_ROLES } from './questionnaire.primitives.js';
export type { Locale, LevelValue, LocalizedText, GroupRoleId } from './questionnaire.primitives.js';
export { COMPLIANCE_TOPICS, EFFORTS, HORIZONS, IMPACTS, SITUATIONS, SITUATION_PLACEHOLDERS, STEPS } from './questionnaire-content.schema.js';
export type { Situation, Step } from './questionnaire-content.schema.js';

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
	/** Shown in this order. From format 2 the order is deliberately not the level order. */
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

/** The plan fields (owner, effort, metric, horizon, compliance) are required from format 2. */
const recommendation = z.strictObject({
	id: slug,
	dimension: slug,
	level: levelValue,
	title: localizedText,
	body: localizedText,
	nextStep: localizedText,
	owner: planFields.owner.optional(),
	effort: planFields.effort.optional(),
	metric: planFields.metric.optional(),
	horizon: planFields.horizon.optional(),
	compliance: planFields.compliance
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
	text: localizedText,
	/** A question for the room when the tension shows up in a workshop (required from format 2). */
	prompt: localizedText.optional()
});

export const questionnaireSchema = z
	.strictObject({
		id: slug,
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
		/** A draft is validated and loadable by its exact version, but never served as the default. */
		status: z.enum(['draft', 'published']).optional(),
		locales: z.array(z.enum(LOCALES)).min(1),
		title: localizedText,
		description: localizedText,
		/** Shown before the first question (required from format 2). */
		instructions: localizedText.optional(),
		estimatedMinutes: z.int().positive(),
		levels: z.tuple([level, level, level]),
		dimensions: z.array(dimension).min(2),
		questions: z.array(question).min(1),
		scoring,
		ownerRoles: z.array(ownerRole).optional(),
		recommendations: z.array(recommendation),
		triggeredRecommendations: z.array(triggeredRecommendation).optional(),
		divergence,
		tensions: z.array(tension),
		contradictions: z.array(contradiction).optional(),
		levelMatrix: z.array(levelMatrixCell).optional(),
		discussion: discussion.optional(),
		evidence: z.array(evidenceEntry).optional(),
		measures: z.array(measure).optional(),
		contextQuestions: z.array(contextQuestion).optional(),
		glossary: z.array(glossaryEntry).optional(),
		perspectives: z.array(perspective).optional()
	})
	.superRefine((q, ctx) => crossCheck(q, (path, message) => ctx.addIssue({ code: 'custom', path, message })));

type Parsed = z.infer<typeof questionnaireSchema>;
export type Questionnaire = Parsed;
export type Level = Parsed['levels'][number];
export type Dimension = Parsed['dimensions'][number];
export type Question = Parsed['questions'][number];
export type Option = Question['options'][number];
export type Recommendation = Parsed['recommendations'][number];
export type Tension = Parsed['tensions'][number];
export type DivergenceThresholds = Parsed['divergence'];

export type OwnerRole = z.infer<typeof ownerRole>;
export type Compliance = NonNullable<Recommendation['compliance']>;
export type TriggeredRecommendation = z.infer<typeof triggeredRecommendation>;
export type RecommendationTrigger = TriggeredRecommendation['trigger'];
export type Contradiction = z.infer<typeof contradiction>;
export type ContradictionCondition = Contradiction['when'][number];
export type LevelMatrixCell = z.infer<typeof levelMatrixCell>;
export type Discussion = z.infer<typeof discussion>;
export type EvidenceEntry = z.infer<typeof evidenceEntry>;
export type Measure = z.infer<typeof measure>;
export type ContextQuestion = z.infer<typeof contextQuestion>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
export type Perspective = z.infer<typeof perspective>;

/** A recommendation with every roadmap field present, as format 2 guarantees. */
export type PlannedRecommendation = Recommendation & Required<Pick<Recommendation, 'owner' | 'effort' | 'metric' | 'horizon'>>;

/** The sections format 2 requires, as non-optional fields. */
export type QuestionnaireV2 = Questionnaire &
	Required<
		Pick<
			Questionnaire,
			| 'instructions'
			| 'ownerRoles'
			| 'triggeredRecommendations'
			| 'contradictions'
			| 'levelMatrix'
			| 'discussion'
			| 'evidence'
			| 'measures'
			| 'contextQuestions'
			| 'glossary'
			| 'perspectives'
		>
	> & { recommendations: PlannedRecommendation[]; tensions: (Tension & { prompt: LocalizedText })[] };

export function majorVersion(version: string): number {
	return Number(version.split('.')[0]);
}

/** True for a parsed file of format 2 or later: the schema has then checked every section is there. */
export function isQuestionnaireV2(q: Questionnaire): q is QuestionnaireV2 {
	return majorVersion(q.version) >= 2;
}
