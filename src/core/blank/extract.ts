/**
 * Finding the blank: either the user's selection, or a blank marker under the cursor. Offsets are
 * character offsets into the document text, so the feature can map them from `vscode.Position`s.
 */

/** A blank found in a document: the text before it, the hidden original, and the text after it. */
export interface Blank {
	readonly before: string;
	/** What the blank hides: the selected text, or '' for a marker (the learner typed no answer). */
	readonly original: string;
	readonly after: string;
	/** Where the blank is in the document (offsets of the selection or of the marker). */
	readonly start: number;
	readonly end: number;
	readonly kind: 'selection' | 'marker';
}

export type BlankResult =
	| { readonly ok: true; readonly blank: Blank }
	| { readonly ok: false; readonly reason: 'no-blank' | 'whitespace-only' };

/**
 * Markers a learner types to say "predict this": three or more underscores, `[MASK]` (BERT's token) and
 * `<mask>` (RoBERTa's). Two underscores are left alone because markdown uses them for bold text.
 */
const MARKER = /_{3,}|\[MASK\]|<mask>/gi;

/** The marker that contains or touches `offset`, if any, on the cursor's line. */
export function markerAt(text: string, offset: number): { start: number; end: number } | undefined {
	const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
	const nextBreak = text.indexOf('\n', offset);
	const lineEnd = nextBreak === -1 ? text.length : nextBreak;
	const line = text.slice(lineStart, lineEnd);
	MARKER.lastIndex = 0;
	for (let match = MARKER.exec(line); match; match = MARKER.exec(line)) {
		const start = lineStart + match.index;
		const end = start + match[0].length;
		// A cursor right after the marker counts: that is where it lands after typing `____`.
		if (offset >= start && offset <= end) {
			return { start, end };
		}
	}
	return undefined;
}

/**
 * The blank for a selection `[selectionStart, selectionEnd)`, or, for an empty selection, the marker under
 * the cursor. Surrounding whitespace of a selection stays in the context, so "double-click a word" and
 * "select a word with its trailing space" give the same blank.
 */
export function extractBlank(text: string, selectionStart: number, selectionEnd: number): BlankResult {
	const from = Math.max(0, Math.min(selectionStart, selectionEnd, text.length));
	const to = Math.min(text.length, Math.max(selectionStart, selectionEnd));
	if (from === to) {
		const marker = markerAt(text, from);
		if (!marker) {
			return { ok: false, reason: 'no-blank' };
		}
		return {
			ok: true,
			blank: { before: text.slice(0, marker.start), original: '', after: text.slice(marker.end), start: marker.start, end: marker.end, kind: 'marker' },
		};
	}
	const selected = text.slice(from, to);
	const trimmedStart = from + (selected.length - selected.trimStart().length);
	const trimmedEnd = to - (selected.length - selected.trimEnd().length);
	if (trimmedEnd <= trimmedStart) {
		return { ok: false, reason: 'whitespace-only' };
	}
	return {
		ok: true,
		blank: {
			before: text.slice(0, trimmedStart),
			original: text.slice(trimmedStart, trimmedEnd),
			after: text.slice(trimmedEnd),
			start: trimmedStart,
			end: trimmedEnd,
			kind: 'selection',
		},
	};
}
