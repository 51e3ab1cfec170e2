// The token counting worker (bundled to dist/countWorker.js). Rank data, chunk caches and every count live
// here, so a 20 MB document never blocks the extension host; requests are answered in the order they came.
import { parentPort } from 'node:worker_threads';
import { loadBpeCounter, type BpeCounter, type EncodingName } from '../../core/tokens';
import { CountEngine } from '../../core/tokens/countEngine';
import type { WorkerRequest, WorkerResponse } from '../../core/tokens/workerProtocol';

/** Idle work slice: short, so a request that arrives meanwhile waits at most this long. */
const IDLE_SLICE_MS = 8;

const port = parentPort;
if (port) {
	const loaded = new Set<BpeCounter>();
	const load = async (encoding: EncodingName): Promise<BpeCounter> => {
		const counter = await loadBpeCounter(encoding);
		loaded.add(counter);
		return counter;
	};
	const engine = new CountEngine(load);
	let pending = 0;
	let idleTimer: ReturnType<typeof setTimeout> | undefined;
	// While no request waits, complete each loaded encoding's merge table in small slices: counting fresh
	// text is faster with it, and no request ever waits for it.
	const idle = (): void => {
		idleTimer = undefined;
		if (pending > 0) {
			return;
		}
		for (const counter of loaded) {
			if (!counter.table.buildMergeTable(IDLE_SLICE_MS)) {
				idleTimer = setTimeout(idle, 0);
				return;
			}
		}
	};
	// One request at a time: an edit must be applied before the count sent after it.
	let queue: Promise<void> = Promise.resolve();
	port.on('message', (request: WorkerRequest) => {
		pending++;
		queue = queue.then(async () => {
			let response: WorkerResponse | undefined;
			try {
				response = await engine.handle(request);
			} catch (error) {
				const id = 'id' in request ? request.id : -1;
				response = { type: 'failed', id, reason: 'error', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
			}
			if (response) {
				port.postMessage(response);
			}
			pending--;
			if (pending === 0 && idleTimer === undefined) {
				idleTimer = setTimeout(idle, 0);
			}
		});
	});
}
