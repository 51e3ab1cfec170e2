/**
 * Public API of the token counter (see CONTRACTS.md). First version: js-tiktoken's lite encoder with the
 * rank file of the chosen encoding loaded on first use, so activation does not pay for rank data.
 */
import { Tiktoken } from 'js-tiktoken/lite';

export type EncodingName = 'o200k_base' | 'cl100k_base' | 'p50k_base' | 'r50k_base';

export const ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'];

export interface TokenCounter {
	readonly encoding: EncodingName;
	/** Number of tokens; text that looks like a special token is counted as ordinary text. */
	count(text: string): number;
	encode(text: string): number[];
}

interface RankFile {
	pat_str: string;
	special_tokens: Record<string, number>;
	bpe_ranks: string;
}

// One `import()` per literal path: the bundler keeps each rank module separate and evaluates it only when
// that encoding is first asked for.
async function loadRanks(encoding: EncodingName): Promise<RankFile> {
	switch (encoding) {
		case 'o200k_base': return (await import('js-tiktoken/ranks/o200k_base')).default;
		case 'cl100k_base': return (await import('js-tiktoken/ranks/cl100k_base')).default;
		case 'p50k_base': return (await import('js-tiktoken/ranks/p50k_base')).default;
		case 'r50k_base': return (await import('js-tiktoken/ranks/r50k_base')).default;
	}
}

const loaded = new Map<EncodingName, Promise<TokenCounter>>();

export function loadCounter(encoding: EncodingName): Promise<TokenCounter> {
	let counter = loaded.get(encoding);
	if (!counter) {
		counter = loadRanks(encoding).then((ranks) => {
			const tiktoken = new Tiktoken(ranks);
			const encode = (text: string): number[] => tiktoken.encode(text, [], []);
			return { encoding, count: (text: string) => encode(text).length, encode };
		});
		loaded.set(encoding, counter);
	}
	return counter;
}
