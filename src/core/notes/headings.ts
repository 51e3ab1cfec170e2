import MarkdownIt from 'markdown-it';
import { chunksOf } from './chunks';
import { Slugger } from './slug';

type Token = MarkdownIt.Token;

/** One heading of a note. */
export interface Heading {
	/** 1 to 6. */
	readonly level: number;
	/** The heading as plain text: inline markup removed, escapes and entities resolved. */
	readonly text: string;
	/** 0-based line where the heading starts (for a setext heading: its first text line). */
	readonly line: number;
	/** GitHub-style anchor, unique within the note. */
	readonly slug: string;
}

/**
 * The block parser finds headings; raw HTML is enabled *for parsing only*, so that an HTML block is
 * recognised as one and a `# line` inside it is not taken for a heading. Nothing here is ever rendered.
 * Inline rules are switched off on this instance because only heading contents need them, and running
 * them over every paragraph would cost most of the time on a big note.
 */
const blockParser = new MarkdownIt('default', { html: true });
blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
const inlineParser = new MarkdownIt('default', { html: true });

/** Characters that can begin inline markup, escapes, entities, autolinks or raw HTML in markdown-it's default preset. */
const INLINE_MARKUP = /[\\`*_[\]<>&!~]/;

/** Notes larger than this are parsed in slices, yielding between them. */
export const SLICE_LENGTH = 128 * 1024;

interface RawHeading {
	level: number;
	text: string;
	line: number;
}

/** Inline tokens as the reader sees them, without markup. */
export function plainText(tokens: readonly Token[]): string {
	let text = '';
	for (const token of tokens) {
		switch (token.type) {
			case 'text':
			case 'text_special':
			case 'code_inline':
				text += token.content;
				break;
			case 'softbreak':
			case 'hardbreak':
				text += ' ';
				break;
			case 'image':
				text += plainText(token.children ?? []);
				break;
			default:
				// Markup (`strong_open`, `link_open`, ...) and raw inline HTML add no text.
				break;
		}
	}
	return text;
}

function headingsOfChunk(text: string, startLine: number, env: Record<string, unknown>): RawHeading[] {
	const tokens = blockParser.parse(text, env);
	const result: RawHeading[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		if (token.type !== 'heading_open' || !token.map) {
			continue;
		}
		const inline = tokens[i + 1];
		const content = inline && inline.type === 'inline' ? inline.content : '';
		// Most headings are plain words: only text with a character that can start inline markup needs the
		// inline parser, which is the costliest step per heading.
		const text = INLINE_MARKUP.test(content) ? plainText(inlineParser.parseInline(content, env)[0]?.children ?? []) : content;
		result.push({
			level: Number(token.tag.slice(1)),
			text: text.replace(/\s+/g, ' ').trim(),
			line: startLine + token.map[0],
		});
	}
	return result;
}

function withSlugs(raw: readonly RawHeading[]): Heading[] {
	const slugger = new Slugger();
	return raw.map((heading) => ({ ...heading, slug: slugger.slug(heading.text) }));
}

/** The headings of a markdown text, in document order. Synchronous: use for texts of ordinary size. */
export function extractHeadings(text: string): Heading[] {
	return withSlugs(headingsOfChunk(text, 0, {}));
}

/** Gives the event loop a turn; injectable so tests and the bench can count or skip the pauses. */
export type Yield = () => Promise<void>;

export const yieldToEventLoop: Yield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The headings of a text of any size. Big texts are parsed slice by slice with a pause between slices, so
 * other work (hovers, typing, the token counter) keeps running. `isCancelled` stops early when a newer
 * version of the same note has arrived.
 */
export async function extractHeadingsSliced(
	text: string,
	options: { yieldFn?: Yield; isCancelled?: () => boolean; sliceLength?: number } = {},
): Promise<Heading[] | undefined> {
	const sliceLength = options.sliceLength ?? SLICE_LENGTH;
	if (text.length <= sliceLength) {
		return extractHeadings(text);
	}
	const yieldFn = options.yieldFn ?? yieldToEventLoop;
	const raw: RawHeading[] = [];
	const env: Record<string, unknown> = {};
	for (const chunk of chunksOf(text, sliceLength)) {
		if (options.isCancelled?.()) {
			return undefined;
		}
		raw.push(...headingsOfChunk(chunk.text, chunk.startLine, env));
		await yieldFn();
	}
	return withSlugs(raw);
}
