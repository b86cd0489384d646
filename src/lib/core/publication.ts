import type { Answers } from './answers.js';

/**
 * When a group's figures may change. Figures are computed only from a published copy of the
 * answers, taken when the facilitator starts the reveal. Between two reveals the same group's
 * figures may change only when enough of its people changed something: otherwise comparing the
 * two would show what one person answered.
 */

/** Why a group's newest answers are not in its figures. */
export type HoldReason =
	/** Fewer than the minimum group size of its people changed an answer since the last reveal. */
	| 'few-changes'
	/** More people joined the group than the facilitator expected, and nobody confirmed it yet. */
	| 'unconfirmed';
export type Held = { people: number; reason: HoldReason };

/** Two answer sets are the same when every question has the same answer; order does not matter. */
export function sameAnswers(a: Answers | undefined, b: Answers | undefined): boolean {
	const left = a ?? {};
	const right = b ?? {};
	const keys = Object.keys(left);
	if (keys.length !== Object.keys(right).length) return false;
	return keys.every((k) => k in right && left[k] === right[k]);
}

/** A person counts as changed when their answers differ from what was published of them. */
export const hasChanged = (live: Answers, published: Answers | undefined): boolean =>
	Object.keys(live).length > 0 && !sameAnswers(live, published);

export type PublicationInput = {
	/** People with at least one answer in the group's published copy. */
	shownPeople: number;
	/** People whose answers differ from the published copy (new people with answers included). */
	changedPeople: number;
	minGroupSize: number;
	/** More people joined than expected and the facilitator has not confirmed the group yet. */
	unconfirmed: boolean;
};
export type PublicationDecision = { publish: boolean; held?: Held };

/**
 * Decides for one group whether its current answers replace the published ones.
 * - Nothing changed: nothing to do.
 * - An unconfirmed group is held whole: extra joiners may be someone's fake devices.
 * - A group whose published copy shows no figures (below the minimum) has nothing to compare
 *   against, so it is published at once.
 * - Otherwise at least `minGroupSize` people must have changed something.
 */
export function decidePublication({ shownPeople, changedPeople, minGroupSize, unconfirmed }: PublicationInput): PublicationDecision {
	if (changedPeople === 0) return { publish: false };
	if (unconfirmed) return { publish: false, held: { people: changedPeople, reason: 'unconfirmed' } };
	if (shownPeople < minGroupSize || changedPeople >= minGroupSize) return { publish: true };
	return { publish: false, held: { people: changedPeople, reason: 'few-changes' } };
}

/**
 * More people joined a group than the facilitator said to expect. Confirming accepts the count
 * at that moment; anyone joining later needs a new confirmation.
 */
export function isUnconfirmed(group: { joined: number; expected: number | null; confirmedJoined: number }): boolean {
	return group.expected !== null && group.joined > Math.max(group.expected, group.confirmedJoined);
}
