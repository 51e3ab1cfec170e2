import { decodeNote, MAX_NOTE_BYTES } from './decode';
import { extractHeadingsSliced, type Heading, type Yield } from './headings';
import { buildOutline, parentIndexes, type OutlineNode } from './outline';

/** Why a note shows less than its headings. Each kind gets its own clear line in the tree. */
export type NoteProblem =
	| { readonly kind: 'binary' }
	| { readonly kind: 'notUtf8'; readonly encoding?: string }
	| { readonly kind: 'tooLarge'; readonly size: number; readonly limit: number }
	| { readonly kind: 'unreadable'; readonly message: string }
	| { readonly kind: 'empty' }
	| { readonly kind: 'noHeadings' }
	| { readonly kind: 'tooManyHeadings'; readonly shown: number; readonly total: number };

export interface Note {
	/** The note's identity: the string form of its URI. */
	readonly key: string;
	/** File name, e.g. `11-the-transformer.md`. */
	readonly fileName: string;
	/** The first H1, else the file name without `.md`. */
	readonly title: string;
	/** Line to open when the note itself is clicked: its title heading, else the top. */
	readonly titleLine: number;
	/** Index in `headings` of the heading used as title, or -1. */
	readonly titleIndex: number;
	readonly headings: readonly Heading[];
	readonly outline: readonly OutlineNode[];
	/** Parent heading index of each heading (-1: directly under the note). See `noteChildren`. */
	readonly parents: readonly number[];
	readonly problem?: NoteProblem;
}

/** A note's tree stays usable: past this many headings the rest is summarised in one line. */
export const MAX_HEADINGS = 2000;

export function fileNameOf(key: string): string {
	const path = key.split(/[?#]/)[0];
	const name = path.slice(path.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

function titleFromFileName(fileName: string): string {
	return fileName.replace(/\.(md|markdown)$/i, '');
}

/**
 * The note's children in the tree. The title H1 is the note item itself, so when there is exactly one H1
 * its sections are shown directly under the note instead of one level down.
 */
function noteOutline(outline: OutlineNode[], titleIndex: number): OutlineNode[] {
	const h1Count = outline.filter((node) => node.heading.level === 1).length;
	if (titleIndex < 0 || h1Count !== 1) {
		return outline;
	}
	return outline.flatMap((node) => (node.index === titleIndex ? node.children : [node]));
}

export function emptyNote(key: string, problem?: NoteProblem): Note {
	const fileName = fileNameOf(key);
	return { key, fileName, title: titleFromFileName(fileName), titleLine: 0, titleIndex: -1, headings: [], outline: [], parents: [], problem };
}

/** Builds a note from text that is already decoded (an open editor's buffer, or a decoded file). */
export async function noteFromText(key: string, text: string, options: { yieldFn?: Yield; isCancelled?: () => boolean } = {}): Promise<Note | undefined> {
	if (text.trim() === '') {
		return emptyNote(key, { kind: 'empty' });
	}
	const all = await extractHeadingsSliced(text, options);
	if (!all) {
		return undefined;
	}
	if (all.length === 0) {
		return emptyNote(key, { kind: 'noHeadings' });
	}
	const headings = all.length > MAX_HEADINGS ? all.slice(0, MAX_HEADINGS) : all;
	const titleIndex = headings.findIndex((heading) => heading.level === 1);
	const fileName = fileNameOf(key);
	const title = titleIndex >= 0 && headings[titleIndex].text !== '' ? headings[titleIndex].text : titleFromFileName(fileName);
	const outline = noteOutline(buildOutline(headings), titleIndex);
	return {
		key,
		fileName,
		title,
		titleLine: titleIndex >= 0 ? headings[titleIndex].line : 0,
		titleIndex,
		headings,
		outline,
		parents: parentIndexes(outline, headings.length),
		problem: all.length > MAX_HEADINGS ? { kind: 'tooManyHeadings', shown: MAX_HEADINGS, total: all.length } : undefined,
	};
}

/** Builds a note from a file's bytes; never throws for bad content. */
export async function noteFromBytes(key: string, bytes: Uint8Array, options: { yieldFn?: Yield; isCancelled?: () => boolean } = {}): Promise<Note | undefined> {
	const decoded = decodeNote(bytes);
	switch (decoded.kind) {
		case 'text':
			return noteFromText(key, decoded.text, options);
		case 'binary':
			return emptyNote(key, { kind: 'binary' });
		case 'notUtf8':
			return emptyNote(key, { kind: 'notUtf8', encoding: decoded.encoding });
		case 'tooLarge':
			return emptyNote(key, { kind: 'tooLarge', size: decoded.size, limit: MAX_NOTE_BYTES });
	}
}
