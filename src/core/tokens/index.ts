/**
 * Public API of the token counter (README: "How it is fast and exact"): exact tiktoken counts (ordinary text: special-token
 * strings are plain text) for four OpenAI encodings, with the rank data of an encoding loaded on first use.
 */
import { BpeCounter, type TokenCounter } from './counter';
import type { EncodingName } from './encodings';
import { RankTable, type MergeFile, type RankFile } from './rankTable';

export { DEFAULT_ENCODING, ENCODINGS, encodingForModel, isEncodingName, type EncodingName } from './encodings';
export { BpeCounter, type TokenCounter } from './counter';

// One `import()` per literal path: esbuild wraps each rank module so that it is evaluated only when that
// encoding is first asked for. In the bundle these are our merge files, made from js-tiktoken's rank files
// at build time (esbuild.js); run from source (unit tests), they are js-tiktoken's own.
async function loadRankTable(encoding: EncodingName): Promise<RankTable> {
	const file: RankFile | MergeFile = await (async () => {
		switch (encoding) {
			case 'o200k_base': return (await import('js-tiktoken/ranks/o200k_base')).default;
			case 'cl100k_base': return (await import('js-tiktoken/ranks/cl100k_base')).default;
			case 'p50k_base': return (await import('js-tiktoken/ranks/p50k_base')).default;
			case 'r50k_base': return (await import('js-tiktoken/ranks/r50k_base')).default;
		}
	})();
	return isMergeFile(file) ? RankTable.fromMergeFile(file) : RankTable.fromRankFile(file);
}

function isMergeFile(file: RankFile | MergeFile): file is MergeFile {
	return typeof (file as Partial<MergeFile>).merges === 'string';
}

const loaded = new Map<EncodingName, Promise<BpeCounter>>();

/** The counter for `encoding`, shared by every caller in this process. */
export function loadCounter(encoding: EncodingName): Promise<TokenCounter> {
	return loadBpeCounter(encoding);
}

/** Same as `loadCounter`, with the extra methods of the concrete counter (ranges, pieces). */
export function loadBpeCounter(encoding: EncodingName): Promise<BpeCounter> {
	let counter = loaded.get(encoding);
	if (!counter) {
		counter = loadRankTable(encoding).then((table) => new BpeCounter(encoding, table));
		loaded.set(encoding, counter);
		// A failed load must not stick: the next call tries again.
		counter.catch(() => loaded.delete(encoding));
	}
	return counter;
}
