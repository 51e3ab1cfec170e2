/**
 * GitHub-style heading slugs, so `note.md#some-heading` links written for GitHub also work here:
 * lower-case, drop everything that is not a letter, mark, number, connector, space or hyphen, then turn
 * each space into a hyphen. Repeated slugs get `-1`, `-2`, ... in document order.
 */
const NOT_SLUG_CHARACTER = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

export function slugify(text: string): string {
	return text.toLowerCase().replace(NOT_SLUG_CHARACTER, '').replace(/ /g, '-');
}

/** Hands out unique slugs for one document. */
export class Slugger {
	private readonly _seen = new Map<string, number>();

	slug(text: string): string {
		const base = slugify(text);
		let result = base;
		// A generated `foo-1` may itself collide with a heading literally called "foo 1"; keep counting.
		while (this._seen.has(result)) {
			const next = (this._seen.get(base) ?? 0) + 1;
			this._seen.set(base, next);
			result = `${base}-${next}`;
		}
		this._seen.set(result, 0);
		return result;
	}
}
