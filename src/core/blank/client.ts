import type OpenAI from 'openai';
import { causeCode, ModelError, redact } from './errors';
import { originOf } from './endpoint';
import type { ChatMessage } from './prompt';

/**
 * The model client for the `openai` and `openai-compatible` providers, over the real `openai` package.
 * Streaming, a timeout until the first byte, an idle timeout between chunks (the package's own timeout
 * stops counting once headers arrive, so a server that hangs mid-answer would wait forever), bounded
 * retries for 429/5xx only, and cancellation that aborts the HTTP request at once.
 *
 * Retries are ours, not the package's: it also retries refused connections and timeouts, which turns
 * "Ollama is not running" into a few seconds of waiting and a hung server into three timeouts in a row.
 */

export interface ModelEndpoint {
	/** e.g. `http://localhost:11434/v1`. */
	readonly baseUrl: string;
	readonly model: string;
	/** Only ever sent to `baseUrl`'s origin. Absent for keyless local servers. */
	readonly apiKey?: string;
	/** Until the response headers. */
	readonly timeoutMs?: number;
	/** Longest silence allowed between streamed chunks. */
	readonly idleTimeoutMs?: number;
	/** Retries after a 429 or 5xx that arrived before any text. */
	readonly maxRetries?: number;
}

export interface StreamOptions {
	readonly signal?: AbortSignal;
	/** Called with each piece of text as it arrives. */
	readonly onDelta?: (delta: string, textSoFar: string) => void;
	readonly temperature?: number;
	readonly maxTokens?: number;
}

