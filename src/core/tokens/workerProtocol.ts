import type { EncodingName } from './encodings';

/**
 * Messages between the extension host and the counting worker. Documents are identified by a key the
 * host chooses (its URI); `version` is the VS Code document version the worker's copy corresponds to.
 * Messages are handled in the order they were sent, so an edit sent before a count is applied first.
 */
export interface TextEdit {
	readonly offset: number;
	readonly deleteCount: number;
	readonly text: string;
}

export type WorkerRequest =
	| { readonly type: 'open'; readonly doc: string; readonly version: number; readonly encoding: EncodingName; readonly text: string }
	| { readonly type: 'edit'; readonly doc: string; readonly version: number; readonly edits: readonly TextEdit[] }
	| { readonly type: 'close'; readonly doc: string }
	/** Counts the union of `ranges` of a document (each as a text of its own, summed); none: the whole document. */
	| { readonly type: 'countDocument'; readonly id: number; readonly doc: string; readonly version: number; readonly encoding: EncodingName; readonly ranges: readonly (readonly [number, number])[] }
	| { readonly type: 'countText'; readonly id: number; readonly encoding: EncodingName; readonly text: string }
	| { readonly type: 'details'; readonly id: number; readonly encoding: EncodingName; readonly encodings: readonly EncodingName[]; readonly text: string; readonly segmentLimit: number };

export interface Counts {
	readonly tokens: number;
	readonly characters: number;
	readonly words: number;
}

export type WorkerResponse =
	| { readonly type: 'counted'; readonly id: number; readonly encoding: EncodingName; readonly counts: Counts; readonly elapsedMs: number }
	| { readonly type: 'details'; readonly id: number; readonly encoding: EncodingName; readonly counts: readonly { readonly encoding: EncodingName; readonly tokens: number }[]; readonly characters: number; readonly words: number; readonly segments: readonly (readonly [string, readonly number[]])[]; readonly truncated: boolean }
	/** `stale`: the worker's copy of the document is not at the requested version (the host resends it). */
	| { readonly type: 'failed'; readonly id: number; readonly reason: 'stale' | 'error'; readonly message: string };
