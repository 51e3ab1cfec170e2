import * as http from 'http';
import type { AddressInfo } from 'net';

/**
 * A fake OpenAI-compatible server: a real HTTP server on 127.0.0.1 that speaks the chat completions
 * protocol (streamed as server-sent events, and not), so tests drive the real `openai` client through
 * real sockets. The model name picks a scenario:
 *
 *   any listed model           a well-formed answer (the `answer` option), streamed in small chunks
 *   a model not listed         404 model_not_found
 *   scenario:429 / 429-once    rate limited every time / only the first time
 *   scenario:500 / 500-once    server error every time / only the first time
 *   scenario:hang              accepts the request and never answers
 *   scenario:stall             sends part of the answer, then goes silent
 *   scenario:break             sends part of the answer, then destroys the connection
 *   scenario:malformed         a chunk that is not JSON in the middle of the stream
 *   scenario:odd-chunks        chunks without `choices` between good ones
 *   scenario:empty             a stream that finishes without any text
 *   scenario:slow              the answer, one chunk every `slowDelayMs` (for cancellation)
 *
 * With `apiKey` set, any request without `Authorization: Bearer <apiKey>` gets 401. `POST /__control` with
 * a JSON body changes the options of a running server (used from integration tests in another process).
 * Every request is recorded with its headers and parsed body, and whether the client closed it early.
 */

export interface FakeServerOptions {
	models?: string[];
	apiKey?: string;
	answer?: string;
	verdictAnswer?: string;
	chunkSize?: number;
	slowDelayMs?: number;
	/** The `retry-after-ms` header of 429 and 500 answers. */
	retryAfterMs?: number;
}

export interface RecordedRequest {
	readonly method: string;
	readonly path: string;
	readonly headers: http.IncomingHttpHeaders;
	readonly body: unknown;
	/** `performance.now()` when the request's headers arrived (its first byte, for timing benches). */
	readonly arrivedAt: number;
	/** True when the client closed the connection before the response ended. */
	closedEarly: boolean;
	/** True once the response or the connection is finished either way. */
	done: boolean;
}

export const DEFAULT_ANSWER = [
	'FILL: color',
	'ALTERNATIVE: food',
	'ALTERNATIVE: song',
	'EXPLANATION: "My favorite" asks for a category of things one can like, and "is blue" says the thing has a colour, so the blank names a colour category.',
].join('\n');

export const DEFAULT_VERDICT = 'VERDICT: same\nWHY: The fill is exactly the original word.';

interface ChatBody {
	model?: unknown;
	stream?: unknown;
	messages?: unknown;
}

export class FakeOpenAIServer {
	readonly requests: RecordedRequest[] = [];
	private _options: Required<Omit<FakeServerOptions, 'apiKey'>> & { apiKey?: string };
	private readonly _attempts = new Map<string, number>();
	private readonly _sockets = new Set<import('net').Socket>();
	private readonly _waiters: (() => void)[] = [];

	private constructor(private readonly _server: http.Server, options: FakeServerOptions) {
		this._options = {
			models: options.models ?? ['fake-model', 'fake-small'],
			apiKey: options.apiKey,
			answer: options.answer ?? DEFAULT_ANSWER,
			verdictAnswer: options.verdictAnswer ?? DEFAULT_VERDICT,
			chunkSize: options.chunkSize ?? 8,
			slowDelayMs: options.slowDelayMs ?? 150,
			retryAfterMs: options.retryAfterMs ?? 20,
		};
	}

	/** `host` is 127.0.0.1 unless a test needs a server that does not count as local (another interface). */
	static async start(options: FakeServerOptions = {}, port = 0, host = '127.0.0.1'): Promise<FakeOpenAIServer> {
		const holder: { instance?: FakeOpenAIServer } = {};
		const server = http.createServer((req, res) => {
			holder.instance?._handle(req, res);
		});
		const created = new FakeOpenAIServer(server, options);
		holder.instance = created;
		server.on('connection', (socket) => {
			created._sockets.add(socket);
			socket.on('close', () => created._sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => resolve());
		});
		return created;
	}

	get port(): number {
		return (this._server.address() as AddressInfo).port;
	}

	get baseUrl(): string {
		const address = (this._server.address() as AddressInfo).address;
		return `http://${address.includes(':') ? `[${address}]` : address}:${this.port}/v1`;
	}

	configure(options: FakeServerOptions): void {
		this._options = { ...this._options, ...options };
	}

	/** Chat completion requests only (not model listings or control calls). */
	get chatRequests(): RecordedRequest[] {
		return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
	}