export interface StreamResult {
	readonly text: string;
	/** False when the stream ended without a finish reason (a server that stopped early). */
	readonly finished: boolean;
	/** Chunks that did not look like chat completion chunks and were skipped. */
	readonly skippedChunks: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

/**
 * Builds an `openai` client that sends exactly what we decide. The package reads `OPENAI_API_KEY`,
 * `OPENAI_BASE_URL`, `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`, `OPENAI_CUSTOM_HEADERS` and `OPENAI_LOG` from the
 * environment when an option is missing; every one of them is overridden so nothing from the environment
 * reaches a server (or the extension host's console, where request details would be printed).
 */
export async function createClient(endpoint: ModelEndpoint): Promise<OpenAI> {
	if (!originOf(endpoint.baseUrl)) {
		throw new ModelError('bad-url', `Not an http(s) URL: ${endpoint.baseUrl}`);
	}
	const { OpenAI: Client } = await loadOpenAI();
	return new Client({
		baseURL: endpoint.baseUrl.trim().replace(/\/+$/, ''),
		// The package refuses to start without a key; a keyless server gets a placeholder that the
		// null header below removes again, so no Authorization header is sent at all.
		apiKey: endpoint.apiKey || 'no-key',
		defaultHeaders: { ...environmentHeadersRemoved(), ...(endpoint.apiKey ? {} : { Authorization: null }) },
		organization: null,
		project: null,
		logLevel: 'off',
		timeout: endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		maxRetries: 0,
	});
}

type OpenAIModule = typeof import('openai');
let openaiModule: Promise<OpenAIModule> | undefined;

/**
 * The package is loaded on the first network question, not at activation: evaluating it costs more than a
 * hundred milliseconds that learners who use the builtin model (the default) should not pay.
 */
function loadOpenAI(): Promise<OpenAIModule> {
	openaiModule ??= import('openai');
	return openaiModule;
}

/** A null for every header `OPENAI_CUSTOM_HEADERS` would add: a null default header removes it. */
function environmentHeadersRemoved(): Record<string, null> {
	const removed: Record<string, null> = {};
	for (const line of ((typeof process === 'undefined' ? undefined : process.env.OPENAI_CUSTOM_HEADERS) ?? '').split('\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) {
			removed[line.slice(0, colon).trim()] = null;
		}
	}
	return removed;
}

/** Streams a chat completion and returns the whole text. Throws `ModelError` (with the partial text). */
export async function streamChat(endpoint: ModelEndpoint, messages: readonly ChatMessage[], options: StreamOptions = {}): Promise<StreamResult> {
	const maxRetries = Math.max(0, endpoint.maxRetries ?? DEFAULT_MAX_RETRIES);
	for (let attempt = 0; ; attempt++) {
		try {
			return await streamOnce(endpoint, messages, options);
		} catch (error) {
			const retryable = error instanceof ModelError && (error.kind === 'rate-limited' || error.kind === 'server-error') && !error.details.partial;
			if (!retryable || attempt >= maxRetries || options.signal?.aborted) {
				throw error;
			}
			await backoff(retryDelayMs(attempt, error.details.retryAfterMs), options.signal, error);
		}
	}
}

/** Exponential backoff from half a second, capped at 8 s; a server's Retry-After wins when it is at most 10 s. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined): number {
	if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= 10_000) {
		return retryAfterMs;
	}
	return Math.min(500 * 2 ** attempt, 8000);
}

function backoff(ms: number, signal: AbortSignal | undefined, cause: ModelError): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = (): void => {
			clearTimeout(timer);
			reject(new ModelError('cancelled', 'Cancelled.', { partial: cause.details.partial }));
		};
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

function retryAfter(headers: Headers | undefined): number | undefined {
	const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
	if (Number.isFinite(ms)) {
		return ms;
	}
	const seconds = Number.parseFloat(headers?.get('retry-after') ?? '');
	return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

async function streamOnce(endpoint: ModelEndpoint, messages: readonly ChatMessage[], options: StreamOptions): Promise<StreamResult> {
	const openai = await loadOpenAI();
	const client = await createClient(endpoint);
	const controller = new AbortController();
	let idleFired = false;
	const onOuterAbort = (): void => controller.abort();
	options.signal?.addEventListener('abort', onOuterAbort, { once: true });
	if (options.signal?.aborted) {
		controller.abort();
	}
	const idleMs = endpoint.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
	let idleTimer: ReturnType<typeof setTimeout> | undefined;
	const armIdle = (): void => {
		clearTimeout(idleTimer);
		idleTimer = setTimeout(() => {
			idleFired = true;
			controller.abort();
		}, idleMs);
	};

	let text = '';
	let finished = false;
	let skippedChunks = 0;
	try {
		const stream = await client.chat.completions.create({
			model: endpoint.model,
			messages: messages.map((m) => ({ role: m.role, content: m.content })),
			stream: true,
			temperature: options.temperature ?? 0.2,
			...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
		}, { signal: controller.signal });
		armIdle();
		for await (const chunk of stream) {
			armIdle();
			const choice = Array.isArray(chunk?.choices) ? chunk.choices[0] : undefined;
			if (!choice) {
				skippedChunks++;
				continue;
			}
			const delta = typeof choice.delta?.content === 'string' ? choice.delta.content : '';
			if (delta) {
				text += delta;
				options.onDelta?.(delta, text);
			}
			if (choice.finish_reason) {
				finished = true;
			}
		}
		// The package ends the iteration quietly when its controller is aborted.
		if (controller.signal.aborted) {
			throw new Error('aborted');
		}
	} catch (error) {
		throw classify(openai, error, { partial: text, idleFired, cancelled: options.signal?.aborted ?? false, endpoint });
	} finally {
		clearTimeout(idleTimer);
		options.signal?.removeEventListener('abort', onOuterAbort);
	}
	if (text.trim() === '') {
		throw new ModelError('empty-answer', 'The model sent an empty answer.', { partial: text });
	}
	return { text, finished, skippedChunks };
}

/** The model ids a server offers (`GET <baseUrl>/models`). */
export async function listModels(endpoint: Omit<ModelEndpoint, 'model'>, signal?: AbortSignal): Promise<string[]> {
	const openai = await loadOpenAI();
	const client = await createClient({ ...endpoint, model: '' });
	try {
		const page = await client.models.list({ signal });
		const ids = page.data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
		return [...new Set(ids)].sort();
	} catch (error) {
		throw classify(openai, error, { partial: '', idleFired: false, cancelled: signal?.aborted ?? false, endpoint: { ...endpoint, model: '' } });
	}
}

/**
 * Like `streamChat`, but a 404 is looked into: when the server lists models and ours is not among them,
 * the error is `unknown-model` with the list; when listing fails too, the base URL is wrong (`not-found`).
 */
export async function streamChatExplained(endpoint: ModelEndpoint, messages: readonly ChatMessage[], options: StreamOptions = {}): Promise<StreamResult> {
	try {
		return await streamChat(endpoint, messages, options);
	} catch (error) {
		if (error instanceof ModelError && (error.kind === 'not-found' || error.kind === 'unknown-model')) {
			let models: string[] | undefined;
			try {
				models = await listModels({ ...endpoint, maxRetries: 0 }, options.signal);
			} catch {
				models = undefined;
			}
			if (models && !models.includes(endpoint.model)) {
				throw new ModelError('unknown-model', `The server has no model "${endpoint.model}".`, { status: 404, partial: error.details.partial, models });
			}
			if (!models) {
				throw new ModelError('not-found', `Nothing answers at ${endpoint.baseUrl}/chat/completions (404).`, { status: 404, partial: error.details.partial });
			}
		}
		throw error;
	}
}

interface ClassifyContext {
	readonly partial: string;
	readonly idleFired: boolean;
	readonly cancelled: boolean;
	readonly endpoint: ModelEndpoint;
}

function classify(openai: OpenAIModule, error: unknown, context: ClassifyContext): ModelError {
	if (error instanceof ModelError) {
		return error;
	}
	const partial = context.partial;
	const raw = error instanceof Error ? error.message : String(error);
	const message = redact(raw, context.endpoint.apiKey);
	if (context.cancelled) {
		return new ModelError('cancelled', 'Cancelled.', { partial });
	}
	if (context.idleFired) {
		return new ModelError('timeout', 'The server stopped sending in the middle of the answer.', { partial });
	}
	if (error instanceof openai.APIConnectionTimeoutError) {
		return new ModelError('timeout', 'The server did not answer in time.', { partial });
	}
	if (error instanceof openai.APIUserAbortError) {
		return new ModelError('cancelled', 'Cancelled.', { partial });
	}
	if (error instanceof openai.APIConnectionError) {
		const code = causeCode(error);
		if (code === 'ECONNREFUSED') {
			return new ModelError('connection-refused', `Connection refused by ${originOf(context.endpoint.baseUrl) ?? context.endpoint.baseUrl}.`, { partial });
		}
		if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
			return new ModelError('host-not-found', `Host not found: ${originOf(context.endpoint.baseUrl) ?? context.endpoint.baseUrl}.`, { partial });
		}
		// A connection that breaks after the answer began is a broken stream, not a server that is down.
		return new ModelError(partial ? 'broken-stream' : 'connection-failed', `Connection failed (${code ?? message}).`, { partial });
	}
	if (error instanceof openai.APIError && typeof error.status === 'number') {
		const status = error.status;
		const detail = redact(error.message, context.endpoint.apiKey);
		if (status === 401 || status === 403) {
			return new ModelError('unauthorized', `The server refused the API key (${status}).`, { status, partial });
		}
		if (status === 404) {
			const aboutModel = /model/i.test(detail);
			return new ModelError(aboutModel ? 'unknown-model' : 'not-found', detail, { status, partial });
		}
		if (status === 429) {
			return new ModelError('rate-limited', 'The server is rate limiting requests (429).', { status, partial, retryAfterMs: retryAfter(error.headers) });
		}
		if (status >= 500) {
			return new ModelError('server-error', `The server failed (${status}): ${detail}`, { status, partial, retryAfterMs: retryAfter(error.headers) });
		}
		return new ModelError('bad-request', `The server rejected the request (${status}): ${detail}`, { status, partial });
	}
	if (error instanceof openai.APIError) {
		// An error object sent inside the stream.
		return new ModelError('server-error', `The server reported an error in the stream: ${message}`, { partial });
	}
	if (error instanceof SyntaxError || /terminated|premature|socket|ECONNRESET|other side closed/i.test(message) || causeCode(error) === 'ECONNRESET' || causeCode(error) === 'UND_ERR_SOCKET') {
		return new ModelError('broken-stream', `The answer stream broke: ${message}`, { partial });
	}
	return new ModelError('other', message, { partial });
}
