import type { Note } from './note';

/** Which headings of a note a text filter keeps: all of them, some (with their ancestors), or none. */
export type NoteFilterResult = { readonly kind: 'all' } | { readonly kind: 'some'; readonly headings: ReadonlySet<number> } | undefined;

export function normalizeQuery(query: string): string {
	return query.trim().toLowerCase();
}

/**
 * A note whose title or file name matches is kept whole; otherwise only the matching headings are kept,
 * together with the headings above them so each match is still reachable in the tree.
 */
export function filterNote(note: Note, query: string): NoteFilterResult {
	const wanted = normalizeQuery(query);
	if (wanted === '' || note.title.toLowerCase().includes(wanted) || note.fileName.toLowerCase().includes(wanted)) {
		return { kind: 'all' };
	}
	const keep = new Set<number>();
	note.headings.forEach((heading, index) => {
		if (index === note.titleIndex || !heading.text.toLowerCase().includes(wanted)) {
			return;
		}
		for (let at = index; at >= 0 && !keep.has(at); at = note.parents[at] ?? -1) {
			keep.add(at);
		}
	});
	return keep.size > 0 ? { kind: 'some', headings: keep } : undefined;
}
