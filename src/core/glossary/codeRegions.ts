/**
 * Finds comments and string literals in source code, so the glossary hovers "prefill" in
 * `// prefill the cache` but not in `prefill(cache)`. A small scanner per language family, not a parser:
 * it only has to agree with a real tokenizer about where comments and strings start and end.
 */
export type CodeRegionKind = 'comment' | 'string';

export interface CodeRegion {
	readonly kind: CodeRegionKind;
	/** `text.slice(start, end)` is the region, delimiters included. */
	readonly start: number;
	readonly end: number;
}

interface StringSyntax {
	readonly open: string;
	readonly close: string;
	/** Escape character inside the string (`\`), if any. */
	readonly escape?: string;
	/** When false, the string also ends at the end of the line (an unterminated literal must not swallow the file). */
	readonly multiline: boolean;
	/** Python's triple-quoted strings are where docstrings live: prose, so they count as comments. */
	readonly kind?: CodeRegionKind;
}

export interface CodeSyntax {
	readonly lineComments: readonly string[];
	readonly blockComments: readonly (readonly [string, string])[];
	readonly strings: readonly StringSyntax[];
	/** `#` starts a comment only at the start of a line or after whitespace (shell `$#`, YAML `a#b`). */
	readonly commentAfterSpace?: boolean;
	/** A quote starts a string only after whitespace or punctuation (YAML `don't` in a plain scalar). */
	readonly quoteAfterSpace?: boolean;
	/** Rust: `'a` is a lifetime, only `'x'` and `'\n'` are character literals. */
	readonly rustChars?: boolean;
}

const DOUBLE: StringSyntax = { open: '"', close: '"', escape: '\\', multiline: false };
const SINGLE: StringSyntax = { open: '\'', close: '\'', escape: '\\', multiline: false };
const C_COMMENTS = { lineComments: ['//'], blockComments: [['/*', '*/']] as const };

const SYNTAXES: Record<string, CodeSyntax> = {
	js: { ...C_COMMENTS, strings: [DOUBLE, SINGLE, { open: '`', close: '`', escape: '\\', multiline: true }] },
	c: { ...C_COMMENTS, strings: [DOUBLE, SINGLE] },
	csharp: { ...C_COMMENTS, strings: [{ open: '@"', close: '"', multiline: true }, { open: '"""', close: '"""', multiline: true }, DOUBLE, SINGLE] },
	java: { ...C_COMMENTS, strings: [{ open: '"""', close: '"""', escape: '\\', multiline: true }, DOUBLE, SINGLE] },
	go: { ...C_COMMENTS, strings: [DOUBLE, SINGLE, { open: '`', close: '`', multiline: true }] },
	rust: { ...C_COMMENTS, strings: [{ open: 'r#"', close: '"#', multiline: true }, { ...DOUBLE, multiline: true }, SINGLE], rustChars: true },
	python: {
		lineComments: ['#'],
		blockComments: [],
		strings: [
			{ open: '"""', close: '"""', escape: '\\', multiline: true, kind: 'comment' },
			{ open: '\'\'\'', close: '\'\'\'', escape: '\\', multiline: true, kind: 'comment' },
			DOUBLE,
			SINGLE,
		],
	},
	shell: {
		lineComments: ['#'],
		blockComments: [],
		strings: [DOUBLE, { open: '\'', close: '\'', multiline: false }],
		commentAfterSpace: true,
	},
	yaml: {
		lineComments: ['#'],
		blockComments: [],
		strings: [DOUBLE, { open: '\'', close: '\'', multiline: false }],
		commentAfterSpace: true,
		quoteAfterSpace: true,
	},
};

const LANGUAGES: Record<string, keyof typeof SYNTAXES> = {
	typescript: 'js',
	typescriptreact: 'js',
	javascript: 'js',
	javascriptreact: 'js',
	java: 'java',
	c: 'c',
	cpp: 'c',
	csharp: 'csharp',
	go: 'go',
	rust: 'rust',
	python: 'python',
	shellscript: 'shell',
	yaml: 'yaml',
};

