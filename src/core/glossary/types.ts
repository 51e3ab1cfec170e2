/** One glossary entry, from the bundled glossary, a workspace glossary file or a definition line in a note. */
export interface GlossaryEntry {
	/** The term as written (`Self-supervision`). */
	readonly term: string;
	/** Other names matched like the term (`LLM`, `self supervised`). */
	readonly aliases: readonly string[];
	/** One to three sentences of plain text (bundled entries may use inline markdown). */
	readonly definition: string;
	/** The note that explains the term, relative to the folder of `source` (like a markdown link). */
	readonly note?: string;
	/** The heading inside `note`: a slug (`inference-prefill-then-decode`) or the heading text. */
	readonly heading?: string;
	/** The text of the `See:` markdown link, when it has one: a readable name for the heading. */
	readonly linkText?: string;
	/** Where the entry was read: a URI string or any id the caller chose. */
	readonly source: string;
	/** 0-based line of the entry in `source` (its `## Term` heading, or the definition line in a note). */
	readonly line: number;
}

/** A problem found while reading a glossary; the entry it concerns was skipped or kept without the bad part. */
export interface GlossaryWarning {
	readonly source: string;
	/** 0-based; `formatWarning` prints it 1-based, as editors do. */
	readonly line: number;
	readonly message: string;
}

export interface ParsedGlossary {
	readonly entries: GlossaryEntry[];
	readonly warnings: GlossaryWarning[];
}

export function formatWarning(warning: GlossaryWarning): string {
	return `${warning.source}:${warning.line + 1}: ${warning.message}`;
}
