import type { GlossaryEntry } from './types';
import { FenceTracker } from './fences';

/**
 * Definitions written inside a user's own notes, one per line:
 *
 *     **Beam search**: keeps the k most likely partial outputs at each step.
 *     - **Beam search:** the same, in a list item.
 *
 * Only a line that starts with the bold term (optionally after a list marker) counts, so bold text in
 * the middle of a sentence is never taken for a definition. Lines inside fenced code are skipped.
 */
export function parseNoteDefinitions(text: string, source: string): GlossaryEntry[] {
	const entries: GlossaryEntry[] = [];
	const seen = new Set<string>();
	const lines = text.split(/\r\n|\r|\n/);
	const fences = new FenceTracker();
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (fences.step(line)) {
			continue;
		}
		if (line.length > 4000 || line.indexOf('**') < 0) {
			continue;
		}
		const match = DEFINITION.exec(line);
		if (!match) {
			continue;
		}
		const term = (match[1] ?? match[3] ?? '').replace(/\s+/g, ' ').trim();
		const definition = (match[2] ?? match[4] ?? '').trim();
		const key = term.toLowerCase();
		if (!term || !definition || seen.has(key)) {
			continue;
		}
		seen.add(key);
		entries.push({ term, aliases: [], definition, source, line: i });
	}
	return entries;
}

// `**Term**: definition` or `**Term:** definition`, optionally after a list marker. The term cannot contain
// `*`, and is at most 100 characters so a bold sentence is not mistaken for a term.
const DEFINITION = /^\s{0,3}(?:[-*+]\s+)?(?:\*\*([^*\n]{1,100}?)\*\*\s*:\s*(\S.*)|\*\*([^*\n]{1,100}?)\s*:\s*\*\*\s*(\S.*))$/;
