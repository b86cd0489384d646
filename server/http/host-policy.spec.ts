import { describe, expect, it } from 'vitest';
import { forwardedProtoValid, hostAllowed, originAllowed, parseHost } from './host-policy.js';

describe('parseHost', () => {
	it.each([
		['localhost:3000', { hostname: 'localhost', port: '3000' }],
		['192.168.1.20:3000', { hostname: '192.168.1.20', port: '3000' }],
		['[::1]:3000', { hostname: '[::1]', port: '3000' }],
		['[fe80::1]', { hostname: '[fe80::1]', port: undefined }],
		['Standort.Example.ORG', { hostname: 'standort.example.org', port: undefined }],
		['a b', undefined],
		['', undefined],
		['host:', undefined],
		['host:0', undefined],
		['host:70000', undefined],
		['[not-ipv6]:80', undefined],
		['-bad.example', undefined],
		['under_score.example', undefined],
		['evil.example@good.example', undefined],
		['evil.example/path', undefined],
		['a'.repeat(64) + '.example', undefined],
		['a.'.repeat(140) + 'example', undefined],
		['x'.repeat(9000), undefined]
	])('%j', (value, expected) => {
		expect(parseHost(value)).toEqual(expected);
	});
});

describe('hostAllowed', () => {
	const lan = { allowedHosts: [], publicUrl: undefined };
	it.each([
		['192.168.1.20', lan, true],
		['[::1]', lan, true],
		['localhost', lan, true],
		['evil.example', lan, false],
		['standort.local', { allowedHosts: ['standort.local'], publicUrl: undefined }, true],
		['workshop.example.org', { allowedHosts: [], publicUrl: 'https://workshop.example.org' }, true],
		['other.example.org', { allowedHosts: [], publicUrl: 'https://workshop.example.org' }, false],
		['anything.example', { allowedHosts: ['*'], publicUrl: undefined }, true]
	])('%s with %j → %s', (hostname, policy, expected) => {
		expect(hostAllowed(hostname, policy)).toBe(expected);
	});
});

describe('originAllowed', () => {
	it.each([
		['no Origin (not a browser)', undefined, '192.168.1.20:3000', undefined, true],
		['the page this server served', 'http://192.168.1.20:3000', '192.168.1.20:3000', undefined, true],
		['host compared case-insensitively', 'http://localhost:3000', 'LOCALHOST:3000', undefined, true],
		['a foreign website', 'https://evil.example', '192.168.1.20:3000', undefined, false],
		['same host, other port', 'http://192.168.1.20:8080', '192.168.1.20:3000', undefined, false],
		['PUBLIC_URL behind a proxy that rewrites Host', 'https://workshop.example.org', '127.0.0.1:3000', 'https://workshop.example.org', true],
		['PUBLIC_URL with another scheme', 'http://workshop.example.org', '127.0.0.1:3000', 'https://workshop.example.org', false],
		['"null" from a sandboxed frame', 'null', '192.168.1.20:3000', undefined, false],
		['not http(s)', 'file://192.168.1.20:3000', '192.168.1.20:3000', undefined, false]
	])('%s', (_name, origin, host, publicUrl, expected) => {
		expect(originAllowed(origin, host, publicUrl)).toBe(expected);
	});
});

describe('forwardedProtoValid', () => {
	it.each([
		[undefined, true],
		['https', true],
		['HTTP', true],
		['https, http', true],
		['ht tp', false],
		['javascript', false],
		['https://evil', false],
		['', false]
	])('%j → %s', (value, expected) => {
		expect(forwardedProtoValid(value)).toBe(expected);
	});
});
