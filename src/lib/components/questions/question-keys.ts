/**
 * Keyboard for a question screen: 1–n pick an option, 0 "don't know", Enter moves on once the
 * question is answered. Keys typed into text fields or on buttons are left alone.
 */
export function questionKeys(
	event: KeyboardEvent,
	question: { options: { id: string }[] },
	select: (optionId: string | null) => void,
	next: (() => void) | undefined
): void {
	if (event.ctrlKey || event.metaKey || event.altKey) return;
	if (event.target instanceof HTMLElement && event.target.closest('input[type=text], input[type=number], textarea, select, button')) return;
	if (/^[0-9]$/.test(event.key)) {
		const n = Number(event.key);
		if (n > question.options.length) return;
		select(n === 0 ? null : question.options[n - 1]!.id);
		event.preventDefault();
	} else if (event.key === 'Enter' && next) {
		event.preventDefault();
		next();
	}
}
