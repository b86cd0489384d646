import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './icalendar.js';

describe('iCalendar text', () => {
	it.each([
		['a,b;c\\d', 'a\\,b\\;c\\\\d'],
		['two\nlines', 'two\\nlines'],
		['<b>x</b> 🎉', '<b>x</b> 🎉']
	])('escapes %j as %j', (text, out) => {
		expect(escapeText(text)).toBe(out);
	});

	it('folds at 75 octets without splitting a character, continuation lines start with a space', () => {
		const line = `SUMMARY:${'ä'.repeat(60)}🎉${'x'.repeat(80)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(2);
		for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
		expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
		expect(foldLine('SHORT:x')).toBe('SHORT:x');
	});
});
