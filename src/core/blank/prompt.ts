/**
 * The prompt, in one place. Network models get two short chat turns:
 *
 * 1. The fill turn: the passage with the blank written as `[BLANK]`, and a request to answer in this fixed
 *    format (one field per line, the explanation last so it can stream):
 *
 *        FILL: <the best text for the blank>
 *        ALTERNATIVE: <another plausible fill>        (zero to two lines)
 *        EXPLANATION: <which words before and after the blank point to the fill, in a few sentences>
 *
 * 2. The verdict turn, after the original is revealed: the same conversation plus the original text (and the
 *    learner's guess when "guess first" is on), asking for
 *
 *        VERDICT: same | equivalent | different
 *        WHY: <one or two sentences>
 *        GUESS_VERDICT: same | equivalent | different     (only when there is a guess)
 *        GUESS_WHY: <one or two sentences>
 *
 * The model never sees the original before it has answered: that would turn a prediction exercise into
 * copying. `parse.ts` reads both formats and falls back to the raw text when a small model ignores them.
 */

export interface ChatMessage {
	readonly role: 'system' | 'user' | 'assistant';
	readonly content: string;
}

/** What the model sees for the fill turn. */
export interface FillPromptInput {
	readonly before: string;
	readonly after: string;
	/** A language id such as `markdown` or `typescript`, so the model knows prose from code. */
	readonly languageId: string;
}

/** The placeholder written where the blank is. Chosen so it cannot be confused with markdown or code. */
export const BLANK_TOKEN = '[BLANK]';

const SYSTEM = [
	'You are a tutor helping someone study how language models fill in blanks from context.',
	'You are shown a passage with one span replaced by [BLANK]. Predict the text that belongs there, using the words on both sides.',
	'Answer in exactly this format, one field per line, and nothing else:',
	'FILL: <the best text for the blank, exactly as it would appear in the passage>',
	'ALTERNATIVE: <another plausible fill> (zero, one or two ALTERNATIVE lines)',
	'EXPLANATION: <a few sentences naming the words before and after the blank that point to your fill>',
].join('\n');

export function buildFillMessages(input: FillPromptInput): ChatMessage[] {
	const fence = fenceFor(input.before + input.after);
	const user = [
		`Passage (${input.languageId || 'plaintext'}):`,
		fence,
		`${input.before}${BLANK_TOKEN}${input.after}`,
		fence,
		'What belongs in [BLANK]?',
	].join('\n');
	return [
		{ role: 'system', content: SYSTEM },
		{ role: 'user', content: user },
	];
}

export interface VerdictPromptInput extends FillPromptInput {
	readonly original: string;
	/** The model's own answer to the fill turn, as it came. */
	readonly answer: string;
	/** The learner's guess when "guess first" is on. */
	readonly guess?: string;
}

export function buildVerdictMessages(input: VerdictPromptInput): ChatMessage[] {
	const lines = [
		`The original text in [BLANK] was: ${quote(input.original)}`,
		'Compare your FILL with the original. Answer in exactly this format:',
		'VERDICT: same | equivalent | different',
		'WHY: <one or two sentences>',
	];
	if (input.guess !== undefined) {
		lines.push(
			`The learner guessed: ${quote(input.guess)}. Compare the guess with the original too:`,
			'GUESS_VERDICT: same | equivalent | different',
			'GUESS_WHY: <one or two sentences>',
		);
	}
	lines.push('"same" means the same text; "equivalent" means different words with the same meaning in this passage; "different" means the meaning changes.');
	return [
		...buildFillMessages(input),
		{ role: 'assistant', content: input.answer },
		{ role: 'user', content: lines.join('\n') },
	];
}

/** A fence longer than any backtick run in the passage, so code blocks inside it cannot close it. */
function fenceFor(text: string): string {
	let longest = 0;
	for (const match of text.matchAll(/`+/g)) {
		longest = Math.max(longest, match[0].length);
	}
	return '`'.repeat(Math.max(3, longest + 1));
}

function quote(text: string): string {
	return JSON.stringify(text);
}
