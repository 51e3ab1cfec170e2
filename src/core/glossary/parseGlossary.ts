import type { GlossaryEntry, GlossaryWarning, ParsedGlossary } from './types';
import { FenceTracker } from './fences';

/**
 * Reads the glossary format (documented in README.md, "Your own glossary"):
 *
 *     # Glossary                      <- title and intro text before the first `##` are ignored
 *
 *     ## Prefill                      <- one entry per H2 heading: the term
 *
 *     The first phase of inference... <- the first paragraph is the definition
 *
 *     Aliases: prefilling, prefill phase
 *     See: [Inference](11-the-transformer.md#inference-prefill-then-decode)
 *
 * `See:` takes a markdown link or a bare `path#heading`; the path is relative to the glossary file and the
 * part after `#` is a heading slug or the heading text. Entries that cannot be used are skipped with a warning
 * that names the line; the rest of the file still loads.
 */
export function parseGlossary(text: string, source: string): ParsedGlossary {
	const entries: GlossaryEntry[] = [];
	const warnings: GlossaryWarning[] = [];
	const seen = new Map<string, number>();
	const lines = text.split(/\r\n|\r|\n/);
	let current: Draft | undefined;
	const fences = new FenceTracker();

	const warn = (line: number, message: string): void => {
		warnings.push({ source, line, message });
	};
	const finish = (): void => {
		if (!current) {
			return;
		}
		const entry = toEntry(current, source, warn);
		current = undefined;
		if (!entry) {
			return;
		}
		const key = entry.term.toLowerCase();
		const first = seen.get(key);
		if (first !== undefined) {
			warn(entry.line, `"${entry.term}" is defined twice (first on line ${first + 1}); the first definition is used.`);
			return;
		}
		seen.set(key, entry.line);
		entries.push(entry);
	};

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		// Headings inside fenced code are text, not entries.
		const inFence = fences.step(line);
		if (inFence === 'open') {
			current?.body.push({ line: i, text: '' });
		}
		if (inFence) {
			continue;
		}
		const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
		if (heading && heading[1].length <= 2) {
			finish();
			if (heading[1].length === 2) {
				current = { term: cleanTerm(heading[2] ?? ''), line: i, body: [] };
			}
			continue;
		}
		current?.body.push({ line: i, text: line });
	}
	finish();
	return { entries, warnings };
}

interface Draft {
	term: string;
	line: number;
	body: { line: number; text: string }[];
}

const MAX_TERM_LENGTH = 100;
const MAX_DEFINITION_LENGTH = 2000;

function cleanTerm(raw: string): string {
	// `## **Token**` and `` ## `top-p` `` are the same terms as `## Token` and `## top-p`.
	return raw.replace(/^(\*\*|__|`)(.*)\1$/, '$2').replace(/\s+/g, ' ').trim();
}

function toEntry(draft: Draft, source: string, warn: (line: number, message: string) => void): GlossaryEntry | undefined {
	if (!draft.term) {
		warn(draft.line, 'Entry heading has no term after "##"; entry skipped.');
		return undefined;
	}
	if (draft.term.length > MAX_TERM_LENGTH) {
		warn(draft.line, `Term is longer than ${MAX_TERM_LENGTH} characters; entry skipped.`);
		return undefined;
	}
	const aliases: string[] = [];
	const paragraph: string[] = [];
	let paragraphDone = false;
	let note: string | undefined;
	let heading: string | undefined;
	let linkText: string | undefined;
	let seeLine: number | undefined;
	for (const { line, text } of draft.body) {
		const trimmed = text.trim();
		const field = /^(aliases?|also|see|note)\s*:\s*(.*)$/i.exec(trimmed);
		if (field) {
			const name = field[1].toLowerCase();
			if (name === 'see' || name === 'note') {
				if (seeLine !== undefined) {
					warn(line, `Second "See:" line for "${draft.term}" ignored (the first is on line ${seeLine + 1}).`);
					continue;
				}
				const link = parseLink(field[2]);
				if (!link) {
					warn(line, `"See:" for "${draft.term}" needs a note path such as "11-the-transformer.md#attention"; link ignored.`);
					continue;
				}
				seeLine = line;
				note = link.path;
				heading = link.fragment;
				linkText = link.text;
			} else {
				for (const alias of field[2].split(/[,;]/)) {
					const cleaned = cleanTerm(alias);
					if (cleaned && cleaned.length <= MAX_TERM_LENGTH && !aliases.includes(cleaned)) {
						aliases.push(cleaned);
					}
				}
			}
			continue;
		}
		if (trimmed === '') {
			paragraphDone = paragraphDone || paragraph.length > 0;
			continue;
		}
		// Only the first paragraph is the definition; later paragraphs are notes to the person editing the file.
		if (!paragraphDone && !/^#{3,6}\s/.test(trimmed)) {
			paragraph.push(trimmed);
		}
	}
	let definition = paragraph.join(' ');
	if (!definition) {
		warn(draft.line, `"${draft.term}" has no definition paragraph; entry skipped.`);
		return undefined;
	}
	if (definition.length > MAX_DEFINITION_LENGTH) {
		warn(draft.line, `Definition of "${draft.term}" is longer than ${MAX_DEFINITION_LENGTH} characters; it was shortened.`);
		definition = `${definition.slice(0, MAX_DEFINITION_LENGTH - 1)}…`;
	}
	const entry: GlossaryEntry = { term: draft.term, aliases, definition, note, heading, source, line: draft.line };
	return linkText ? { ...entry, linkText } : entry;
}

/** `[text](path#frag)`, `<path#frag>` or `path#frag`; `undefined` when there is no path. */
export function parseLink(raw: string): { path: string; fragment?: string; text?: string } | undefined {
	let target = raw.trim();
	let text: string | undefined;
	const markdown = /^\[([^\]]*)\]\(\s*<?([^)>]*)>?\s*\)$/.exec(target);
	if (markdown) {
		text = markdown[1].trim() || undefined;
		target = markdown[2].trim();
	} else if (/^<.*>$/.test(target)) {
		target = target.slice(1, -1).trim();
	}
	const hash = target.indexOf('#');
	const path = (hash >= 0 ? target.slice(0, hash) : target).trim();
	const fragment = hash >= 0 ? decodeFragment(target.slice(hash + 1).trim()) : undefined;
	// A link must point at a note, never at a URL scheme: the hover turns it into a command that opens a file.
	if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path)) {
		return undefined;
	}
	return text ? { path, fragment: fragment || undefined, text } : { path, fragment: fragment || undefined };
}

function decodeFragment(fragment: string): string {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
}
