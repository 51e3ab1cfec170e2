import * as assert from 'assert';
import * as net from 'net';
import { createClient, listModels, retryDelayMs, streamChat, streamChatExplained, type ModelEndpoint } from '../../../src/core/blank/client';
import { detectServers } from '../../../src/core/blank/detect';
import { ModelError } from '../../../src/core/blank/errors';
import { buildFillMessages } from '../../../src/core/blank/prompt';
import { DEFAULT_ANSWER, FakeOpenAIServer } from '../../support/fakeOpenAIServer';

const MESSAGES = buildFillMessages({ before: 'My favorite ', after: ' is blue', languageId: 'markdown' });

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof ModelError, `expected a ModelError, got ${String(error)}`);
		return error;
	}
	assert.fail('expected the call to fail');
}

describe('Blank model client (real openai package against the fake server)', function () {
	this.timeout(15_000);
	let server: FakeOpenAIServer;
	let endpoint: ModelEndpoint;

	beforeEach(async () => {
		server = await FakeOpenAIServer.start();
		endpoint = { baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 2000, idleTimeoutMs: 1000, maxRetries: 2 };
	});
	afterEach(async () => {
		await server.close();
	});

	it('streams the answer in pieces and sends the prompt and options', async () => {
		const deltas: string[] = [];
		const result = await streamChat(endpoint, MESSAGES, { onDelta: (d) => deltas.push(d) });
		assert.strictEqual(result.text, DEFAULT_ANSWER);
		assert.ok(deltas.length > 5, 'arrived in several chunks');
		assert.strictEqual(result.finished, true);
		const [request] = server.chatRequests;
		const body = request.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
		assert.deepStrictEqual({ model: body.model, stream: body.stream, roles: body.messages.map((m) => m.role) }, { model: 'fake-model', stream: true, roles: ['system', 'user'] });
		assert.ok(body.messages[1].content.includes('My favorite [BLANK] is blue'));
	});

	it('sends no Authorization header to a keyless server, and the key only when one is set', async () => {
		await streamChat(endpoint, MESSAGES);
		assert.strictEqual(server.chatRequests[0].headers.authorization, undefined);
		server.configure({ apiKey: 'sk-test-123' });
		await streamChat({ ...endpoint, apiKey: 'sk-test-123' }, MESSAGES);
		assert.strictEqual(server.chatRequests[1].headers.authorization, 'Bearer sk-test-123');
	});

	it('ignores OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_CUSTOM_HEADERS from the environment', async () => {
		const names = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_CUSTOM_HEADERS'];
		const saved = names.map((n) => process.env[n]);
		process.env.OPENAI_API_KEY = 'sk-env-secret';
		process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
		process.env.OPENAI_ORG_ID = 'org-env';
		process.env.OPENAI_CUSTOM_HEADERS = 'X-Secret-Token: abc123';
		try {
			await streamChat(endpoint, MESSAGES);
		} finally {
			names.forEach((n, i) => restore(n, saved[i]));
		}
		const headers = server.chatRequests[0].headers;
		assert.deepStrictEqual([headers.authorization, headers['openai-organization'], headers['x-secret-token']], [undefined, undefined, undefined]);
	});

	it('401: unauthorized, and the key is not in the message', async () => {
		server.configure({ apiKey: 'right-key' });
		const error = await failure(streamChat({ ...endpoint, apiKey: 'sk-wrong-key-9876' }, MESSAGES));
		assert.strictEqual(error.kind, 'unauthorized');
		assert.ok(!error.message.includes('sk-wrong-key-9876'));
	});

	it('404 unknown model: lists the models the server has', async () => {
		const error = await failure(streamChatExplained({ ...endpoint, model: 'llama9:70b' }, MESSAGES));
		assert.deepStrictEqual({ kind: error.kind, models: error.details.models }, { kind: 'unknown-model', models: ['fake-model', 'fake-small'] });
	});

	it('404 on a wrong base URL (no /v1): not-found, not unknown-model', async () => {
		const error = await failure(streamChatExplained({ ...endpoint, baseUrl: server.baseUrl.replace(/\/v1$/, '/nope') }, MESSAGES));
		assert.strictEqual(error.kind, 'not-found');
	});

	it('429 and 500 are retried a bounded number of times', async () => {
		const ok = await streamChat({ ...endpoint, model: 'scenario:429-once' }, MESSAGES);
		assert.strictEqual(ok.text, DEFAULT_ANSWER);
		const rateLimited = await failure(streamChat({ ...endpoint, model: 'scenario:429' }, MESSAGES));
		assert.strictEqual(rateLimited.kind, 'rate-limited');
		assert.strictEqual(server.chatRequests.filter((r) => (r.body as { model: string }).model === 'scenario:429').length, 3, 'one try and two retries');
		const serverError = await failure(streamChat({ ...endpoint, model: 'scenario:500', maxRetries: 1 }, MESSAGES));
		assert.strictEqual(serverError.kind, 'server-error');
		assert.strictEqual(server.chatRequests.filter((r) => (r.body as { model: string }).model === 'scenario:500').length, 2);
		const recovered = await streamChat({ ...endpoint, model: 'scenario:500-once' }, MESSAGES);
		assert.strictEqual(recovered.text, DEFAULT_ANSWER);
	});

	it('connection refused', async () => {
		const port = await freePort();
		const error = await failure(streamChat({ ...endpoint, baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }, MESSAGES));
		assert.strictEqual(error.kind, 'connection-refused');
	});

	it('a server that never answers times out, without retrying', async () => {
		const error = await failure(streamChat({ ...endpoint, model: 'scenario:hang', timeoutMs: 300, maxRetries: 2 }, MESSAGES));
		assert.strictEqual(error.kind, 'timeout');
		assert.strictEqual(server.chatRequests.length, 1);
	});

	it('backoff: exponential and capped, and a short Retry-After wins', () => {
		assert.deepStrictEqual([0, 1, 2, 5].map((a) => retryDelayMs(a, undefined)), [500, 1000, 2000, 8000]);
		assert.deepStrictEqual([retryDelayMs(0, 20), retryDelayMs(0, 60_000)], [20, 500]);
	});

	it('cancelling during a retry backoff stops at once', async () => {
		const controller = new AbortController();
		// A 5 s Retry-After: the abort lands in the wait, before a second attempt.
		server.configure({ retryAfterMs: 5000 });
		const pending = streamChat({ ...endpoint, model: 'scenario:429' }, MESSAGES, { signal: controller.signal });
		await server.waitFor(() => server.chatRequests.length === 1);
		controller.abort();
		const error = await failure(pending);
		assert.strictEqual(error.kind, 'cancelled');
		assert.strictEqual(server.chatRequests.length, 1);
	});

	it('a stream that goes silent times out and keeps the partial answer', async () => {
		const error = await failure(streamChat({ ...endpoint, model: 'scenario:stall', idleTimeoutMs: 300 }, MESSAGES));
		assert.deepStrictEqual({ kind: error.kind, partial: error.details.partial }, { kind: 'timeout', partial: DEFAULT_ANSWER.slice(0, 12) });
		await server.waitFor(() => server.chatRequests[0].done);
		assert.strictEqual(server.chatRequests[0].closedEarly, true, 'the connection was closed');
	});

	it('a stream that breaks mid-answer is a broken stream with the partial answer', async () => {
		const error = await failure(streamChat({ ...endpoint, model: 'scenario:break' }, MESSAGES));
		assert.deepStrictEqual({ kind: error.kind, partial: error.details.partial }, { kind: 'broken-stream', partial: DEFAULT_ANSWER.slice(0, 12) });
	});

	it('a malformed chunk is a broken stream with the partial answer', async () => {
		const error = await failure(streamChat({ ...endpoint, model: 'scenario:malformed' }, MESSAGES));
		assert.deepStrictEqual({ kind: error.kind, partial: error.details.partial }, { kind: 'broken-stream', partial: DEFAULT_ANSWER.slice(0, 12) });
	});

	it('chunks without choices are skipped', async () => {
		const result = await streamChat({ ...endpoint, model: 'scenario:odd-chunks' }, MESSAGES);
		assert.deepStrictEqual({ text: result.text, skipped: result.skippedChunks }, { text: DEFAULT_ANSWER, skipped: 2 });
	});

	it('an empty answer is an error', async () => {
		const error = await failure(streamChat({ ...endpoint, model: 'scenario:empty' }, MESSAGES));
		assert.strictEqual(error.kind, 'empty-answer');
	});

	it('cancelling aborts the HTTP request at once and keeps the partial answer', async () => {
		const controller = new AbortController();
		let received = '';
		const pending = streamChat({ ...endpoint, model: 'scenario:slow' }, MESSAGES, {
			signal: controller.signal,
			onDelta: (_d, soFar) => {
				received = soFar;
				if (soFar.length >= 16) {
					controller.abort();
				}
			},
		});
		const error = await failure(pending);
		assert.strictEqual(error.kind, 'cancelled');
		assert.strictEqual(error.details.partial, received);
		await server.waitFor(() => server.chatRequests[0].done);
		assert.strictEqual(server.chatRequests[0].closedEarly, true, 'the server saw the connection close');
		assert.ok(received.length < DEFAULT_ANSWER.length);
	});

	it('answers without streaming too, and its control endpoint changes the answer', async () => {
		const control = await fetch(`${server.baseUrl.replace(/\/v1$/, '')}/__control`, { method: 'POST', body: JSON.stringify({ answer: 'FILL: hue' }) });
		assert.strictEqual(control.status, 200);
		const completion = await (await createClient(endpoint)).chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }], stream: false });
		assert.strictEqual(completion.choices[0].message.content, 'FILL: hue');
		assert.strictEqual((server.chatRequests[0].body as { stream: boolean }).stream, false);
	});

	it('lists models', async () => {
		assert.deepStrictEqual(await listModels(endpoint), ['fake-model', 'fake-small']);
	});

	it('detects running servers among presets, with their models, and reports the others as down', async () => {
		const port = await freePort();
		const found = await detectServers([
			{ id: 'ollama', label: 'Ollama', baseUrl: server.baseUrl, startHint: '' },
			{ id: 'vllm', label: 'vLLM', baseUrl: `http://127.0.0.1:${port}/v1`, startHint: '' },
		], 500);
		assert.deepStrictEqual(found.map((s) => [s.preset.id, s.running, s.models]), [['ollama', true, ['fake-model', 'fake-small']], ['vllm', false, []]]);
	});
});

function restore(name: string, value: string | undefined): void {
	if (value === undefined) {
		delete process.env[name];
	} else {
		process.env[name] = value;
	}
}
