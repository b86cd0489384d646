import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextSchema, hasVisibleCharacter } from './text.js';

describe('cleanText', () => {
	it.each([
		['plain text stays', 'Kundenservice 2025', 'Kundenservice 2025'],
		['trims', '  Vertrieb  ', 'Vertrieb'],
		['NFC: decomposed umlaut is composed', 'Fu\u0308hrung', 'F\u00fchrung'],
		['NUL and other C0 controls go', 'Te\u0000am\u0007', 'Team'],
		['C1 controls go', 'Te\u0090am', 'Team'],
		['DEL goes', 'Team\u007f', 'Team'],
		['line breaks and tabs become spaces', 'Service\nTeam\tNord', 'Service Team Nord'],
		['zero-width space goes', '\u200BTeam\u200B', 'Team'],
		['byte-order mark and word joiner go', '\uFEFFTe\u2060am', 'Team'],
		['soft hyphen goes', 'Kunden\u00ADservice', 'Kundenservice'],
		['right-to-left override goes', 'abc\u202Efdp.exe', 'abcfdp.exe'],
		['isolates and marks go', '\u2067Team\u2069\u200F', 'Team'],
		['lone surrogate goes', 'Team\uD800', 'Team'],
		['emoji with zero-width joiner is kept', 'Team 👩\u200D💻', 'Team 👩\u200D💻'],
		['ZWNJ is kept (needed in some scripts)', 'می\u200Cخواهم', 'می\u200Cخواهم'],
		['only invisible characters: empty', '\u200B\u200E\u202E\u0000 ', '']
	])('%s', (_name, input, expected) => {
		expect(cleanText(input)).toBe(expected);
	});
});

describe('hasVisibleCharacter', () => {
	it.each([
		['Team', true],
		['·', true],
		['👩\u200D💻', true],
		['', false],
		['   ', false],
		['\u00A0\u3000', false],
		['\u200D', false],
		['\u0301', false],
		['\u2800', false],
		['\u3164', false],
		['\uE000', false]
	])('%j → %s', (text, expected) => {
		expect(hasVisibleCharacter(text)).toBe(expected);
	});
});

describe('cleanTextSchema', () => {
	const title = cleanTextSchema({ max: 10 });
	const optional = cleanTextSchema({ max: 10, allowEmpty: true });
	it.each([
		[title, ' Führung ', 'Führung'],
		[title, '\u200B', undefined],
		[title, '\u0000', undefined],
		[title, '\u202E\u202C', undefined],
		[title, 'x'.repeat(11), undefined],
		[title, `${'x'.repeat(10)}\u200B\u200B`, 'x'.repeat(10)],
		[optional, '', ''],
		[optional, '\u200B', ''],
		[optional, 'Nord', 'Nord']
	])('%#: %j → %j (undefined: refused)', (schema, input, expected) => {
		const result = schema.safeParse(input);
		expect(result.success ? result.data : undefined).toBe(expected);
	});
});
