/** Words in `text[start, end)`: runs of non-whitespace. Additive over the chunk cuts (both sit at a word edge). */
export function countWords(text: string, start: number, end: number): number {
	let words = 0;
	let inWord = false;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		const space = c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
		if (space) {
			inWord = false;
		} else if (!inWord) {
			inWord = true;
			words++;
		}
	}
	return words;
}
