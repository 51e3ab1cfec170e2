import type { NgramModel } from './ngram';

/**
 * Scores a candidate fill by the probability of the window around the blank with the fill in it, read
 * forwards and backwards: the average of the two log-probabilities. Both directions matter: "favorite __"
 * narrows the words before the blank; "__ is blue" is what makes "color" win over "food".
 */
export function scoreFill(model: NgramModel, left: readonly string[], fill: readonly string[], right: readonly string[]): number {
	const seq = [...left, ...fill, ...right];
	const first = left.length;
	const last = left.length + fill.length - 1;
	let forward = 0;
	// Forwards: the fill and the right context, each given the two tokens before it.
	for (let i = first; i < seq.length; i++) {
		forward += Math.log(model.pForward(seq[i - 2] ?? '<s>', seq[i - 1] ?? '<s>', seq[i]));
	}
	let backward = 0;
	// Backwards: the fill and the left context, each given the two tokens after it.
	for (let i = last; i >= 0; i--) {
		backward += Math.log(model.pBackward(seq[i], seq[i + 1] ?? '</s>', seq[i + 2] ?? '</s>'));
	}
	return (forward + backward) / 2;
}

export interface Scored {
	readonly words: readonly string[];
	readonly score: number;
}

/** Softmax over log scores, highest first; ties broken alphabetically so results never depend on order. */
export function toProbabilities(scored: readonly Scored[]): { words: readonly string[]; probability: number; score: number }[] {
	if (scored.length === 0) {
		return [];
	}
	const max = Math.max(...scored.map((s) => s.score));
	const exps = scored.map((s) => Math.exp(s.score - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return scored
		.map((s, i) => ({ words: s.words, score: s.score, probability: exps[i] / sum }))
		.sort((a, b) => b.score - a.score || a.words.join(' ').localeCompare(b.words.join(' ')));
}
