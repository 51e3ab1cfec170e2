import type { Verdict } from './parse';

/**
 * The local comparison of a fill with the original. The builtin model always uses it; with a network model
 * it judges the learner's guess when the model gave no parseable verdict. Reasons are codes so the feature
 * can word them through `vscode.l10n`.
 */
export type VerdictReason = 'identical' | 'case-or-spacing' | 'same-stem' | 'alias' | 'different' | 'empty';

export interface LocalVerdict {
	readonly verdict: Verdict;
	readonly reason: VerdictReason;
}

/** Optional knowledge of synonyms, e.g. the glossary's aliases ("LLM" = "large language model"). */
export type AreAliases = (a: string, b: string) => boolean;

export function compareFill(original: string, fill: string, areAliases?: AreAliases): LocalVerdict {
	if (fill.trim() === '') {
		return { verdict: 'different', reason: 'empty' };
	}
	if (original.trim() === fill.trim()) {
		return { verdict: 'same', reason: 'identical' };
	}
	const a = normalize(original);
	const b = normalize(fill);
	if (a === b) {
		return { verdict: 'same', reason: 'case-or-spacing' };
	}
	if (stems(a) === stems(b)) {
		return { verdict: 'equivalent', reason: 'same-stem' };
	}
	if (areAliases?.(original.trim(), fill.trim())) {
		return { verdict: 'equivalent', reason: 'alias' };
	}
	return { verdict: 'different', reason: 'different' };
}

function normalize(text: string): string {
	return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/^[\s"'`“”‘’]+|[\s"'`“”‘’.,;:!?]+$/g, '');
}

/** A deliberately small stemmer: articles dropped, plural and common verb endings cut. */
function stems(text: string): string {
	return text
		.split(/[\s-]+/)
		.filter((w) => !/^(a|an|the)$/.test(w))
		.map((w) => w.replace(/(ies)$/, 'y').replace(/(ing|ed|es|s)$/, ''))
		.join(' ');
}
