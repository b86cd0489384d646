/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and a tab or
 * carriage return at the start can smuggle one past a naive check. Text from the room (titles,
 * ideas, key statements, owners) ends up in CSV and Excel files a client opens, so such text gets a
 * leading apostrophe: the program then shows it as text and never evaluates it (OWASP's advice for
 * CSV injection). Full-width forms count too, and leading spaces do not hide a formula.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** The text as a spreadsheet should store it: unchanged, or behind an apostrophe when it could run. */
export const neutraliseFormula = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);
