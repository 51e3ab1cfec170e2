// Run as its own process (`node primingCoverage.js <encoding>`): loads a counter the way the extension does, with
// V8's block coverage on from the start, and prints as JSON the blocks of the counting code that loading (and so
// priming) never ran. A block first run in optimised code makes V8 throw that code away mid-count.
import * as inspector from 'inspector';
import * as path from 'path';

/** The functions that counting runs, by file. */
export const HOT_FUNCTIONS: Record<string, readonly string[]> = {
	'counter.js': ['count', 'countRange', 'countOne', '_oneUnitCount', '_cached', 'countCut', '_sumParts', '_sumMask', '_part', '_countPiece'],
	'denseRuns.js': ['count', 'isDense', 'find'],
	'cuts.js': ['next', 'cutMask', '_crossed', '_crossedPartly', '_bothCross', '_has'],
	'shortAscii.js': ['count34', 'count3', 'count4', 'count58', 'countLong', 'mergeCount', '_tripleIndex', 'bitCount'],
	'asciiTokenTable.js': ['rank', 'rankLong', 'hash'],
	'preTokenizer.js': ['cpAt', 'runEnd', 'isSpaceCode', 'whitespaceEnd', 'otherRunEnd', 'isOther', 'punctuationStart',
		'o200kCamelLower', 'o200kCamelUpper', 'o200k', 'digitsEnd', 'cl100k', 'gpt2'],
	'pieceTable.js': ['contractionEnd', 'o200kTablePiece', 'o200kSurrogatePiece', 'breaksEnd'],
	'backtrackEncoder.js': ['encode', 'longestToken'],
	'bpeIndex.js': ['compatibleTokens', 'filterBit'],
	'utf8.js': ['encodeUtf8'],
};

export interface Unrun {
	file: string;
	fn: string;
	line: number;
	source: string;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
	return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

interface Coverage {
	result: { url: string; functions: { functionName: string; ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[];
}

async function main(encoding: string): Promise<void> {
	const session = new inspector.Session();
	session.connect();
	await post(session, 'Profiler.enable');
	await post(session, 'Profiler.startPreciseCoverage', { callCount: true, detailed: true });
	// Required only now, so that V8 compiles the counting code with block counters.
	const tokens = await import('../../../src/core/tokens/index.js');
	await tokens.loadBpeCounter(encoding as Parameters<typeof tokens.loadBpeCounter>[0]);
	const { result } = await post<Coverage>(session, 'Profiler.takePreciseCoverage');
	const fs = await import('fs');
	const unrun: Unrun[] = [];
	for (const script of result) {
		const file = path.basename(script.url);
		const wanted = HOT_FUNCTIONS[file];
		if (!wanted || !script.url.includes('core/tokens')) {
			continue;
		}
		const source = fs.readFileSync(new URL(script.url), 'utf8');
		for (const fn of script.functions) {
			if (!wanted.includes(fn.functionName)) {
				continue;
			}
			for (const range of fn.ranges.slice(1)) {
				if (range.count === 0) {
					const before = source.slice(0, range.startOffset);
					unrun.push({ file, fn: fn.functionName, line: before.split('\n').length, source: source.slice(range.startOffset, range.endOffset).trim().slice(0, 120) });
				}
			}
		}
	}
	process.stdout.write(JSON.stringify(unrun));
}

if (require.main === module) {
	main(process.argv[2] ?? 'o200k_base').catch((error) => {
		process.stderr.write(String(error?.stack ?? error));
		process.exit(1);
	});
}
