import { describe, expect, it } from 'vitest';
import { fixture } from './questionnaire.fixture.js';
import { countWords, readingWordCount } from './reading.js';

describe('countWords', () => {
	it.each<[string, number]>([
		['', 0],
		['   ', 0],
		['Wie weit im Voraus?', 4],
		['6–12 Monate, in einer Roadmap.', 5],
		['Mengen – und Zeiten', 3],
		['Kund:innen „Weiß ich nicht“', 4],
		['line\nbreak\tand tab', 4]
	])('%j has %i words', (text, words) => expect(countWords(text)).toBe(words));
});

describe('readingWordCount', () => {
	it('counts question texts and options; the fixture has no instructions or help', () => {
		// 9 questions: a one-word text ("a1") and three one-word options each.
		expect(readingWordCount(fixture, 'de')).toBe(9 * 4);
	});

	it('adds instructions and help texts', () => {
		const withExtras = {
			...fixture,
			instructions: { de: 'Antwortet so, wie es heute ist.', en: 'Answer as things are today.' },
			questions: fixture.questions.map((x, i) => (i === 0 ? { ...x, help: { de: 'Eine Hilfe.', en: 'Some help here.' } } : x))
		};
		expect(readingWordCount(withExtras, 'de')).toBe(9 * 4 + 6 + 2);
		expect(readingWordCount(withExtras, 'en')).toBe(9 * 4 + 5 + 3);
	});
});
