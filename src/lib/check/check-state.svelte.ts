import type { Answers } from '$lib/core/answers';
import { encodeAnswers } from '$lib/core/answer-code';
import type { CheckQuestionnaire } from './check-questionnaire';
import { clearCheck, loadCheck, saveCheck } from './check-storage';

/**
 * The solo check in progress: answers and position, mirrored to localStorage on every change so
 * that a reload or a closed tab resumes where the person stopped.
 */
export class CheckState {
	answers = $state<Record<string, string | null>>({});
	index = $state(0);
	startedAt = new Date().toISOString();
	/** The person has seen the result once; a plain return to the check goes back there. */
	finished = $state(false);

	readonly q: CheckQuestionnaire;
	readonly total: number;

	get question() {
		return this.q.questions[this.index]!;
	}
	get answeredCount() {
		return Object.keys(this.answers).length;
	}
	get isLast() {
		return this.index === this.total - 1;
	}

	constructor(q: CheckQuestionnaire) {
		this.q = q;
		this.total = q.questions.length;
	}

	/** Restores saved progress; call in the browser only. */
	restore(): void {
		const saved = loadCheck(this.q.id, this.q.version);
		if (!saved) return;
		const known = new Set(this.q.questions.map((x) => x.id));
		this.answers = Object.fromEntries(Object.entries(saved.answers).filter(([id]) => known.has(id)));
		this.index = Math.min(Math.max(saved.index, 0), this.total - 1);
		this.startedAt = saved.startedAt;
		this.finished = saved.finished === true;
	}

	/** Starts changing the answers of a result link, from the first question. */
	edit(answers: Answers, day: string | undefined): void {
		this.answers = { ...answers };
		this.index = 0;
		if (day) this.startedAt = `${day}T00:00:00.000Z`;
		this.finished = true;
		this.persist();
	}

	answer(questionId: string, optionId: string | null): void {
		this.answers[questionId] = optionId;
		this.persist();
	}

	go(index: number): void {
		this.index = Math.min(Math.max(index, 0), this.total - 1);
		this.persist();
	}

	/** Marks the check as done, just before the result opens. */
	finish(): void {
		this.finished = true;
		this.persist();
	}

	reset(): void {
		this.answers = {};
		this.index = 0;
		this.finished = false;
		this.startedAt = new Date().toISOString();
		clearCheck(this.q.id, this.q.version);
	}

	/** The shareable result address: answers and version in the link, nothing on the server. */
	resultHref(): string {
		const params = new URLSearchParams({
			q: this.q.id,
			v: this.q.version,
			a: encodeAnswers(this.q, this.answers as Answers),
			d: this.startedAt.slice(0, 10)
		});
		return `/check/result?${params}`;
	}

	private persist(): void {
		saveCheck(this.q.id, this.q.version, {
			answers: $state.snapshot(this.answers),
			index: this.index,
			startedAt: this.startedAt,
			...(this.finished ? { finished: true } : {})
		});
	}
}