/** VS Code language ids whose comments (and strings) the glossary can find. */
export const CODE_LANGUAGES: readonly string[] = Object.keys(LANGUAGES);

export function syntaxFor(languageId: string): CodeSyntax | undefined {
	const family = LANGUAGES[languageId];
	return family ? SYNTAXES[family] : undefined;
}

/** All comments and strings of `text`, in order. Linear in the length of the text. */
export function scanCodeRegions(text: string, syntax: CodeSyntax): CodeRegion[] {
	const regions: CodeRegion[] = [];
	const openers = new Set<string>();
	for (const open of [...syntax.lineComments, ...syntax.blockComments.map((b) => b[0]), ...syntax.strings.map((s) => s.open)]) {
		openers.add(open[0]);
	}
	// Longest opener first, so `"""` is not read as an empty `""` followed by a quote.
	const strings = [...syntax.strings].sort((a, b) => b.open.length - a.open.length);
	const n = text.length;
	let i = 0;
	outer: while (i < n) {
		const ch = text[i];
		if (!openers.has(ch)) {
			i++;
			continue;
		}
		const afterSpace = i === 0 || /[\s([{,:;=|&-]/.test(text[i - 1]);
		for (const [open, close] of syntax.blockComments) {
			if (text.startsWith(open, i)) {
				const endAt = text.indexOf(close, i + open.length);
				const end = endAt < 0 ? n : endAt + close.length;
				regions.push({ kind: 'comment', start: i, end });
				i = end;
				continue outer;
			}
		}
		for (const open of syntax.lineComments) {
			if (text.startsWith(open, i) && (!syntax.commentAfterSpace || i === 0 || /\s/.test(text[i - 1]))) {
				const end = lineEnd(text, i);
				regions.push({ kind: 'comment', start: i, end });
				i = end;
				continue outer;
			}
		}
		if (syntax.rustChars && ch === '\'') {
			const end = rustCharEnd(text, i);
			if (end === undefined) {
				i++;
			} else {
				regions.push({ kind: 'string', start: i, end });
				i = end;
			}
			continue;
		}
		for (const s of strings) {
			if (text.startsWith(s.open, i) && (!syntax.quoteAfterSpace || afterSpace)) {
				const end = stringEnd(text, i + s.open.length, s);
				regions.push({ kind: s.kind ?? 'string', start: i, end });
				i = end;
				continue outer;
			}
		}
		i++;
	}
	return regions;
}

/** The region containing `offset` (binary search over `scanCodeRegions`' result). */
export function regionAt(regions: readonly CodeRegion[], offset: number): CodeRegion | undefined {
	let lo = 0;
	let hi = regions.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const region = regions[mid];
		if (offset < region.start) {
			hi = mid - 1;
		} else if (offset >= region.end) {
			lo = mid + 1;
		} else {
			return region;
		}
	}
	return undefined;
}

function lineEnd(text: string, from: number): number {
	const end = text.indexOf('\n', from);
	return end < 0 ? text.length : end;
}

function stringEnd(text: string, from: number, s: StringSyntax): number {
	const n = text.length;
	let i = from;
	while (i < n) {
		const ch = text[i];
		if (s.escape !== undefined && ch === s.escape) {
			i += 2;
			continue;
		}
		if (!s.multiline && ch === '\n') {
			return i;
		}
		if (text.startsWith(s.close, i)) {
			return i + s.close.length;
		}
		i++;
	}
	return n;
}

function rustCharEnd(text: string, start: number): number | undefined {
	if (text[start + 1] === '\\') {
		const close = text.indexOf('\'', start + 3);
		return close >= 0 && close - start <= 12 ? close + 1 : undefined;
	}
	// One character, possibly a surrogate pair, between the quotes.
	if (text[start + 2] === '\'' && text[start + 1] !== '\n') {
		return start + 3;
	}
	if (text[start + 3] === '\'' && /[\uD800-\uDBFF]/.test(text[start + 1] ?? '')) {
		return start + 4;
	}
	return undefined;
}
