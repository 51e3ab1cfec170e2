import type { BpeCounter } from './counter';

/** A run of text and the token ids that spell it; several ids when one character spans tokens. */
export interface TokenSegment {
	readonly text: string;
	readonly tokens: readonly number[];
}

/**
 * Cuts `text` into segments at token boundaries for display. A token can end inside a character (an emoji
 * is often two or three byte-level tokens); such tokens share one segment, so every segment is whole
 * characters and the segments join back to `text` exactly. `limit` caps the number of segments.
 */
export function tokenSegments(counter: BpeCounter, text: string, limit = Number.POSITIVE_INFINITY): TokenSegment[] {
	const segments: TokenSegment[] = [];
	const table = counter.table;
	let stop = false;
	counter.encodePieces(text, (start, end, tokens) => {
		if (stop) {
			return;
		}
		// UTF-8 length of each code unit position of the piece, to map byte offsets to code units.
		let charStart = start;
		let charBytes = 0; // bytes of text[start, charStart)
		let tokenBytes = 0; // bytes covered by tokens so far
		let pending: number[] = [];
		for (const token of tokens) {
			pending.push(token);
			tokenBytes += table.tokenLength(token);
			// Advance over whole characters covered by the tokens so far.
			let i = charStart;
			let b = charBytes;
			while (i < end) {
				const { units, bytes } = charAt(text, i, end);
				if (b + bytes > tokenBytes) {
					break;
				}
				i += units;
				b += bytes;
			}
			if (b === tokenBytes && i > charStart) {
				segments.push({ text: text.slice(charStart, i), tokens: pending });
				pending = [];
				charStart = i;
				charBytes = b;
				if (segments.length >= limit) {
					stop = true;
					return;
				}
			}
		}
		if (pending.length > 0 || charStart < end) {
			segments.push({ text: text.slice(charStart, end), tokens: pending });
		}
	});
	return segments;
}

/** Code units and UTF-8 bytes of the character at `i` (a lone surrogate is U+FFFD: 3 bytes). */
function charAt(text: string, i: number, end: number): { units: number; bytes: number } {
	const c = text.charCodeAt(i);
	if (c < 0x80) {
		return { units: 1, bytes: 1 };
	}
	if (c < 0x800) {
		return { units: 1, bytes: 2 };
	}
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) {
			return { units: 2, bytes: 4 };
		}
	}
	return { units: 1, bytes: 3 };
}
