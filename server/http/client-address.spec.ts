import { describe, expect, it } from 'vitest';
import { clientAddressOf, compileTrust } from './client-address.js';

const loopback = compileTrust(['loopback']);
const nothing = compileTrust([]);
const proxies = compileTrust(['loopback', '10.0.0.0/8']);

describe('clientAddressOf', () => {
	it.each([
		['direct client, no header', '203.0.113.7', undefined, loopback, '203.0.113.7'],
		['direct client cannot claim another address', '203.0.113.7', '198.51.100.1', loopback, '203.0.113.7'],
		['local proxy: the address it appended', '127.0.0.1', '203.0.113.7', loopback, '203.0.113.7'],
		['local proxy: a client-chosen left entry is ignored', '127.0.0.1', '6.6.6.6, 203.0.113.7', loopback, '203.0.113.7'],
		['local proxy, another spoofed left entry, same key', '127.0.0.1', '1.2.3.4, 5.6.7.8, 203.0.113.7', loopback, '203.0.113.7'],
		['IPv6 loopback proxy', '::1', '203.0.113.7', loopback, '203.0.113.7'],
		['IPv4-mapped loopback proxy', '::ffff:127.0.0.1', '203.0.113.7', loopback, '203.0.113.7'],
		['local proxy without a header', '127.0.0.1', undefined, loopback, '127.0.0.1'],
		['two trusted hops', '127.0.0.1', '6.6.6.6, 203.0.113.7, 10.1.2.3', proxies, '203.0.113.7'],
		['an untrusted hop ends the walk', '127.0.0.1', '203.0.113.7, 10.1.2.3', loopback, '10.1.2.3'],
		['trusting nobody: the TCP peer', '127.0.0.1', '203.0.113.7', nothing, '127.0.0.1'],
		['repeated headers are one list', '127.0.0.1', ['6.6.6.6', '203.0.113.7'], loopback, '203.0.113.7'],
		['no socket address', undefined, '203.0.113.7', loopback, 'unknown']
	] as const)('%s', (_name, remote, header, trust, expected) => {
		expect(clientAddressOf(remote, header as string | string[] | undefined, trust)).toBe(expected);
	});
});
