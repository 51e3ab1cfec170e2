import type { CodeCorpus, SourcedLine } from './corpus';
import type { NgramModel } from './ngram';
import { scoreFill, toProbabilities, type Scored } from './score';
import { BOS, codeTokens, EOS, isIdentifier } from './tokenize';

export interface TokenContext {
	readonly left: readonly [string, string];
	readonly right: readonly [string, string];
}

export function tokenContext(before: string, after: string): TokenContext {
	const left = [BOS, BOS, ...codeTokens(before.slice(-400))].slice(-2) as [string, string];
	const right = [...codeTokens(after.slice(0, 400)), EOS, EOS].slice(0, 2) as [string, string];
	return { left, right };
}

/**
 * One-token fills for code: identifiers and numbers seen next to the context tokens, plus every identifier
 * of the studied document (an identifier used elsewhere in the file is the likeliest thing to be missing).
 */
export function predictCode(model: NgramModel, context: TokenContext, documentIdentifiers: Iterable<string>): { words: readonly string[]; probability: number; score: number }[] {
	const candidates = new Set<string>();
	for (const token of model.neighbours(context.left[1], 'next').keys()) {
		candidates.add(token);
	}
	for (const token of model.neighbours(context.right[0], 'previous').keys()) {
		candidates.add(token);
	}
	for (const token of documentIdentifiers) {
		candidates.add(token);
	}
	const scored: Scored[] = [];
	for (const token of candidates) {
		if (!isIdentifier(token) && !/^\d/.test(token)) {
			continue;
		}
		scored.push({ words: [token], score: scoreFill(model, context.left, [token], context.right) });
	}
	return toProbabilities(scored);
}

/** Lines where the candidate sits next to the same tokens as the blank. */
export function supportingLines(corpus: CodeCorpus, token: string, context: TokenContext, limit = 2): SourcedLine[] {
	const ranked: { line: SourcedLine; rank: number }[] = [];
	for (const line of corpus.lines) {
		const at = line.tokens.indexOf(token);
		if (at < 0) {
			continue;
		}
		let rank = 0;
		if (line.tokens[at - 1] === context.left[1]) {
			rank += 2;
			if (line.tokens[at - 2] === context.left[0]) {
				rank += 1;
			}
		}
		if (line.tokens[at + 1] === context.right[0]) {
			rank += 2;
			if (line.tokens[at + 2] === context.right[1]) {
				rank += 1;
			}
		}
		if (rank > 0) {
			ranked.push({ line, rank });
		}
	}
	ranked.sort((a, b) => b.rank - a.rank || a.line.text.length - b.line.text.length || a.line.text.localeCompare(b.line.text));
	const result: SourcedLine[] = [];
	for (const { line } of ranked) {
		if (!result.some((l) => l.text === line.text)) {
			result.push(line);
		}
		if (result.length >= limit) {
			break;
		}
	}
	return result;
}
