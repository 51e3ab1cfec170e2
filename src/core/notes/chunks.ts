/**
 * Splits a long markdown text into pieces that can be parsed one at a time, so a 10 MB note never blocks
 * the extension host for seconds. A cut is made only at a blank line that is outside a code fence and an
 * HTML block and is followed by an unindented line: there no block construct that can hold a heading
 * continues across the cut. (Reference definitions used across a cut are the known approximation; they
 * change how a heading's link text reads, not whether it is a heading.)
 */
export interface TextChunk {
	readonly text: string;
	/** 0-based line of the chunk's first line in the whole text. */
	readonly startLine: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK_ENDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
	[/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
	[/^ {0,3}<!--/, /-->/],
	[/^ {0,3}<\?/, /\?>/],
	[/^ {0,3}<![A-Za-z]/, />/],
	[/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

export function splitIntoChunks(text: string, targetLength: number): TextChunk[] {
	return [...chunksOf(text, targetLength)];
}

/**
 * The chunks one at a time: scanning 10 MB for cut points is itself work that must not run in one go, so
 * each chunk is found only when the caller asks for it (after its pause).
 */
export function* chunksOf(text: string, targetLength: number): Generator<TextChunk> {
	if (text.length <= targetLength) {
		yield { text, startLine: 0 };
		return;
	}
	let chunkStart = 0;
	let chunkStartLine = 0;
	let line = 0;
	let position = 0;
	let fenceClose: RegExp | undefined;
	let htmlEnd: RegExp | undefined;
	let previousBlank = false;
	while (position < text.length) {
		const newline = text.indexOf('\n', position);
		const end = newline === -1 ? text.length : newline;
		const content = text.slice(position, end);
		const blank = content.trim() === '';
		if (fenceClose) {
			if (fenceClose.test(content)) {
				fenceClose = undefined;
			}
		} else if (htmlEnd) {
			if (htmlEnd.test(content)) {
				htmlEnd = undefined;
			}
		} else {
			if (previousBlank && !blank && !/^\s/.test(content) && position - chunkStart >= targetLength) {
				yield { text: text.slice(chunkStart, position), startLine: chunkStartLine };
				chunkStart = position;
				chunkStartLine = line;
			}
			const open = FENCE_OPEN.exec(content);
			if (open) {
				// A fence closes with the same character, at least as many times, and nothing else on the line.
				fenceClose = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}\\s*$`);
			} else {
				for (const [start, stop] of HTML_BLOCK_ENDS) {
					if (start.test(content)) {
						// The end marker may sit on the opening line itself.
						htmlEnd = stop.test(content.replace(start, '')) ? undefined : stop;
						break;
					}
				}
			}
		}
		previousBlank = blank && !fenceClose && !htmlEnd;
		position = end + 1;
		line++;
	}
	yield { text: text.slice(chunkStart), startLine: chunkStartLine };
}
