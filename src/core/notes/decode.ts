/**
 * Turns a note file's bytes into text, or says why it cannot. A `.md` file can be anything on disk: a
 * renamed PDF, a UTF-16 export, a 50 MB log. None of these may throw; each becomes a problem the tree shows.
 */
export type DecodedNote =
	| { readonly kind: 'text'; readonly text: string }
	| { readonly kind: 'binary' }
	| { readonly kind: 'notUtf8'; readonly encoding?: 'UTF-16' }
	| { readonly kind: 'tooLarge'; readonly size: number };

/** Bigger notes are not parsed at all; 10 MB notes still are (in slices). */
export const MAX_NOTE_BYTES = 20 * 1024 * 1024;

/** Only the start is checked for NUL bytes, as git and VS Code do for their binary checks. */
const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeNote(bytes: Uint8Array): DecodedNote {
	if (bytes.length > MAX_NOTE_BYTES) {
		return { kind: 'tooLarge', size: bytes.length };
	}
	// UTF-16 text is full of NUL bytes, so it must be recognised before the binary check.
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		return { kind: 'notUtf8', encoding: 'UTF-16' };
	}
	const sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
	for (let i = 0; i < sniff; i++) {
		if (bytes[i] === 0) {
			return { kind: 'binary' };
		}
	}
	try {
		// The decoder drops a UTF-8 byte order mark, so line numbers match what the editor shows.
		return { kind: 'text', text: utf8.decode(bytes) };
	} catch {
		return { kind: 'notUtf8' };
	}
}
