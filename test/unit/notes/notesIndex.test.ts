import * as assert from 'assert';
import { MemoryLogger } from '../../../src/core/logger';
import { NotesIndex, type NotesListing, type NotesSource } from '../../../src/core/notes/notesIndex';

class NotFound extends Error {}

/** An in-memory folder of notes that counts every read, to prove an update reads one file only. */
class MemorySource implements NotesSource {
	readonly files = new Map<string, Uint8Array | Error>();
	readonly reads: string[] = [];
	messages: string[] = [];

	set(key: string, text: string): void {
		this.files.set(key, new TextEncoder().encode(text));
	}

	async list(): Promise<NotesListing> {
		return { keys: [...this.files.keys()], messages: this.messages };
	}

	async read(key: string): Promise<Uint8Array> {
		this.reads.push(key);
		const content = this.files.get(key);
		if (content === undefined) {
			throw new NotFound(key);
		}
		if (content instanceof Error) {
			throw content;
		}
		return content;
	}

	isNotFound(error: unknown): boolean {
		return error instanceof NotFound;
	}
}

function titles(index: NotesIndex): string[] {
	return index.notes.map((note) => note.title);
}

describe('notes: index', () => {
	let source: MemorySource;
	let index: NotesIndex;
	let changes: number;
	let log: MemoryLogger;

	beforeEach(async () => {
		source = new MemorySource();
		source.set('mem:/10-ten.md', '# Ten\n## a');
		source.set('mem:/2-two.md', '# Two\n## b');
		source.set('mem:/1-one.md', '# One');
		log = new MemoryLogger();
		index = new NotesIndex(source, log);
		changes = 0;
		index.onDidChange(() => changes++);
		await index.reload();
	});

	it('loads every note, ordered by path with numbers compared as numbers', () => {
		assert.deepStrictEqual([titles(index), source.reads.length, changes], [['One', 'Two', 'Ten'], 3, 1]);
	});

	it('re-reads only the changed file', async () => {
		source.reads.length = 0;
		source.set('mem:/2-two.md', '# Two, renamed\n## b\n## c');
		await index.update('mem:/2-two.md');
		assert.deepStrictEqual([source.reads, titles(index), index.get('mem:/2-two.md')?.headings.length, changes], [['mem:/2-two.md'], ['One', 'Two, renamed', 'Ten'], 3, 2]);
	});

	it('adds a created file with one read', async () => {
		source.reads.length = 0;
		source.set('mem:/3-three.md', '# Three');
		await index.update('mem:/3-three.md');
		assert.deepStrictEqual([source.reads, titles(index)], [['mem:/3-three.md'], ['One', 'Two', 'Three', 'Ten']]);
	});

	it('drops a deleted file without reading anything', () => {
		source.reads.length = 0;
		index.remove('mem:/1-one.md');
		assert.deepStrictEqual([source.reads, titles(index), changes], [[], ['Two', 'Ten'], 2]);
	});

	it('drops a file that vanished between the event and the read', async () => {
		source.files.delete('mem:/1-one.md');
		await index.update('mem:/1-one.md');
		assert.deepStrictEqual(titles(index), ['Two', 'Ten']);
	});

	it('parses unsaved editor text without reading the file', async () => {
		source.reads.length = 0;
		await index.updateText('mem:/1-one.md', '# One (edited)\n## new section');
		assert.deepStrictEqual([source.reads, index.get('mem:/1-one.md')?.headings.map((h) => h.text)], [[], ['One (edited)', 'new section']]);
	});

	it('keeps the newest version when two updates of one file overlap', async () => {
		const slow = index.updateText('mem:/1-one.md', '# Slow\n\npara\n\n'.repeat(50_000));
		await index.updateText('mem:/1-one.md', '# Fast');
		await slow;
		assert.strictEqual(index.get('mem:/1-one.md')?.title, 'Fast');
	});

	it('shows an unreadable file as a note with a problem and logs it, without throwing', async () => {
		source.files.set('mem:/4-locked.md', new Error('EACCES: permission denied'));
		await index.update('mem:/4-locked.md');
		assert.deepStrictEqual(index.get('mem:/4-locked.md')?.problem, { kind: 'unreadable', message: 'EACCES: permission denied' });
		assert.ok(log.lines.some((line) => line.includes('4-locked.md')));
	});

	it('shows a binary file as a note with a problem', async () => {
		source.files.set('mem:/5-binary.md', new Uint8Array([1, 2, 0, 3]));
		await index.update('mem:/5-binary.md');
		assert.deepStrictEqual([index.get('mem:/5-binary.md')?.title, index.get('mem:/5-binary.md')?.problem], ['5-binary', { kind: 'binary' }]);
	});

	it('passes listing messages through (a missing folder, a capped glob)', async () => {
		source.messages = ['The folder "missing" does not exist.'];
		await index.reload();
		assert.deepStrictEqual(index.messages, ['The folder "missing" does not exist.']);
	});
});
