import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text';

describe('wrapText', () => {
	it.each([
		{ text: 'short', max: 20, lines: ['short'] },
		{ text: 'one two three four', max: 9, lines: ['one two', 'three', 'four'] },
		{ text: 'averyveryverylongword next', max: 5, lines: ['averyveryverylongword', 'next'] },
		{ text: '', max: 5, lines: [] }
	])('$text at $max', ({ text, max, lines }) => {
		expect(wrapText(text, max)).toEqual(lines);
	});
});
