import { describe, expect, it } from 'vitest';
import { answerRefusal, endsVoting, ideaRefusal, joinRefusal, revealRefusal, statusChangeRefusal, voteRefusal, type JoinFacts } from './rules.js';

describe('joinRefusal', () => {
	const open: JoinFacts = { status: 'open', returning: false, connectionHasParticipant: false, groupExists: true, full: false };
	it.each<[string, Partial<JoinFacts>, string | undefined]>([
		['a newcomer to an open workshop', {}, undefined],
		['a newcomer to a locked workshop', { status: 'locked' }, 'SESSION_LOCKED'],
		['a newcomer to an ended workshop', { status: 'closed' }, 'SESSION_CLOSED'],
		['a returning person to a locked workshop', { status: 'locked', returning: true }, undefined],
		['a returning person to an ended workshop (to see the results)', { status: 'closed', returning: true }, undefined],
		['a second newcomer on one connection', { connectionHasParticipant: true }, 'ALREADY_JOINED'],
		['a returning person on a connection that already joined', { connectionHasParticipant: true, returning: true }, undefined],
		['an unknown group', { groupExists: false }, 'UNKNOWN_GROUP'],
		['a full workshop', { full: true }, 'SESSION_FULL'],
		['locked beats an unknown group', { status: 'locked', groupExists: false }, 'SESSION_LOCKED'],
		['one participant per connection beats locked', { status: 'locked', connectionHasParticipant: true }, 'ALREADY_JOINED']
	])('%s', (_name, facts, expected) => {
		expect(joinRefusal({ ...open, ...facts })).toBe(expected);
	});
});

describe('answerRefusal', () => {
	it.each([
		['open', 'hidden', undefined],
		['locked', 'hidden', undefined],
		['open', 'overall', 'ANSWERING_CLOSED'],
		['locked', 'deep-dive', 'ANSWERING_CLOSED'],
		['closed', 'hidden', 'SESSION_CLOSED'],
		['closed', 'overall', 'SESSION_CLOSED']
	] as const)('%s, step %s → %s', (status, revealStep, expected) => {
		expect(answerRefusal({ status, revealStep })).toBe(expected);
	});
});

describe('statusChangeRefusal and revealRefusal', () => {
	it.each([
		['open', undefined],
		['locked', undefined],
		['closed', 'SESSION_CLOSED']
	] as const)('status change from %s → %s', (current, expected) => {
		expect(statusChangeRefusal({ current })).toBe(expected);
	});
	it.each([
		['open', 'hidden', undefined],
		['open', 'overall', undefined],
		['closed', 'overall', undefined],
		['closed', 'hidden', 'SESSION_CLOSED']
	] as const)('reveal in a %s workshop to %s → %s', (status, to, expected) => {
		expect(revealRefusal({ status, to })).toBe(expected);
	});
});

describe('ideaRefusal, voteRefusal and endsVoting', () => {
	it.each([
		['open', 'ideas', undefined],
		['locked', 'ideas', undefined],
		['open', 'vote', 'STEP_CLOSED'],
		['open', 'hidden', 'STEP_CLOSED'],
		['closed', 'ideas', 'SESSION_CLOSED']
	] as const)('an idea in a %s workshop at step %s → %s', (status, step, expected) => {
		expect(ideaRefusal({ status, step })).toBe(expected);
	});

	it.each([
		['open', 'vote', false, undefined],
		['open', 'vote', true, 'STEP_CLOSED'],
		['open', 'ideas', false, 'STEP_CLOSED'],
		['closed', 'vote', false, 'SESSION_CLOSED']
	] as const)('a vote in a %s workshop at step %s, closed %s → %s', (status, step, votingClosed, expected) => {
		expect(voteRefusal({ status, step, votingClosed })).toBe(expected);
	});

	it.each([
		['vote', 'roadmap', false, true],
		['vote', 'summary', false, true],
		['vote', 'ideas', false, false],
		['vote', 'roadmap', true, false],
		['ideas', 'roadmap', false, false]
	] as const)('from %s to %s (already closed: %s) ends voting: %s', (from, to, votingClosed, expected) => {
		expect(endsVoting({ from, to, votingClosed })).toBe(expected);
	});
});
