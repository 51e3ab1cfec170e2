import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { EncodingName } from '../../core/tokens/encodings';
import type { Counts, WorkerRequest, WorkerResponse } from '../../core/tokens/workerProtocol';

type DetailsResponse = Extract<WorkerResponse, { type: 'details' }>;

/** Documents kept in the worker at once; the least recently counted one is dropped first. */
const MAX_TRACKED = 8;

interface Pending {
	resolve(response: WorkerResponse): void;
	reject(error: Error): void;
}

/**
 * The extension host's side of the counting worker. Keeps the worker's copies of documents in step by
 * sending each change (only the changed text), and turns requests into promises. A document is copied
 * to the worker once, when it is first counted.
 */
export class CountClient implements vscode.Disposable {
	private _worker: Worker | undefined;
	private _nextId = 1;
	private readonly _pending = new Map<number, Pending>();
	/** Documents the worker has, by URI, with the version it has. */
	private readonly _tracked = new Map<string, number>();
	private readonly _subscriptions: vscode.Disposable[] = [];
	private _failures = 0;

	constructor(private readonly _workerPath: string, private readonly _log: vscode.LogOutputChannel) {
		this._subscriptions.push(
			vscode.workspace.onDidChangeTextDocument((e) => this._onDidChange(e)),
			vscode.workspace.onDidCloseTextDocument((d) => this._forget(d.uri.toString())),
		);
	}

	dispose(): void {
		for (const d of this._subscriptions) {
			d.dispose();
		}
		this._rejectAll(new Error('disposed'));
		void this._worker?.terminate();
		this._worker = undefined;
	}

	/** Tokens, characters and words of `ranges` (offsets) of `document`, or of all of it. */
	async countDocument(document: vscode.TextDocument, encoding: EncodingName, ranges: readonly (readonly [number, number])[]): Promise<Counts | undefined> {
		for (let attempt = 0; attempt < 2; attempt++) {
			const key = document.uri.toString();
			const version = document.version;
			if (this._tracked.get(key) !== version) {
				this._open(document, encoding);
			} else {
				// Most recently used last.
				this._tracked.delete(key);
				this._tracked.set(key, version);
			}
			const response = await this._request((id) => ({ type: 'countDocument', id, doc: key, version, encoding, ranges }));
			if (response.type === 'counted') {
				return response.counts;
			}
			if (response.type === 'failed' && response.reason === 'stale') {
				// The document changed while we asked, or the worker restarted: resend and retry once.
				this._tracked.delete(key);
				if (document.version !== version || document.isClosed) {
					return undefined;
				}
				continue;
			}
			throw new Error(response.type === 'failed' ? response.message : `unexpected ${response.type}`);
		}
		return undefined;
	}

	async countText(text: string, encoding: EncodingName): Promise<Counts> {
		const response = await this._request((id) => ({ type: 'countText', id, encoding, text }));
		if (response.type !== 'counted') {
			throw new Error(response.type === 'failed' ? response.message : `unexpected ${response.type}`);
		}
		return response.counts;
	}

	async details(text: string, encoding: EncodingName, encodings: readonly EncodingName[], segmentLimit: number): Promise<DetailsResponse> {
		const response = await this._request((id) => ({ type: 'details', id, encoding, encodings, text, segmentLimit }));
		if (response.type !== 'details') {
			throw new Error(response.type === 'failed' ? response.message : `unexpected ${response.type}`);
		}
		return response;
	}

	private _open(document: vscode.TextDocument, encoding: EncodingName): void {
		const key = document.uri.toString();
		this._tracked.delete(key);
		while (this._tracked.size >= MAX_TRACKED) {
			const oldest = this._tracked.keys().next().value;
			if (oldest === undefined) {
				break;
			}
			this._forget(oldest);
		}
		this._post({ type: 'open', doc: key, version: document.version, encoding, text: document.getText() });
		this._tracked.set(key, document.version);
	}

	private _forget(key: string): void {
		if (this._tracked.delete(key)) {
			this._post({ type: 'close', doc: key });
		}
	}

	private _onDidChange(event: vscode.TextDocumentChangeEvent): void {
		const key = event.document.uri.toString();
		const known = this._tracked.get(key);
		if (known === undefined || event.contentChanges.length === 0) {
			return;
		}
		// Offsets refer to the document before the event; applied from the last to the first they stay valid.
		const edits = [...event.contentChanges]
			.sort((a, b) => b.rangeOffset - a.rangeOffset)
			.map((c) => ({ offset: c.rangeOffset, deleteCount: c.rangeLength, text: c.text }));
		this._post({ type: 'edit', doc: key, version: event.document.version, edits });
		this._tracked.set(key, event.document.version);
	}

	private _request(make: (id: number) => WorkerRequest): Promise<WorkerResponse> {
		const id = this._nextId++;
		return new Promise<WorkerResponse>((resolve, reject) => {
			this._pending.set(id, { resolve, reject });
			this._post(make(id));
		});
	}

	private _post(request: WorkerRequest): void {
		this._ensureWorker().postMessage(request);
	}

	private _ensureWorker(): Worker {
		if (this._worker) {
			return this._worker;
		}
		const worker = new Worker(this._workerPath);
		worker.on('message', (response: WorkerResponse) => {
			if (response.type === 'failed' && response.id < 0) {
				this._log.error(`Token worker: ${response.message}`);
				return;
			}
			const pending = this._pending.get(response.id);
			if (pending) {
				this._pending.delete(response.id);
				pending.resolve(response);
			}
		});
		worker.on('error', (error) => {
			this._log.error(`Token worker failed: ${error.stack ?? error.message}`);
		});
		worker.on('exit', (code) => {
			if (this._worker !== worker) {
				return;
			}
			// A crashed worker takes its document copies with it; the next request starts a fresh one.
			this._worker = undefined;
			this._tracked.clear();
			this._failures++;
			this._log.warn(`Token worker exited with code ${code}; restarting on the next count.`);
			this._rejectAll(new Error(`token worker exited with code ${code}`));
		});
		// The worker must not keep the extension host alive on shutdown.
		worker.unref();
		this._worker = worker;
		return worker;
	}

	get failures(): number {
		return this._failures;
	}

	private _rejectAll(error: Error): void {
		for (const pending of this._pending.values()) {
			pending.reject(error);
		}
		this._pending.clear();
	}
}
