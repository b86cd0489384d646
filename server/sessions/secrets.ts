import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { joinCodeFrom, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../src/lib/core/join-code.js';

/** A fresh join code from a cryptographic source (unguessable, not merely unique). */
export function newJoinCode(): string {
	return joinCodeFrom(Array.from({ length: JOIN_CODE_LENGTH }, () => randomInt(JOIN_CODE_ALPHABET.length)));
}

/** A bearer secret (facilitator or resume token): 32 random bytes, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Only hashes of secrets are stored, so a copy of the database does not hand out control. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, storedHash: string): boolean {
	const a = Buffer.from(hashSecret(secret), 'hex');
	const b = Buffer.from(storedHash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}
