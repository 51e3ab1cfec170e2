import { FenceTracker } from './fences';

/** A markdown heading with the slug a renderer gives it (GitHub style, as VS Code's preview also does). */
export interface NoteHeading {
	readonly level: number;
	readonly text: string;
	readonly slug: string;
	/** 0-based. */
	readonly line: number;
}

/** `Inference: prefill, then decode` -> `inference-prefill-then-decode`. */
export function slugify(text: string): string {
	return text
		.replace(/[*_`]/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** The ATX headings of a note, outside fenced code; repeated slugs get `-1`, `-2` like GitHub's. */
export function listHeadings(text: string): NoteHeading[] {
	const headings: NoteHeading[] = [];
	const counts = new Map<string, number>();
	const lines = text.split(/\r\n|\r|\n/);
	const fences = new FenceTracker();
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (fences.step(line)) {
			continue;
		}
		const match = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
		if (!match) {
			continue;
		}
		const base = slugify(match[2]);
		const count = counts.get(base) ?? 0;
		counts.set(base, count + 1);
		headings.push({ level: match[1].length, text: match[2], slug: count === 0 ? base : `${base}-${count}`, line: i });
	}
	return headings;
}

/** The line of the heading a link fragment points at: a slug or the heading's own text both work. */
export function findHeading(text: string, fragment: string): NoteHeading | undefined {
	const headings = listHeadings(text);
	const wanted = slugify(fragment);
	return headings.find((h) => h.slug === fragment) ?? headings.find((h) => h.slug === wanted);
}
