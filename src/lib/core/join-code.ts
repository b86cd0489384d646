/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read
 * off a projector across the room is typed right the first time.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases, drops spaces and dashes; returns undefined when the result cannot be a code. */
export function normaliseJoinCode(input: string): string | undefined {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return undefined;
	for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return undefined;
	return code;
}

/** A code from `randomInts`, one integer in [0, alphabet length) per character. */
export function joinCodeFrom(randomInts: ArrayLike<number>): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[(randomInts[i] ?? 0) % JOIN_CODE_ALPHABET.length];
	return code;
}
