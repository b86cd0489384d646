import { describe, expect, it } from 'vitest';
import { csrfRefusal, workshopAccess } from './access.js';

describe('workshopAccess', () => {
	const none = { ownerAccountId: null, accountId: undefined, sharedWithAccount: false, tokenValid: false };
	it.each([
		['nobody', {}, undefined],
		['the owner', { ownerAccountId: 'a', accountId: 'a' }, 'owner'],
		['another account', { ownerAccountId: 'a', accountId: 'b' }, undefined],
		['a co-facilitator', { ownerAccountId: 'a', accountId: 'b', sharedWithAccount: true }, 'co-facilitator'],
		['a token holder without account', { ownerAccountId: 'a', tokenValid: true }, 'token'],
		['a token holder with another account', { ownerAccountId: 'a', accountId: 'b', tokenValid: true }, 'token'],
		['a link-only workshop with an account but no token', { accountId: 'b' }, undefined],
		['the owner with a wrong token', { ownerAccountId: 'a', accountId: 'a', tokenValid: false }, 'owner']
	] as const)('%s', (_name, facts, expected) => {
		expect(workshopAccess({ ...none, ...facts })).toBe(expected);
	});
});

describe('csrfRefusal', () => {
	const own = ['https://standort.example'];
	it.each([
		['GET with a cookie', { method: 'GET', origin: 'https://evil.example' }, undefined],
		['POST from the own page', { method: 'POST', origin: 'https://standort.example' }, undefined],
		['POST from another site', { method: 'POST', origin: 'https://evil.example' }, 'cross-origin request'],
		['DELETE from another site', { method: 'DELETE', origin: 'http://standort.example' }, 'cross-origin request'],
		['POST with an opaque origin', { method: 'POST', origin: 'null' }, 'opaque origin'],
		['POST without Origin, same-origin fetch', { method: 'POST', origin: undefined, secFetchSite: 'same-origin' }, undefined],
		['POST without Origin, cross-site', { method: 'POST', origin: undefined, secFetchSite: 'cross-site' }, 'cross-site request'],
		['POST without Origin from a script', { method: 'POST', origin: undefined }, undefined],
		['POST from another site without a cookie', { method: 'POST', origin: 'https://evil.example', cookieAuth: false }, undefined]
	] as const)('%s', (_name, request, expected) => {
		expect(csrfRefusal({ ownOrigins: own, secFetchSite: undefined, cookieAuth: true, ...request })).toBe(expected);
	});
});
