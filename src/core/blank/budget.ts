/**
 * Context budgeting: how much text on each side of the blank a model sees. Cut at line boundaries so a
 * model never reads half a line, and counted with the project's tokenizer so "1,500 tokens" means what
 * the token counter in the status bar says.
 */

/** Counts tokens of a text; the feature passes the project's tiktoken counter, tests may too. */
export type CountTokens = (text: string) => number;

export const DEFAULT_CONTEXT_TOKENS = 1500;

export interface BudgetedContext {
	readonly before: string;
	readonly after: string;
	readonly beforeTokens: number;
	readonly afterTokens: number;
	/** True when lines were dropped on that side. */
	readonly trimmedBefore: boolean;
	readonly trimmedAfter: boolean;
}

/**
 * Keeps the lines closest to the blank that fit in `budget` tokens on each side. When even the blank's own
 * line is over budget (minified code, a paragraph without line breaks), that line is cut at a space nearest
 * the budget instead, so a one-line file can never send more than the budget.
 */
export function budgetContext(before: string, after: string, budget: number, count: CountTokens): BudgetedContext {
	const limit = Math.max(0, Math.floor(budget));
	const keptBefore = keepTail(before, limit, count);
	const keptAfter = keepHead(after, limit, count);
	return {
		before: keptBefore.text,
		after: keptAfter.text,
		beforeTokens: keptBefore.tokens,
		afterTokens: keptAfter.tokens,
		trimmedBefore: keptBefore.text.length < before.length,
		trimmedAfter: keptAfter.text.length < after.length,
	};
}

/**
 * The last lines of `text` within the budget; the partial line touching the blank always stays. Lines are
 * counted one by one (linear, not quadratic, for a long file), then the kept text is counted once exactly:
 * a merge across a line break can make the whole differ from the sum, so lines are dropped until it fits.
 */
function keepTail(text: string, limit: number, count: CountTokens): { text: string; tokens: number } {
	const lines = text.split('\n');
	let first = lines.length - 1;
	if (lines[first].length > Math.max(1, limit) * 32) {
		return fit(lines, first, lines.length, limit, count, 'tail', true);
	}
	let estimate = count(lines[first]);
	while (first > 0) {
		const next = count(lines[first - 1] + '\n');
		if (estimate + next > limit) {
			break;
		}
		estimate += next;
		first--;
	}
	return fit(lines, first, lines.length, limit, count, 'tail');
}

/** The first lines of `text` within the budget; the rest of the blank's own line always stays. */
function keepHead(text: string, limit: number, count: CountTokens): { text: string; tokens: number } {
	const lines = text.split('\n');
	let end = 1;
	if (lines[0].length > Math.max(1, limit) * 32) {
		return fit(lines, 0, 1, limit, count, 'head', true);
	}
	let estimate = count(lines[0]);
	while (end < lines.length) {
		const next = count('\n' + lines[end]);
		if (estimate + next > limit) {
			break;
		}
		estimate += next;
		end++;
	}
	return fit(lines, 0, end, limit, count, 'head');
}

/** Counts `lines[from, to)` exactly and drops lines on the far side of the blank until it fits. */
function fit(lines: readonly string[], from: number, to: number, limit: number, count: CountTokens, keep: 'head' | 'tail', tooLong = false): { text: string; tokens: number } {
	let text = lines.slice(from, to).join('\n');
	// A line far longer than the budget is not counted whole: it goes straight to the cut.
	let tokens = tooLong ? Number.POSITIVE_INFINITY : count(text);
	while (tokens > limit && to - from > 1) {
		if (keep === 'tail') {
			from++;
		} else {
			to--;
		}
		text = lines.slice(from, to).join('\n');
		tokens = count(text);
	}
	if (tokens > limit) {
		text = cutLine(text, limit, count, keep);
		tokens = count(text);
	}
	return { text, tokens };
}

/**
 * An end (tail) or start (head) of one line within the budget, then moved to a space. The length is scaled by
 * the measured characters per token until it fits: two or three counts, where bisection would need twenty.
 */
function cutLine(line: string, limit: number, count: CountTokens, keep: 'head' | 'tail'): string {
	const piece = (n: number): string => keep === 'tail' ? line.slice(line.length - n) : line.slice(0, n);
	// Tokens of real text are rarely longer than a few characters: starting from the nearest 32 characters per
	// token of budget keeps a 10 MB minified line from being counted whole.
	let length = Math.min(line.length, Math.max(1, limit) * 32);
	let tokens = count(piece(length));
	while (tokens > limit && length > 0) {
		length = Math.min(length - 1, Math.floor(length * (limit / tokens) * 0.97));
		tokens = count(piece(length));
	}
	const kept = piece(length);
	// Cut at a space so the model does not see half a word, unless that would throw most of it away.
	const space = keep === 'tail' ? kept.indexOf(' ') : kept.lastIndexOf(' ');
	if (space < 0 || (keep === 'tail' ? space : kept.length - space) > kept.length / 2) {
		return kept;
	}
	return keep === 'tail' ? kept.slice(space) : kept.slice(0, space + 1);
}
