import * as assert from 'assert';
import { decodeNote, MAX_NOTE_BYTES } from '../../../src/core/notes/decode';
import { noteFromBytes, noteFromText, type Note } from '../../../src/core/notes/note';
import { buildOutline, headingAtLine, type OutlineNode } from '../../../src/core/notes/outline';
import { extractHeadings } from '../../../src/core/notes/headings';
import { filterNote } from '../../../src/core/notes/filter';

/** The outline as nested [text, children] pairs. */
function tree(nodes: readonly OutlineNode[]): unknown[] {
	return nodes.map((node) => (node.children.length > 0 ? [node.heading.text, tree(node.children)] : node.heading.text));
}

async function note(text: string, key = 'file:///notes/a-note.md'): Promise<Note> {
	const result = await noteFromText(key, text);
	assert.ok(result);
	return result;
}

describe('notes: outline and title', () => {
	it('nests H2 under H1 and H3 under H2; a deep jump (H1 then H4) goes directly under the H1', () => {
		const headings = extractHeadings('# A\n## B\n### C\n## D\n#### E\n# F\n#### G\n## H');
		assert.deepStrictEqual(tree(buildOutline(headings)), [['A', [['B', ['C']], ['D', ['E']]]], ['F', ['G', 'H']]]);
	});

	it('keeps headings that come before the first H1 at the top', () => {
		assert.deepStrictEqual(tree(buildOutline(extractHeadings('### early\n# Title\n## Section'))), ['early', ['Title', ['Section']]]);
	});

	it('uses the first H1 as the title and lifts its sections to the note level', async () => {
		const n = await note('Intro text\n\n# The Transformer\n\n## Seq2seq\n### RNNs\n## Attention');
		assert.deepStrictEqual([n.title, n.titleLine, tree(n.outline)], ['The Transformer', 2, [['Seq2seq', ['RNNs']], 'Attention']]);
		assert.deepStrictEqual(n.parents, [-1, -1, 1, -1]);
	});

	it('keeps every H1 when a note has several', async () => {
		const n = await note('# One\n## a\n# Two\n## b');
		assert.deepStrictEqual([n.title, tree(n.outline)], ['One', [['One', ['a']], ['Two', ['b']]]]);
	});

	it('falls back to the file name when there is no H1', async () => {
		const n = await note('## Only a section\n', 'file:///w/notes/my%20study%20notes.md');
		assert.deepStrictEqual([n.title, n.fileName, n.problem], ['my study notes', 'my study notes.md', undefined]);
	});

	it('reports empty notes and notes without headings', async () => {
		assert.deepStrictEqual((await note('  \n\n')).problem, { kind: 'empty' });
		assert.deepStrictEqual((await note('just text')).problem, { kind: 'noHeadings' });
	});

	it('finds the heading whose section holds a line', () => {
		const headings = extractHeadings('# A\ntext\n## B\n\ntext\n## C');
		assert.deepStrictEqual([0, 1, 2, 4, 5, 99].map((line) => headingAtLine(headings, line)), [0, 0, 1, 1, 2, 2]);
		assert.strictEqual(headingAtLine(extractHeadings('text\n# A'), 0), -1);
	});
});

describe('notes: decoding files', () => {
	const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

	it('decodes UTF-8 and drops a byte order mark so line numbers match the editor', () => {
		assert.deepStrictEqual(decodeNote(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('# Café')])), { kind: 'text', text: '# Café' });
	});

	it('recognises binary, UTF-16 and invalid UTF-8 files without throwing', async () => {
		assert.deepStrictEqual(decodeNote(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), { kind: 'binary' });
		assert.deepStrictEqual(decodeNote(new Uint8Array([0xff, 0xfe, 0x23, 0x00])), { kind: 'notUtf8', encoding: 'UTF-16' });
		assert.deepStrictEqual(decodeNote(new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9])), { kind: 'notUtf8' });
		const latin1 = await noteFromBytes('file:///n/latin1.md', new Uint8Array([0x23, 0x20, 0xe9]));
		assert.deepStrictEqual([latin1?.title, latin1?.problem], ['latin1', { kind: 'notUtf8', encoding: undefined }]);
	});

	it('refuses files over the size limit before decoding them', () => {
		assert.deepStrictEqual(decodeNote(new Uint8Array(MAX_NOTE_BYTES + 1)), { kind: 'tooLarge', size: MAX_NOTE_BYTES + 1 });
	});
});

describe('notes: filter', () => {
	it('keeps a note whose title matches, whole', async () => {
		assert.deepStrictEqual(filterNote(await note('# Attention\n## Keys'), 'atten'), { kind: 'all' });
	});

	it('keeps matching headings with their ancestors, and hides notes with no match', async () => {
		const n = await note('# T\n## Tokens\n### Vocabulary size\n## Sampling\n### Top-p');
		assert.deepStrictEqual(filterNote(n, 'VOCAB'), { kind: 'some', headings: new Set([2, 1]) });
		assert.strictEqual(filterNote(n, 'nothing like this'), undefined);
	});
});
