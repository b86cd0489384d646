import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { parseQuestionnaireFile } from './questionnaire.catalog.js';

/**
 * The cross-checks of the format-2 sections, one broken copy of service-maturity 2.0.0 per row:
 * each must fail with the JSON path an editor searches for and a message that says what is wrong.
 */
const DIR = resolve(import.meta.dirname, '../../questionnaires');
const V2_TEXT = readFileSync(resolve(DIR, 'service-maturity-2.0.0.json'), 'utf8');
const V1_TEXT = readFileSync(resolve(DIR, 'service-maturity-1.0.0.json'), 'utf8');

const copyOf = (text: string) => JSON.parse(text) as Questionnaire;
const at = <T>(list: T[] | undefined, i: number): T => {
	const item = list?.[i];
	if (item === undefined) throw new Error(`no item ${i}`);
	return item;
};

/** The error message of parsing an edited copy, or "" when it validates. */
function problemsOf(edit: (q: Questionnaire) => void, text = V2_TEXT): string {
	const q = copyOf(text);
	edit(q);
	try {
		parseQuestionnaireFile('copy.json', JSON.stringify(q));
		return '';
	} catch (error) {
		return (error as Error).message;
	}
}

describe('service-maturity 2.0.0 as shipped', () => {
	it('validates', () => expect(problemsOf(() => {})).toBe(''));
});

