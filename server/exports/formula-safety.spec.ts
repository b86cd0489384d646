import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula-safety.js';

describe('text that a spreadsheet could run as a formula gets an apostrophe', () => {
	it.each([
		['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
		['+49 30 1234', "'+49 30 1234"],
		['-Kundenportal', "'-Kundenportal"],
		['@channel', "'@channel"],
		['\t=1+1', "'\t=1+1"],
		['\rcmd', "'\rcmd"],
		['  =SUM(A1)', "'  =SUM(A1)"],
		['＝1+1', "'＝1+1"],
		['Kundenportal', 'Kundenportal'],
		['E-Mail an @team', 'E-Mail an @team'],
		['', ''],
		['<b>fett</b>; "zitiert"', '<b>fett</b>; "zitiert"']
	])('%j → %j', (input, output) => {
		expect(neutraliseFormula(input)).toBe(output);
	});
});
