import type { RevealStepName } from '../../src/lib/core/reveal.js';
import type { ErrorCode, SessionStatus } from '../../src/lib/protocol.js';

/**
 * Who may do what in a workshop, as small pure functions: each returns the refusal's error code,
 * or undefined when the request may go ahead. Handlers look the facts up and act on the answer.
 */

export type JoinFacts = {
	status: SessionStatus;
	/** The resume token belongs to a participant of this session: a person coming back. */
	returning: boolean;
	/** This connection already created a participant (in any session). */
	connectionHasParticipant: boolean;
	groupExists: boolean;
	/** The workshop has as many participants as it may take. */
	full: boolean;
};

/** A returning person always gets back in (to see results, even after the end); newcomers only while open. */
export function joinRefusal(f: JoinFacts): ErrorCode | undefined {
	if (f.returning) return undefined;
	if (f.status === 'closed') return 'SESSION_CLOSED';
	if (f.connectionHasParticipant) return 'ALREADY_JOINED';
	if (f.status === 'locked') return 'SESSION_LOCKED';
	if (!f.groupExists) return 'UNKNOWN_GROUP';
	if (f.full) return 'SESSION_FULL';
	return undefined;
}

/** Answers are taken while the workshop runs and the results are not being shown. */
export function answerRefusal(f: { status: SessionStatus; revealStep: RevealStepName }): ErrorCode | undefined {
	if (f.status === 'closed') return 'SESSION_CLOSED';
	if (f.revealStep !== 'hidden') return 'ANSWERING_CLOSED';
	return undefined;
}

/** Lock and unlock while the workshop runs; an ended workshop stays ended. */
export function statusChangeRefusal(f: { current: SessionStatus }): ErrorCode | undefined {
	return f.current === 'closed' ? 'SESSION_CLOSED' : undefined;
}

/** Starting the reveal ends answering and publishes; going back to `hidden` reopens answering, unless the workshop ended. */
export function revealRefusal(f: { status: SessionStatus; to: RevealStepName }): ErrorCode | undefined {
	return f.status === 'closed' && f.to === 'hidden' ? 'SESSION_CLOSED' : undefined;
}
