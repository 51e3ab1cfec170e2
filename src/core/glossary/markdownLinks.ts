export interface TextRange {
	readonly start: number;
	readonly end: number;
}

// `](target "title")`, `<https://...>`, a bare URL, and a reference definition `[id]: target`.
const LINK_PARTS = /\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|\b(?:https?|ftp|file):\/\/\S+|^\s{0,3}\[[^\]]+\]:\s*\S+/gi;

/**
 * Ranges of a markdown line that are link targets or URLs, not prose: "autoregressive-models" in
 * `(03-masked-and-autoregressive-models.md#...)` is a file name, so it gets no hover and no underline.
 */
export function linkTargets(line: string): TextRange[] {
	if (line.indexOf('](') < 0 && line.indexOf(':') < 0) {
		return [];
	}
	const ranges: TextRange[] = [];
	for (const match of line.matchAll(LINK_PARTS)) {
		const start = match.index ?? 0;
		ranges.push({ start, end: start + match[0].length });
	}
	return ranges;
}

export function overlapsAny(ranges: readonly TextRange[], start: number, end: number): boolean {
	return ranges.some((r) => start < r.end && r.start < end);
}
