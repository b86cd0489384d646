import { describe, expect, it } from 'vitest';
import { cssString } from './css-string';

describe('a CSS string for the printed footer', () => {
	it.each([
		['Service-Klausur Q1', '"Service-Klausur Q1"'],
		['Größe · 2026', '"Größe \\b7  2026"'],
		['a"b', '"a\\22 b"'],
		['</style><script>', '"\\3c \\2f style\\3e \\3c script\\3e "'],
		['x\\y;}', '"x\\5c y\\3b \\7d "'],
		['🎉', '"\\1f389 "'],
		['line\nbreak', '"line\\a break"']
	])('%j → %s', (text, css) => {
		expect(cssString(text)).toBe(css);
	});
});