describe('a broken copy of 2.0.0 names the JSON path and the problem', () => {
	it.each<{ name: string; edit: (q: Questionnaire) => void; expected: string }>([
		{ name: 'a section format 2 requires is missing', edit: (q) => delete q.glossary, expected: '$.glossary: required from version 2.0.0 on' },
		{ name: 'the instructions are missing', edit: (q) => delete q.instructions, expected: '$.instructions: required from version 2.0.0 on' },
		{ name: 'a recommendation lacks its metric', edit: (q) => delete at(q.recommendations, 2).metric, expected: '$.recommendations[2].metric: required from version 2.0.0 on' },
		{ name: 'a tension lacks its prompt', edit: (q) => delete at(q.tensions, 0).prompt, expected: '$.tensions[0].prompt: required from version 2.0.0 on' },
		{ name: 'an owner role is unknown', edit: (q) => (at(q.recommendations, 0).owner = 'ceo'), expected: '$.recommendations[0].owner: unknown owner role "ceo"' },
		{ name: 'a measure owner is unknown', edit: (q) => (at(q.measures, 3).owner = 'board'), expected: '$.measures[3].owner: unknown owner role "board"' },
		{ name: 'two owner roles share an id', edit: (q) => (at(q.ownerRoles, 1).id = 'leadership'), expected: '$.ownerRoles[1].id: duplicate owner role id "leadership"' },
		{ name: 'two recommendations share an id', edit: (q) => (at(q.recommendations, 1).id = 'rec-vision-1'), expected: '$.recommendations[1].id: duplicate recommendation id "rec-vision-1"' },
		{ name: 'an effort is not S, M or L', edit: (q) => Object.assign(at(q.recommendations, 0), { effort: 'XL' }), expected: '$.recommendations[0].effort' },
		{
			name: 'a compliance note names no topic',
			edit: (q) => Object.assign(at(q.recommendations, 4), { compliance: { topics: [], note: { de: 'x', en: 'x' } } }),
			expected: '$.recommendations[4].compliance.topics'
		},
		{
			name: 'a triggered recommendation points to an unknown tension',
			edit: (q) => Object.assign(at(q.triggeredRecommendations, 0), { trigger: { kind: 'tension', tension: 'nope' } }),
			expected: '$.triggeredRecommendations[0].trigger.tension: unknown tension "nope"'
		},
		{
			name: 'a tension has no triggered recommendation',
			edit: (q) => (q.triggeredRecommendations = q.triggeredRecommendations?.filter((r) => r.id !== 'rec-tension-tools-without-roots')),
			expected: '$.tensions[8]: no triggered recommendation for tension "tools-without-roots"'
		},
		{
			name: 'there is no recommendation for many "don\'t know" answers overall',
			edit: (q) => (q.triggeredRecommendations = q.triggeredRecommendations?.filter((r) => r.id !== 'rec-dont-know')),
			expected: '$.triggeredRecommendations: no recommendation for a high overall "don\'t know" share'
		},
		{
			name: 'a "don\'t know" trigger names an unknown dimension',
			edit: (q) => Object.assign(at(q.triggeredRecommendations, 10), { trigger: { kind: 'dont-know', dimension: 'budget' } }),
			expected: '$.triggeredRecommendations[10].trigger.dimension: unknown dimension "budget"'
		},
		{
			name: 'a triggered recommendation reuses a recommendation id',
			edit: (q) => (at(q.triggeredRecommendations, 9).id = 'rec-goals-2'),
			expected: '$.triggeredRecommendations[9].id: id "rec-goals-2" is already used in recommendations'
		},
		{
			name: 'a contradiction names an unknown question',
			edit: (q) => (at(at(q.contradictions, 0).when, 0).question = 'technology-cloud'),
			expected: '$.contradictions[0].when[0].question: unknown question "technology-cloud"'
		},
		{
			name: 'a contradiction names an option of another question',
			edit: (q) => (at(at(q.contradictions, 0).when, 1).options = ['technology-growth.staff']),
			expected: '$.contradictions[0].when[1].options[0]: "technology-growth.staff" is not an option of question "engagement-self-service"'
		},
		{
			name: 'a contradiction uses one question twice',
			edit: (q) => (at(q.contradictions, 0).when[1] = { question: 'technology-growth', options: ['technology-growth.staff'] }),
			expected: '$.contradictions[0].when[1].question: question "technology-growth" appears twice in one rule'
		},
		{ name: 'a contradiction has one condition only', edit: (q) => (at(q.contradictions, 2).when = at(q.contradictions, 2).when.slice(0, 1)), expected: '$.contradictions[2].when' },
		{ name: 'two contradictions share an id', edit: (q) => (at(q.contradictions, 1).id = at(q.contradictions, 0).id), expected: '$.contradictions[1].id: duplicate contradiction id' },
		{
			name: 'the level matrix misses a cell',
			edit: (q) => (q.levelMatrix = q.levelMatrix?.filter((c) => !(c.dimension === 'technology' && c.level === 3))),
			expected: '$.levelMatrix: no cell for dimension "technology" at level 3'
		},
		{ name: 'the level matrix has a cell twice', edit: (q) => (at(q.levelMatrix, 1).level = 1), expected: '$.levelMatrix[1]: a second cell for dimension "vision" at level 1' },
		{ name: 'a matrix cell names an unknown dimension', edit: (q) => (at(q.levelMatrix, 0).dimension = 'budget'), expected: '$.levelMatrix[0].dimension: unknown dimension "budget"' },
		{
			name: 'a dimension has no discussion prompts',
			edit: (q) => q.discussion && (q.discussion.dimensions = q.discussion.dimensions.filter((d) => d.dimension !== 'planning')),
			expected: '$.discussion.dimensions: no prompts for dimension "planning"'
		},
		{
			name: 'a required situation has no prompts',
			edit: (q) => q.discussion && (q.discussion.situations = q.discussion.situations.filter((s) => s.situation !== 'dont-know')),
			expected: '$.discussion.situations: no prompts for situation "dont-know"'
		},
		{
			name: 'a gap prompt uses a placeholder the presenter cannot fill',
			edit: (q) => (at(at(q.discussion?.situations, 0).prompts, 0).de = 'Warum sieht {team} „{dimension}“ anders als {higher} und {lower}?'),
			expected: '$.discussion.situations[0].prompts[0].de: unknown placeholder {team}'
		},
		{
			name: 'German and English prompts use different placeholders',
			edit: (q) => (at(at(q.discussion?.situations, 0).prompts, 1).en = 'Which example would convince {lower}?'),
			expected: '$.discussion.situations[0].prompts[1]: German and English use different placeholders'
		},
		{
			name: 'a dimension prompt uses a placeholder',
			edit: (q) => (at(q.discussion?.dimensions, 0).evidence = { de: 'Beispiel für {dimension}?', en: 'Example for {dimension}?' }),
			expected: '$.discussion.dimensions[0].evidence.de: unknown placeholder {dimension}; none is allowed here'
		},
		{ name: 'a question has no evidence checklist', edit: (q) => (q.evidence = q.evidence?.slice(1)), expected: '$.evidence: no evidence checklist for question "vision-role"' },
		{ name: 'an evidence entry names an unknown question', edit: (q) => (at(q.evidence, 0).question = 'vision-budget'), expected: '$.evidence[0].question: unknown question "vision-budget"' },
		{
			name: 'a dimension and step lacks a project',
			edit: (q) => (q.measures = q.measures?.filter((m) => !(m.dimension === 'vision' && m.step === '2-3' && m.kind === 'project'))),
			expected: '$.measures: no project for dimension "vision" at step 2-3'
		},
		{
			name: 'a dimension and step lacks a quick win',
			edit: (q) => (q.measures = q.measures?.filter((m) => !(m.dimension === 'technology' && m.step === '1-2' && m.kind === 'quick-win'))),
			expected: '$.measures: no quick-win for dimension "technology" at step 1-2'
		},
		{ name: 'a measure names an unknown dimension', edit: (q) => (at(q.measures, 0).dimension = 'budget'), expected: '$.measures[0].dimension: unknown dimension "budget"' },
		{ name: 'a measure has an unknown step', edit: (q) => Object.assign(at(q.measures, 0), { step: '1-3' }), expected: '$.measures[0].step' },
		{ name: 'two measures share an id', edit: (q) => (at(q.measures, 1).id = 'm-vision-role-paragraph'), expected: '$.measures[1].id: duplicate measure id "m-vision-role-paragraph"' },
		{ name: 'a choice context question has no options', edit: (q) => Object.assign(at(q.contextQuestions, 0), { options: [] }), expected: '$.contextQuestions[0].options' },
		{ name: 'a text context question carries options', edit: (q) => Object.assign(at(q.contextQuestions, 6), { options: [] }), expected: '$.contextQuestions[6]' },
		{ name: 'a context question reuses a scored question id', edit: (q) => (at(q.contextQuestions, 7).id = 'goals-kpis'), expected: '$.contextQuestions[7].id: "goals-kpis" is already the id of a scored question' },
		{ name: 'a glossary term is defined twice', edit: (q) => (at(q.glossary, 1).term = { ...at(q.glossary, 0).term }), expected: '$.glossary[1].term.de: term "Kennzahl (KPI)" is defined twice' },
		{ name: 'a group estimates itself', edit: (q) => (at(q.perspectives, 0).target = 'leadership'), expected: '$.perspectives[0].target: a group cannot estimate itself' },
		{ name: 'a group role estimates twice', edit: (q) => (at(q.perspectives, 2).estimator = 'team'), expected: '$.perspectives[2].estimator: group role "team" already estimates another group' },
		{ name: 'a group role has no perspective', edit: (q) => (q.perspectives = q.perspectives?.slice(0, 2)), expected: '$.perspectives: no perspective for group role "other"' },
		{
			name: 'a perspective question does not name the dimension',
			edit: (q) => (at(q.perspectives, 1).question = { de: 'Wo sieht die Führung den Kundenservice bei „{dimension}“?', en: 'Where does leadership place customer service?' }),
			expected: '$.perspectives[1].question.en: must contain {dimension}'
		},
		{ name: 'the status is neither draft nor published', edit: (q) => Object.assign(q, { status: 'beta' }), expected: '$.status' }
	])('$name', ({ edit, expected }) => {
		expect(problemsOf(edit)).toContain(expected);
	});
});

describe('format versions', () => {
	const format2Sections = ['instructions', 'ownerRoles', 'triggeredRecommendations', 'contradictions', 'levelMatrix', 'discussion', 'evidence', 'measures', 'contextQuestions', 'glossary', 'perspectives'] as const;

	it('1.0.0 validates without any format-2 section', () => expect(problemsOf(() => {}, V1_TEXT)).toBe(''));

	it('below 2.0.0 the format-2 sections and plan fields are optional', () => {
		const problems = problemsOf((q) => {
			q.version = '1.9.0';
			for (const key of format2Sections) delete q[key];
			for (const r of q.recommendations) delete r.owner;
		});
		expect(problems).toBe('');
	});

	it('a format-2 section in a 1.x file is still cross-checked', () => {
		const problems = problemsOf(
			(q) => (q.contradictions = [{ id: 'x', severity: 'implausible', when: [{ question: 'vision-role', options: ['vision-role.a'] }, { question: 'nope', options: ['n.a'] }], title: { de: 't', en: 't' }, text: { de: 't', en: 't' } }]),
			V1_TEXT
		);
		expect(problems).toContain('$.contradictions[0].when[1].question: unknown question "nope"');
	});
});
