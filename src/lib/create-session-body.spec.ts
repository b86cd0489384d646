import { describe, expect, it } from 'vitest';
import { createSessionBody } from './protocol';

const firstIssue = (body: unknown) => {
	const result = createSessionBody.safeParse(body);
	return result.success ? undefined : { path: result.error.issues[0]?.path.join('.'), message: result.error.issues[0]?.message };
};

describe('createSessionBody: text hygiene', () => {
	it('cleans the title, organisation and labels it keeps', () => {
		const parsed = createSessionBody.parse({
			title: ' Service\u200B-Check\n2025 ',
			organisation: '\u202EACME',
			groups: [{ label: 'Fu\u0308hrung' }, { label: { de: 'Team\u0000', en: 'Team ' } }]
		});
		expect(parsed.title).toBe('Service-Check 2025');
		expect(parsed.organisation).toBe('ACME');
		expect(parsed.groups?.map((g) => g.label)).toEqual(['F\u00fchrung', { de: 'Team', en: 'Team' }]);
	});

	it.each([
		['a title of a NUL', { title: '\u0000' }, 'title'],
		['a title of zero-width spaces', { title: '\u200B\u200B' }, 'title'],
		['a title of bidi overrides', { title: '\u202E\u2066\u2069' }, 'title'],
		['an invisible group label', { title: 'ok', groups: [{ label: 'A' }, { label: '\u200B' }] }, 'groups.1.label'],
		['an invisible translated label', { title: 'ok', groups: [{ label: 'A' }, { label: { de: 'B', en: '\u2800' } }] }, 'groups.1.label.en'],
		['duplicate labels', { title: 'ok', groups: [{ label: 'Team' }, { label: 'Leitung' }, { label: 'team' }] }, 'groups.2.label'],
		['duplicate after cleaning', { title: 'ok', groups: [{ label: 'Team' }, { label: 'Te\u200Bam ' }] }, 'groups.1.label'],
		['duplicate in one language', { title: 'ok', groups: [{ label: { de: 'Team', en: 'Team' } }, { label: { de: 'Service', en: 'team' } }] }, 'groups.1.label.en']
	])('refuses %s at its field', (_name, body, path) => {
		expect(firstIssue(body)?.path).toBe(path);
	});

	it('takes an organisation of only invisible characters as none', () => {
		expect(createSessionBody.parse({ title: 'ok', organisation: '\u200B' }).organisation).toBe('');
	});
});
