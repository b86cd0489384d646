/**
 * One person's answers: question id → option id, or `null` for "don't know". A question that is
 * missing from the map has not been answered yet.
 */
export type Answers = Readonly<Record<string, string | null>>;
