import { beforeEach, describe, expect, it } from 'vitest';
import { loadToken, MAX_IDLE_DAYS, saveToken } from './facilitator-token';

/** The browser's localStorage, for this Node test (a plain stand-in for the Web API). */
class MemoryStorage {
	items = new Map<string, string>();
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => void this.items.set(k, v);
	removeItem = (k: string) => void this.items.delete(k);
}

describe('the stored facilitator token', () => {
	let storage: MemoryStorage;
	beforeEach(() => {
		storage = new MemoryStorage();
		Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
	});
	const day = 24 * 60 * 60 * 1000;

	it('is kept while it is used, and forgotten after 30 days without use', () => {
		saveToken('ABCDEF', 'secret', 0);
		expect(loadToken('ABCDEF', MAX_IDLE_DAYS * day)).toBe('secret');
		expect(loadToken('ABCDEF', MAX_IDLE_DAYS * day + 1)).toBeUndefined();
		expect(storage.items.size).toBe(0);
	});

	it('reads a token stored before expiry existed', () => {
		storage.setItem('standort:facilitator:ABCDEF', 'old-plain-token');
		expect(loadToken('ABCDEF')).toBe('old-plain-token');
	});
});
