import { ChunkedDocument } from './chunkedDocument';
import type { BpeCounter } from './counter';
import type { EncodingName } from './encodings';
import { tokenSegments } from './segments';
import { countWords } from './textStats';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

interface OpenDocument {
	version: number;
	chunked: ChunkedDocument;
}

/**
 * What the counting worker does, without the worker: it keeps a chunked copy of each open document and
 * answers count requests. Plain code, so unit tests drive it directly; the worker only wires messages.
 */
export class CountEngine {
	private readonly _documents = new Map<string, OpenDocument>();

	constructor(private readonly _load: (encoding: EncodingName) => Promise<BpeCounter>) {}

	/** Handles one request; returns the response to send, if any. */
	async handle(request: WorkerRequest): Promise<WorkerResponse | undefined> {
		switch (request.type) {
			case 'open': {
				const counter = await this._load(request.encoding);
				this._documents.set(request.doc, { version: request.version, chunked: new ChunkedDocument(counter, request.text) });
				return undefined;
			}
			case 'edit': {
				const document = this._documents.get(request.doc);
				if (document) {
					for (const edit of request.edits) {
						document.chunked.applyEdit(edit.offset, edit.deleteCount, edit.text);
					}
					document.version = request.version;
				}
				return undefined;
			}
			case 'close':
				this._documents.delete(request.doc);
				return undefined;
			case 'countDocument': {
				const started = performanceNow();
				const document = this._documents.get(request.doc);
				if (!document || document.version !== request.version) {
					return { type: 'failed', id: request.id, reason: 'stale', message: `no copy of ${request.doc} at version ${request.version}` };
				}
				if (document.chunked.encoding !== request.encoding) {
					// Cut rules differ per encoding: re-chunk the text under the new one.
					document.chunked = new ChunkedDocument(await this._load(request.encoding), document.chunked.text());
				}
				const chunked = document.chunked;
				let tokens = 0;
				let words = 0;
				let characters = 0;
				const ranges = request.ranges.length > 0 ? request.ranges : [[0, chunked.length] as const];
				for (const [start, end] of ranges) {
					const count = chunked.countRange(Math.max(0, start), Math.min(chunked.length, end));
					tokens += count.tokens;
					words += count.words;
					characters += Math.max(0, Math.min(chunked.length, end) - Math.max(0, start));
				}
				return { type: 'counted', id: request.id, encoding: request.encoding, counts: { tokens, words, characters }, elapsedMs: performanceNow() - started };
			}
			case 'countText': {
				const started = performanceNow();
				const counter = await this._load(request.encoding);
				const counts = { tokens: counter.count(request.text), words: countWords(request.text, 0, request.text.length), characters: request.text.length };
				return { type: 'counted', id: request.id, encoding: request.encoding, counts, elapsedMs: performanceNow() - started };
			}
			case 'details': {
				const counter = await this._load(request.encoding);
				const segments = tokenSegments(counter, request.text, request.segmentLimit);
				const counts: { encoding: EncodingName; tokens: number }[] = [];
				for (const encoding of request.encodings) {
					counts.push({ encoding, tokens: (await this._load(encoding)).count(request.text) });
				}
				const shown = segments.reduce((n, s) => n + s.text.length, 0);
				return {
					type: 'details', id: request.id, encoding: request.encoding, counts, characters: request.text.length,
					words: countWords(request.text, 0, request.text.length),
					segments: segments.map((s) => [s.text, s.tokens] as const), truncated: shown < request.text.length,
				};
			}
		}
	}
}

function performanceNow(): number {
	return globalThis.performance ? globalThis.performance.now() : Date.now();
}