	/** Resolves when `predicate` holds, checked after every request event; rejects after `timeoutMs`. */
	async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
		const started = Date.now();
		while (!predicate()) {
			if (Date.now() - started > timeoutMs) {
				throw new Error('fake server: timed out waiting for a condition');
			}
			await new Promise<void>((resolve) => {
				this._waiters.push(resolve);
				setTimeout(resolve, 50);
			});
		}
	}

	async close(): Promise<void> {
		for (const socket of this._sockets) {
			socket.destroy();
		}
		await new Promise<void>((resolve) => this._server.close(() => resolve()));
	}

	private _notify(): void {
		for (const waiter of this._waiters.splice(0)) {
			waiter();
		}
	}

	private _handle(req: http.IncomingMessage, res: http.ServerResponse): void {
		const arrivedAt = performance.now();
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body: unknown = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				// Keep the raw text: a test may want to see what was sent.
			}
			const record: RecordedRequest = { method: req.method ?? '', path: (req.url ?? '').split('?')[0], headers: req.headers, body, arrivedAt, closedEarly: false, done: false };
			this.requests.push(record);
			res.on('close', () => {
				record.closedEarly = !res.writableFinished;
				record.done = true;
				this._notify();
			});
			this._notify();
			this._route(record, res);
		});
	}

	private _route(record: RecordedRequest, res: http.ServerResponse): void {
		if (record.path === '/__control' && record.method === 'POST') {
			this.configure(record.body as FakeServerOptions);
			return json(res, 200, { ok: true });
		}
		if (record.path === '/__requests' && record.method === 'GET') {
			return json(res, 200, this.requests.filter((r) => r !== record).map((r) => ({ ...r })));
		}
		if (this._options.apiKey !== undefined && record.headers.authorization !== `Bearer ${this._options.apiKey}`) {
			return json(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
		}
		if (record.path === '/v1/models' && record.method === 'GET') {
			return json(res, 200, { object: 'list', data: this._options.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
		}
		if (record.path === '/v1/chat/completions' && record.method === 'POST') {
			return this._chat(record.body as ChatBody, res);
		}
		return json(res, 404, { error: { message: `Unknown path ${record.path}`, type: 'invalid_request_error' } });
	}

	private _chat(body: ChatBody, res: http.ServerResponse): void {
		const model = typeof body?.model === 'string' ? body.model : '';
		const scenario = model.startsWith('scenario:') ? model.slice('scenario:'.length) : undefined;
		const attempt = (this._attempts.get(model) ?? 0) + 1;
		this._attempts.set(model, attempt);
		const isVerdict = Array.isArray(body?.messages) && body.messages.some((m: { role?: unknown }) => m?.role === 'assistant');
		const answer = isVerdict ? this._options.verdictAnswer : this._options.answer;
		switch (scenario) {
			case undefined:
				if (!this._options.models.includes(model)) {
					return json(res, 404, { error: { message: `The model '${model}' does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
				}
				return this._answer(body, res, model, answer, 0);
			case '429':
			case '429-once':
				if (scenario === '429' || attempt === 1) {
					res.setHeader('retry-after-ms', String(this._options.retryAfterMs));
					return json(res, 429, { error: { message: 'Rate limit reached.', type: 'rate_limit_error' } });
				}
				return this._answer(body, res, model, answer, 0);
			case '500':
			case '500-once':
				if (scenario === '500' || attempt === 1) {
					res.setHeader('retry-after-ms', String(this._options.retryAfterMs));
					return json(res, 500, { error: { message: 'The server had an error.', type: 'server_error' } });
				}
				return this._answer(body, res, model, answer, 0);
			case 'hang':
				return;
			case 'stall':
				startStream(res);
				sendChunk(res, model, answer.slice(0, 12));
				return;
			case 'break':
				startStream(res);
				sendChunk(res, model, answer.slice(0, 12));
				setTimeout(() => res.socket?.destroy(), 30);
				return;
			case 'malformed':
				startStream(res);
				sendChunk(res, model, answer.slice(0, 12));
				res.write('data: {"id":"x","choices":[{"delta":{"content":\n\n');
				setTimeout(() => res.end('data: [DONE]\n\n'), 10);
				return;
			case 'odd-chunks':
				startStream(res);
				res.write('data: {"id":"x","object":"chat.completion.chunk"}\n\n');
				sendChunk(res, model, answer);
				res.write('data: {"id":"y","object":"chat.completion.chunk","choices":[]}\n\n');
				sendChunk(res, model, '', 'stop');
				res.end('data: [DONE]\n\n');
				return;
			case 'empty':
				return this._answer(body, res, model, '', 0);
			case 'slow':
				return this._answer(body, res, model, answer, this._options.slowDelayMs);
			default:
				return json(res, 404, { error: { message: `The model '${model}' does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
		}
	}

	private _answer(body: ChatBody, res: http.ServerResponse, model: string, answer: string, delayMs: number): void {
		if (body?.stream !== true) {
			return json(res, 200, {
				id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model,
				choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
			});
		}
		startStream(res);
		const pieces: string[] = [];
		for (let i = 0; i < answer.length; i += this._options.chunkSize) {
			pieces.push(answer.slice(i, i + this._options.chunkSize));
		}
		let i = 0;
		const next = (): void => {
			if (res.destroyed) {
				return;
			}
			if (i < pieces.length) {
				sendChunk(res, model, pieces[i++]);
				setTimeout(next, delayMs);
				return;
			}
			sendChunk(res, model, '', 'stop');
			res.end('data: [DONE]\n\n');
		};
		next();
	}
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(value));
}

function startStream(res: http.ServerResponse): void {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
	res.flushHeaders();
}

function sendChunk(res: http.ServerResponse, model: string, content: string, finish: string | null = null): void {
	const chunk = {
		id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model,
		choices: [{ index: 0, delta: content ? { content } : {}, finish_reason: finish }],
	};
	res.write(`data: ${JSON.stringify(chunk)}\n\n`);
}
