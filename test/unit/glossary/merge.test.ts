import * as assert from 'assert';
import { GlossaryMatcher } from '../../../src/core/glossary/matcher';
import { mergeGlossaries } from '../../../src/core/glossary/merge';
import type { GlossaryEntry } from '../../../src/core/glossary/types';

function entry(term: string, source: string, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition: `${term} from ${source}`, source, line: 0 };
}

describe('Glossary merge', () => {
	it('lets user entries win over bundled ones and keeps the bundled aliases', () => {
		const bundled = [entry('Large language model', 'bundled', ['LLM']), entry('Token', 'bundled'), entry('Self-supervision', 'bundled')];
		const user = [entry('large language model', 'user.md'), entry('Self supervision', 'user.md')];
		const notes = [entry('Token', 'note.md')];
		const merged = mergeGlossaries([notes, user, bundled]);
		assert.deepStrictEqual(merged.entries.map((e) => [e.term, e.source, e.aliases]), [
			['Token', 'note.md', []],
			['large language model', 'user.md', ['LLM']],
			['Self supervision', 'user.md', []],
		]);
		assert.deepStrictEqual(merged.overridden.map((o) => `${o.hidden.source} < ${o.by.source}`), [
			'bundled < user.md',
			'bundled < note.md',
			'bundled < user.md',
		]);
		const matcher = new GlossaryMatcher(merged.entries);
		assert.strictEqual(matcher.matchAll('LLMs')[0]?.entry.definition, 'large language model from user.md');
		assert.strictEqual(matcher.matchAll('self-supervision')[0]?.entry.source, 'user.md');
	});

	it('handles empty layers and duplicates within a layer', () => {
		assert.deepStrictEqual(mergeGlossaries([[], []]).entries, []);
		const merged = mergeGlossaries([[entry('A', 'x'), entry('a', 'x')]]);
		assert.deepStrictEqual(merged.entries.map((e) => e.term), ['A']);
	});
});
