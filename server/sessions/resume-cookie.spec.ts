import { describe, expect, it } from 'vitest';
import { resumeTokenFromCookies } from './resume-cookie.js';

describe('resumeTokenFromCookies', () => {
	it.each([
		[undefined, undefined],
		['', undefined],
		['standort_resume_ABCDEF=tok-en', 'tok-en'],
		['a=1; standort_resume_ABCDEF=x%2By; b=2', 'x+y'],
		['standort_resume_OTHER1=nope', undefined],
		['standort_resume_ABCDEF=', undefined]
	])('%s → %s', (header, token) => {
		expect(resumeTokenFromCookies(header, 'ABCDEF')).toBe(token);
	});
});
