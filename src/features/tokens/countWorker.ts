// The token counting worker (bundled to dist/countWorker.js). Rank data, chunk caches and every count live
// here, so a 20 MB document never blocks the extension host; requests are answered in the order they came.
import { parentPort } from 'node:worker_threads';
import { loadBpeCounter } from '../../core/tokens';
import { CountEngine } from '../../core/tokens/countEngine';
import type { WorkerRequest, WorkerResponse } from '../../core/tokens/workerProtocol';

const port = parentPort;
if (port) {
	const engine = new CountEngine(loadBpeCounter);
	// One request at a time: an edit must be applied before the count sent after it.
	let queue: Promise<void> = Promise.resolve();
	port.on('message', (request: WorkerRequest) => {
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
		});
	});
}
