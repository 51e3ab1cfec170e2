import { termKey, type GlossaryEntry } from '../glossary';
import type { GlossaryLookup } from './builtin/model';
import type { AreAliases } from './verdict';

/**
 * The blank feature's small view of the glossary: a candidate's definition, and whether two fills name the
 * same term ("LLM" and "large language model"). Built once per glossary from the glossary core's entries.
 */
export function glossaryHelpers(entries: readonly GlossaryEntry[]): { lookup: GlossaryLookup; areAliases: AreAliases } {
	const byKey = new Map<string, GlossaryEntry>();
	for (const entry of entries) {
		for (const name of [entry.term, ...entry.aliases]) {
			const key = termKey(name);
			if (key && !byKey.has(key)) {
				byKey.set(key, entry);
			}
		}
	}
	return {
		lookup: (text) => {
			const entry = byKey.get(termKey(text));
			return entry ? { term: entry.term, definition: entry.definition, source: entry.note } : undefined;
		},
		areAliases: (a, b) => {
			const x = byKey.get(termKey(a));
			return x !== undefined && x === byKey.get(termKey(b));
		},
	};
}
