import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { ENCODINGS, type EncodingName } from '../../../src/core/tokens';
import type { Unrun } from './primingCoverage';

/**
 * Blocks of the counting code that loading a counter may leave unrun, each with the reason; anything else that
 * priming misses would be first run in optimised code, and V8 would throw that code away in the middle of a count.
 */
const NEVER_PRIMED: { file: string; fn: string; source: RegExp; encodings?: readonly EncodingName[]; why: string }[] = [
	{ file: 'backtrackEncoder.js', fn: 'encode', source: /^\{\s*this\._deadGeneration\.fill\(0\)/, why: 'the generation counter wraps after 2^30 pieces' },
	{ file: 'backtrackEncoder.js', fn: 'encode', source: /^\{\s*throw new Error/, why: 'inconsistent tables (an error, not a count)' },
	{ file: 'asciiTokenTable.js', fn: 'rank', source: /^$/, why: 'the end of a function whose loop always returns' },
	{ file: 'asciiTokenTable.js', fn: 'rankLong', source: /^$/, why: 'the end of a function whose loop always returns' },
	{ file: 'counter.js', fn: '_sumParts', source: /^$/, why: 'the end of a function whose loop always returns' },
	{ file: 'pieceTable.js', fn: 'contractionEnd', source: /^\? raw2?$/, encodings: ['o200k_base', 'cl100k_base'], why: 'case-sensitive contractions are GPT-2\'s' },
	{ file: 'pieceTable.js', fn: 'contractionEnd', source: /^: raw2? \| 0x20$/, encodings: ['p50k_base', 'r50k_base'], why: 'case-insensitive contractions are not GPT-2\'s' },
	{ file: 'counter.js', fn: 'count', source: /^&& this\._dense\.isDense\(|^\{\s*return this\._dense\.count\(/, encodings: ['cl100k_base', 'p50k_base', 'r50k_base'], why: 'only o200k counts dense text by runs (its run tables are o200k\'s pieces)' },
	{ file: 'preTokenizer.js', fn: 'whitespaceEnd', source: /lastBreak/, encodings: ['p50k_base', 'r50k_base'], why: 'GPT-2 has no `\\s*[\\r\\n]+` alternative' },
	// o200k's table (`pieceTable.ts`) leaves only pieces with a control character, or a capital after letters of both
	// classes, to the general path: never a space before something that is not punctuation, nor a run of digits.
	{ file: 'preTokenizer.js', fn: 'punctuationStart', source: /^: -1$/, encodings: ['o200k_base'], why: 'o200k\'s table takes a space before a letter, digit or space' },
	{ file: 'preTokenizer.js', fn: 'o200k', source: /^\{\s*return digitsEnd\(/, encodings: ['o200k_base'], why: 'o200k\'s table takes every run of digits' },
];

describe('Tokens priming', () => {
	for (const encoding of ENCODINGS) {
		it(`${encoding}: loading a counter runs every block of the counting code (V8 block coverage)`, function () {
			this.timeout(60_000);
			const script = path.join(__dirname, 'primingCoverage.js');
			const unrun = JSON.parse(execFileSync(process.execPath, [script, encoding], { encoding: 'utf8' })) as Unrun[];
			const left = unrun.filter((u) => !NEVER_PRIMED.some((n) => n.file === u.file && n.fn === u.fn && n.source.test(u.source) && (!n.encodings || n.encodings.includes(encoding))));
			assert.deepStrictEqual(left, [], `blocks that priming never runs:\n${left.map((u) => `  ${u.file} ${u.fn} (line ${u.line}): ${u.source}`).join('\n')}`);
		});
	}
});
