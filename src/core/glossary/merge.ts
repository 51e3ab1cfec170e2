import { termKey } from './termKey';
import type { GlossaryEntry } from './types';

export interface MergedGlossary {
	readonly entries: GlossaryEntry[];
	/** Entries hidden by an entry of the same term from a layer with higher precedence. */
	readonly overridden: { readonly hidden: GlossaryEntry; readonly by: GlossaryEntry }[];
}

/**
 * Merges glossary layers given in order of precedence (first wins), e.g. `[noteDefinitions,
 * workspaceGlossaries, bundled]`: a user's entry for "Token" replaces the bundled one. Terms are the same
 * when they differ only in case and separators ("Self supervision" = "self-supervision").
 * The winner keeps the aliases of the entries it hides, so a user's own "Large language model" is still
 * found under the bundled alias "LLM".
 */
export function mergeGlossaries(layers: readonly (readonly GlossaryEntry[])[]): MergedGlossary {
	const indexByKey = new Map<string, number>();
	const entries: GlossaryEntry[] = [];
	const overridden: { hidden: GlossaryEntry; by: GlossaryEntry }[] = [];
	for (const layer of layers) {
		for (const entry of layer) {
			const key = termKey(entry.term);
			if (!key) {
				continue;
			}
			const index = indexByKey.get(key);
			if (index === undefined) {
				indexByKey.set(key, entries.length);
				entries.push(entry);
				continue;
			}
			const winner = entries[index];
			overridden.push({ hidden: entry, by: winner });
			const known = new Set([key, ...winner.aliases.map(termKey)]);
			const extra = [entry.term, ...entry.aliases].filter((alias) => !known.has(termKey(alias)) && known.add(termKey(alias)));
			if (extra.length > 0) {
				entries[index] = { ...winner, aliases: [...winner.aliases, ...extra] };
			}
		}
	}
	return { entries, overridden };
}
