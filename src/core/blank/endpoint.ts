/**
 * Where a model request goes, and what may be sent there. Keys are stored per origin (scheme, host and
 * port of the base URL) so a key set for one server is never sent to another.
 */

export interface ServerPreset {
	readonly id: 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm';
	readonly label: string;
	readonly baseUrl: string;
	/** What to tell a learner whose server is not running. */
	readonly startHint: string;
}

export const SERVER_PRESETS: readonly ServerPreset[] = [
	{ id: 'ollama', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', startHint: 'ollama serve' },
	{ id: 'lmstudio', label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', startHint: 'lms server start' },
	{ id: 'llamacpp', label: 'llama.cpp server', baseUrl: 'http://localhost:8080/v1', startHint: 'llama-server -m <model.gguf>' },
	{ id: 'vllm', label: 'vLLM', baseUrl: 'http://localhost:8000/v1', startHint: 'vllm serve <model>' },
];

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_ORIGIN = 'https://api.openai.com';
/** A current small chat model; the setting overrides it. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

/** The origin of a base URL, or undefined when it is not an http(s) URL. */
export function originOf(baseUrl: string): string | undefined {
	try {
		const url = new URL(baseUrl.trim());
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			return undefined;
		}
		return url.origin;
	} catch {
		return undefined;
	}
}

/** True for loopback hosts: text sent there stays on this machine, so no consent question is needed. */
export function isLocalOrigin(origin: string): boolean {
	try {
		const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
		return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
	} catch {
		return false;
	}
}

/** The preset whose base URL has this origin, for "start Ollama" style hints. */
export function presetFor(baseUrl: string): ServerPreset | undefined {
	const origin = originOf(baseUrl);
	if (!origin) {
		return undefined;
	}
	const port = new URL(origin).port;
	return SERVER_PRESETS.find((p) => originOf(p.baseUrl) === origin)
		?? (isLocalOrigin(origin) ? SERVER_PRESETS.find((p) => new URL(p.baseUrl).port === port) : undefined);
}

/** The storage key of an origin's API key in SecretStorage. */
export function secretKeyFor(origin: string): string {
	return `aiNotes.apiKey:${origin}`;
}
