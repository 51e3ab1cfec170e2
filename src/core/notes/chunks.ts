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
	if (text.length <= targetLength) {
		return [{ text, startLine: 0 }];
	}
	const chunks: TextChunk[] = [];
	let chunkStart = 0;
	let chunkStartLine = 0;
	let line = 0;
	let position = 0;
	let fence: { char: string; length: number } | undefined;
	let htmlEnd: RegExp | undefined;
	let previousBlank = false;
	while (position < text.length) {
		const newline = text.indexOf('\n', position);
		const end = newline === -1 ? text.length : newline;
		const content = text.slice(position, end);
		const blank = content.trim() === '';
		if (fence) {
			const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
			if (close.test(content)) {
				fence = undefined;
			}
		} else if (htmlEnd) {
			if (htmlEnd.test(content)) {
				htmlEnd = undefined;
			}
		} else {
			if (previousBlank && !blank && !/^\s/.test(content) && position - chunkStart >= targetLength) {
				chunks.push({ text: text.slice(chunkStart, position), startLine: chunkStartLine });
				chunkStart = position;
				chunkStartLine = line;
			}
			const open = FENCE_OPEN.exec(content);
			if (open) {
				fence = { char: open[1][0], length: open[1].length };
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
		previousBlank = blank && !fence && !htmlEnd;
		position = end + 1;
		line++;
	}
	chunks.push({ text: text.slice(chunkStart), startLine: chunkStartLine });
	return chunks;
}
