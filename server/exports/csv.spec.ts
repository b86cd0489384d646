import { describe, expect, it } from 'vitest';
import { csvCell, dialectOf, quoteField, tableCsv } from './csv.js';

describe('CSV fields and dialects', () => {
	it.each([
		['plain', ';', 'plain'],
		['a;b', ';', '"a;b"'],
		['a,b', ';', 'a,b'],
		['a,b', ',', '"a,b"'],
		['say "hi"', ';', '"say ""hi"""'],
		['two\nlines', ';', '"two\nlines"'],
		[' padded ', ';', '" padded "'],
		['🎉 Emoji', ';', '🎉 Emoji']
	])('quotes %j with %j as %j', (text, separator, out) => {
		expect(quoteField(text, separator)).toBe(out);
	});

	it.each([
		['de', { number: 2.67, format: 'decimal' as const }, '2,67'],
		['en', { number: 2.67, format: 'decimal' as const }, '2.67'],
		['de', { number: -0.5, format: 'decimal' as const }, '-0,5'],
		['de', { date: new Date('2027-01-31T00:00:00Z') }, '31.01.2027'],
		['en', { date: new Date('2027-01-31T00:00:00Z') }, '2027-01-31'],
		['de', '=1+1', "'=1+1"],
		['de', null, '']
	] as const)('%s: %j → %j', (locale, cell, out) => {
		expect(csvCell(cell, dialectOf(locale))).toBe(out);
	});

	it('writes a BOM, the header and CRLF line ends', () => {
		const csv = tableCsv({ id: 'ideas', name: 'Ideen', columns: [{ header: 'Idee', width: 10 }, { header: 'Punkte', width: 5 }], rows: [['a;b', { number: 3, format: 'integer' }]] }, 'de');
		expect(csv).toBe('\uFEFFIdee;Punkte\r\n"a;b";3\r\n');
	});
});
