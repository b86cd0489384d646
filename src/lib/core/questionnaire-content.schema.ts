import { z } from 'zod';
import { groupRole, levelValue, localizedText, slug } from './questionnaire.primitives.js';

/**
 * Sections added in questionnaire format 2 (see docs/questionnaire-2.md): everything the check
 * needs beyond scoring, and the workshop content. Each is optional in the shape so that 1.0.0
 * files validate unchanged; `crossCheck` requires all of them from major version 2 on.
 */

/** A role that can own a recommendation or measure, named once so every mention reads the same. */
export const ownerRole = z.strictObject({ id: slug, label: localizedText });

export const EFFORTS = ['S', 'M', 'L'] as const;
/** `quick-win`: visible effect within 90 days; `project`: 3–12 months. */
export const HORIZONS = ['quick-win', 'project'] as const;
export const IMPACTS = ['low', 'medium', 'high'] as const;
/** What makes a step need the data-protection officer or the works council before it starts. */
export const COMPLIANCE_TOPICS = ['personal-data', 'employee-monitoring', 'customer-facing-ai'] as const;

export const compliance = z.strictObject({
	topics: z.array(z.enum(COMPLIANCE_TOPICS)).min(1),
	/** Data protection (DSGVO/GDPR) and works council (Betriebsrat) in one short note. */
	note: localizedText
});

/** Fields that turn a recommendation into a roadmap row. */
export const planFields = {
	owner: slug,
	effort: z.enum(EFFORTS),
	/** How the organisation will notice that the step worked. */
	metric: localizedText,
	horizon: z.enum(HORIZONS),
	compliance: compliance.optional()
};

/** A recommendation shown when a finding other than a dimension's level occurs. */
export const triggeredRecommendation = z.strictObject({
	id: slug,
	trigger: z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('tension'), tension: slug }),
		/** Without `dimension`: the overall "don't know" share; with it: that dimension's share. */
		z.strictObject({ kind: z.literal('dont-know'), dimension: slug.optional() })
	]),
	title: localizedText,
	body: localizedText,
	nextStep: localizedText,
	...planFields
});

/**
 * Two or more answers of one person that do not fit together. The rule holds when every condition
 * holds; a condition holds when the answer to `question` is one of `options`. "Don't know" and
 * unanswered questions never satisfy a condition.
 */
export const contradiction = z.strictObject({
	id: slug,
	/** `contradiction`: the answers cannot both be true; `implausible`: possible, but worth a question. */
	severity: z.enum(['contradiction', 'implausible']),
	when: z.array(z.strictObject({ question: slug, options: z.array(slug).min(1) })).min(2).max(4),
	title: localizedText,
	text: localizedText
});

/** One cell of the dimension × level matrix: what that level looks like in that dimension. */
export const levelMatrixCell = z.strictObject({ dimension: slug, level: levelValue, text: localizedText });

export const SITUATIONS = ['gap', 'split', 'blind-spot', 'hidden-strength', 'dont-know'] as const;
export type Situation = (typeof SITUATIONS)[number];
/** The situations every format-2 file must cover (hidden strength is optional). */
export const REQUIRED_SITUATIONS: readonly Situation[] = ['gap', 'split', 'blind-spot', 'dont-know'];
/**
 * Placeholders a prompt may use, filled in by the presenter: `{dimension}` the dimension's label,
 * `{higher}`/`{lower}` the labels of the groups above and below, `{group}` the group concerned.
 */
export const SITUATION_PLACEHOLDERS: Readonly<Record<Situation, readonly string[]>> = {
	gap: ['dimension', 'higher', 'lower'],
	split: ['dimension', 'group'],
	'blind-spot': ['dimension'],
	'hidden-strength': ['dimension'],
	'dont-know': ['dimension', 'group']
};

const prompts = z.array(localizedText).min(1).max(4);

export const discussion = z.strictObject({
	dimensions: z.array(
		z.strictObject({
			dimension: slug,
			prompts,
			/** Asks for a concrete example, so the room talks about practice, not opinion. */
			evidence: localizedText
		})
	),
	situations: z.array(z.strictObject({ situation: z.enum(SITUATIONS), prompts }))
});

/** Documents or dashboards that would back a level-3 answer to one question. */
export const evidenceEntry = z.strictObject({ question: slug, items: z.array(localizedText).min(1).max(4) });

export const STEPS = ['1-2', '2-3'] as const;
export type Step = (typeof STEPS)[number];

/** One entry of the measures library the roadmap step picks from. */
export const measure = z.strictObject({
	id: slug,
	dimension: slug,
	/** The level step the measure helps with: from reactive to optimising, or on to strategic. */
	step: z.enum(STEPS),
	kind: z.enum(HORIZONS),
	title: localizedText,
	description: localizedText,
	owner: slug,
	effort: z.enum(EFFORTS),
	impact: z.enum(IMPACTS),
	metric: localizedText,
	compliance: compliance.optional()
});

const contextOption = z.strictObject({ id: slug, text: localizedText });
const contextBase = { id: slug, text: localizedText, help: localizedText.optional() };

/** Asked before a workshop to read the answers in context; never scored. */
export const contextQuestion = z.discriminatedUnion('type', [
	z.strictObject({ ...contextBase, type: z.literal('single'), options: z.array(contextOption).min(2) }),
	z.strictObject({ ...contextBase, type: z.literal('multiple'), options: z.array(contextOption).min(2) }),
	z.strictObject({ ...contextBase, type: z.literal('number'), unit: localizedText.optional() }),
	z.strictObject({ ...contextBase, type: z.literal('text') })
]);

export const glossaryEntry = z.strictObject({ id: slug, term: localizedText, definition: localizedText });

/**
 * The "Perspektivwechsel" step: after their own answers, people in the `estimator` group guess, per
 * dimension, where the `target` group places the service. `question` must contain `{dimension}`.
 */
export const perspective = z.strictObject({
	estimator: groupRole,
	target: groupRole,
	intro: localizedText,
	question: localizedText,
	resultCaption: localizedText
});
export const PERSPECTIVE_PLACEHOLDERS = ['dimension'] as const;
