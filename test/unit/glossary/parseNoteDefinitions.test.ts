import * as assert from 'assert';
import { parseNoteDefinitions } from '../../../src/core/glossary/parseNoteDefinitions';

describe('Glossary note definitions', () => {
	it('reads `**Term**: definition` lines, in lists too, and nothing else', () => {
		const text = [
			'# My notes',
			'**Beam search**: keeps the k best partial outputs.',
			'- **Greedy decoding:** always takes the most likely token.',
			'Some **bold**: text in a sentence is not a definition.',
			'**Empty**:',
			'```',
			'**In code**: not a definition',
			'```',
			'  * **Beam search**: a duplicate in the same note is ignored.',
		].join('\n');
		assert.deepStrictEqual(parseNoteDefinitions(text, 'notes/mine.md'), [
			{ term: 'Beam search', aliases: [], definition: 'keeps the k best partial outputs.', source: 'notes/mine.md', line: 1 },
			{ term: 'Greedy decoding', aliases: [], definition: 'always takes the most likely token.', source: 'notes/mine.md', line: 2 },
		]);
	});
});
