import type { Logger } from '../logger';
import type { Yield } from './headings';
import { emptyNote, noteFromBytes, noteFromText, type Note } from './note';

/** What the index learns from listing a source: the note keys and, optionally, why the list is partial. */
export interface NotesListing {
	readonly keys: readonly string[];
	/** Messages for the user about the listing itself (a folder that does not exist, a capped glob). */
	readonly messages?: readonly string[];
}

/** The seam between the index and the host: the extension lists and reads through `vscode.workspace.fs`. */
export interface NotesSource {
	list(): Promise<NotesListing>;
	read(key: string): Promise<Uint8Array>;
	/** True when a failed read means the file is gone (then the note is dropped rather than shown as unreadable). */
	isNotFound?(error: unknown): boolean;
}

export interface NotesIndexOptions {
	readonly yieldFn?: Yield;
	/** Files read at once during a full load. */
	readonly concurrency?: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The parsed notes of one source. A full `reload()` lists and reads everything; after that, a created,
 * changed or deleted file costs one read of that file (`update`, `remove`), and an edit in an open editor
 * costs no read at all (`updateText`).
 */
export class NotesIndex {
	private _notes = new Map<string, Note>();
	private _sorted: Note[] | undefined;
	private _messages: readonly string[] = [];
	/** Bumped on every change of a key, so a slow read that finishes after a newer one is dropped. */
	private readonly _versions = new Map<string, number>();
	private readonly _listeners = new Set<() => void>();
	private _loaded = false;

	constructor(
		private readonly _source: NotesSource,
		private readonly _log: Logger,
		private readonly _options: NotesIndexOptions = {},
	) {}

	get loaded(): boolean {
		return this._loaded;
	}

	/** The notes, ordered by path with numbers compared as numbers (`2-x` before `10-x`). */
	get notes(): readonly Note[] {
		this._sorted ??= [...this._notes.values()].sort((a, b) => collator.compare(a.key, b.key));
		return this._sorted;
	}

	get messages(): readonly string[] {
		return this._messages;
	}

	get(key: string): Note | undefined {
		return this._notes.get(key);
	}

	has(key: string): boolean {
		return this._notes.has(key);
	}

	onDidChange(listener: () => void): { dispose(): void } {
		this._listeners.add(listener);
		return { dispose: () => this._listeners.delete(listener) };
	}

	async reload(): Promise<void> {
		let listing: NotesListing;
		try {
			listing = await this._source.list();
		} catch (error) {
			this._log.error(`Notes: listing failed: ${String(error)}`);
			listing = { keys: [], messages: [String(error)] };
		}
		const started = new Map(listing.keys.map((key) => [key, this._bump(key)]));
		const next = new Map<string, Note>();
		let cursor = 0;
		const worker = async (): Promise<void> => {
			while (cursor < listing.keys.length) {
				const key = listing.keys[cursor++];
				const note = await this._read(key, () => false);
				if (note) {
					next.set(key, note);
				}
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, this._options.concurrency ?? 8) }, worker));
		// A single-file update that finished while the full load ran is newer than what the load read.
		for (const [key, version] of started) {
			if (this._versions.get(key) !== version) {
				const current = this._notes.get(key);
				if (current) {
					next.set(key, current);
				} else {
					next.delete(key);
				}
			}
		}
		this._notes = next;
		this._messages = listing.messages ?? [];
		this._loaded = true;
		this._changed();
	}

	/** Re-reads one file: for a created or changed file. */
	async update(key: string): Promise<void> {
		const version = this._bump(key);
		const note = await this._read(key, () => this._versions.get(key) !== version);
		if (this._versions.get(key) !== version) {
			return;
		}
		if (note) {
			this._notes.set(key, note);
		} else {
			this._notes.delete(key);
		}
		this._changed();
	}

	/** Re-parses one note from text the host already has (an editor with unsaved edits). */
	async updateText(key: string, text: string): Promise<void> {
		const version = this._bump(key);
		const note = await noteFromText(key, text, { yieldFn: this._options.yieldFn, isCancelled: () => this._versions.get(key) !== version });
		if (!note || this._versions.get(key) !== version) {
			return;
		}
		this._notes.set(key, note);
		this._changed();
	}

	remove(key: string): void {
		this._bump(key);
		if (this._notes.delete(key)) {
			this._changed();
		}
	}

	private _bump(key: string): number {
		const version = (this._versions.get(key) ?? 0) + 1;
		this._versions.set(key, version);
		return version;
	}

	/** Reads and parses one file. Undefined: the file is gone, or a newer read superseded this one. */
	private async _read(key: string, isCancelled: () => boolean): Promise<Note | undefined> {
		let bytes: Uint8Array;
		try {
			bytes = await this._source.read(key);
		} catch (error) {
			if (this._source.isNotFound?.(error)) {
				return undefined;
			}
			this._log.warn(`Notes: cannot read ${key}: ${String(error)}`);
			return emptyNote(key, { kind: 'unreadable', message: error instanceof Error ? error.message : String(error) });
		}
		try {
			return await noteFromBytes(key, bytes, { yieldFn: this._options.yieldFn, isCancelled });
		} catch (error) {
			// A parser bug must not take the whole tree down: log it with the file, show the note plainly.
			this._log.error(`Notes: parsing ${key} failed: ${String(error)}`);
			return emptyNote(key, { kind: 'unreadable', message: String(error) });
		}
	}

	private _changed(): void {
		this._sorted = undefined;
		for (const listener of [...this._listeners]) {
			listener();
		}
	}
}
