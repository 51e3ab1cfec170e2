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
 * Keeps the lines closest to the blank that fit in `budget` tokens on each side. The line the blank sits
 * on is always kept whole on both sides (it is what the blank is about), even when it alone is over budget:
 * then only that partial line is kept.
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

/** The last lines of `text` within the budget; the partial line touching the blank always stays. */
function keepTail(text: string, limit: number, count: CountTokens): { text: string; tokens: number } {
	const lines = text.split('\n');
	// lines[last] is the start of the blank's own line.
	let kept = lines[lines.length - 1];
	let tokens = count(kept);
	for (let i = lines.length - 2; i >= 0; i--) {
		const candidate = lines[i] + '\n' + kept;
		const candidateTokens = count(candidate);
		if (candidateTokens > limit) {
			break;
		}
		kept = candidate;
		tokens = candidateTokens;
	}
	return { text: kept, tokens };
}

/** The first lines of `text` within the budget; the rest of the blank's own line always stays. */
function keepHead(text: string, limit: number, count: CountTokens): { text: string; tokens: number } {
	const lines = text.split('\n');
	let kept = lines[0];
	let tokens = count(kept);
	for (let i = 1; i < lines.length; i++) {
		const candidate = kept + '\n' + lines[i];
		const candidateTokens = count(candidate);
		if (candidateTokens > limit) {
			break;
		}
		kept = candidate;
		tokens = candidateTokens;
	}
	return { text: kept, tokens };
}
