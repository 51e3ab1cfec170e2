/**
 * Writes the UTF-8 bytes of `text[start, end)` into `out` (which must hold 3 bytes per code unit) and
 * returns how many were written, or the negated count when every byte is ASCII (the caller can then use
 * the text itself as a binary string). A lone surrogate becomes U+FFFD, as TextEncoder and tiktoken do.
 */
export function encodeUtf8(text: string, start: number, end: number, out: Uint8Array): number {
	let n = 0;
	let ascii = true;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c < 0x80) {
			out[n++] = c;
			continue;
		}
		ascii = false;
		if (c < 0x800) {
			out[n++] = 0xc0 | (c >> 6);
			out[n++] = 0x80 | (c & 0x3f);
			continue;
		}
		if (c >= 0xd800 && c <= 0xdfff) {
			const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
			if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
				c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
				i++;
				out[n++] = 0xf0 | (c >> 18);
				out[n++] = 0x80 | ((c >> 12) & 0x3f);
				out[n++] = 0x80 | ((c >> 6) & 0x3f);
				out[n++] = 0x80 | (c & 0x3f);
				continue;
			}
			c = 0xfffd;
		}
		out[n++] = 0xe0 | (c >> 12);
		out[n++] = 0x80 | ((c >> 6) & 0x3f);
		out[n++] = 0x80 | (c & 0x3f);
	}
	return ascii ? -n : n;
}

