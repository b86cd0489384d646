/**
 * Copies text for the copy buttons. `navigator.clipboard` exists only in secure contexts, so on
 * the default deployment (plain HTTP on a LAN address) it is undefined; there the old
 * select-and-`execCommand('copy')` route still works in current browsers. Resolves to whether the
 * text reached the clipboard and never throws: a button that fails must leave the page usable, and
 * the caller then selects the text in a visible field so the person can copy it by hand.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
			await navigator.clipboard.writeText(text);
			return true;
		}
	} catch {
		// Denied permission or no user gesture: try the old way below.
	}
	return copyBySelection(text);
}

function copyBySelection(text: string): boolean {
	if (typeof document === 'undefined') return false;
	const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
	const field = document.createElement('textarea');
	field.value = text;
	field.setAttribute('readonly', '');
	field.setAttribute('aria-hidden', 'true');
	// Off-screen but rendered: a hidden element cannot be selected.
	field.style.position = 'fixed';
	field.style.top = '-1000px';
	field.style.opacity = '0';
	document.body.append(field);
	try {
		field.select();
		field.setSelectionRange(0, text.length);
		return document.execCommand('copy');
	} catch {
		return false;
	} finally {
		field.remove();
		previous?.focus();
	}
}

/** Selects a field's whole text, so a person can copy it by hand when `copyText` could not. */
export function selectForManualCopy(field: HTMLInputElement | HTMLTextAreaElement | undefined): void {
	if (!field) return;
	field.focus();
	field.select();
	field.setSelectionRange(0, field.value.length);
}
