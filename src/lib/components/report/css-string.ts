/**
 * Text as a CSS string literal, for the page footer of the printed report (`@page` margin boxes
 * take only static `content`). Everything but letters, digits and plain punctuation is written as
 * a CSS escape, so no title can close the string, the rule or the `<style>` element around it.
 */
export function cssString(text: string): string {
	return `"${[...text].map((c) => (/^[\p{L}\p{N} .,:!?()–—-]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}
