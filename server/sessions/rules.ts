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

/** At the review of a follow-up, phones say whether a measure the previous workshop finished helped. */
export function reviewVoteRefusal(f: { status: SessionStatus; step: RevealStepName; measureDone: boolean }): ErrorCode | undefined {
	if (f.status === 'closed') return 'SESSION_CLOSED';
	if (f.step !== 'review') return 'STEP_CLOSED';
	return f.measureDone ? undefined : 'UNKNOWN_MEASURE';
}

/** Phones propose ideas during the ideas step of a running workshop. */
export function ideaRefusal(f: { status: SessionStatus; step: RevealStepName }): ErrorCode | undefined {
	if (f.status === 'closed') return 'SESSION_CLOSED';
	return f.step === 'ideas' ? undefined : 'STEP_CLOSED';
}

/** Phones vote during the vote step, until the facilitator ends voting. */
export function voteRefusal(f: { status: SessionStatus; step: RevealStepName; votingClosed: boolean }): ErrorCode | undefined {
	if (f.status === 'closed') return 'SESSION_CLOSED';
	return f.step === 'vote' && !f.votingClosed ? undefined : 'STEP_CLOSED';
}

/** Moving on from the vote (to the roadmap or the summary) ends voting, so the ranking holds still. */
export function endsVoting(f: { from: RevealStepName; to: RevealStepName; votingClosed: boolean }): boolean {
	return !f.votingClosed && f.from === 'vote' && (f.to === 'roadmap' || f.to === 'summary');
}
