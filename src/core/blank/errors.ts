/**
 * What can go wrong when talking to a model server, sorted into the cases a learner can act on. The
 * feature turns each kind into a message with the next step ("start Ollama", "set the key", "pick a
 * model"); messages here are for the log and never contain the API key.
 */
export type ModelErrorKind =
	| 'connection-refused'
	| 'host-not-found'
	| 'connection-failed'
	| 'unauthorized'
	| 'unknown-model'
	| 'not-found'
	| 'rate-limited'
	| 'server-error'
	| 'bad-request'
	| 'timeout'
	| 'broken-stream'
	| 'empty-answer'
	| 'cancelled'
	| 'bad-url'
	| 'other';

export class ModelError extends Error {
	constructor(
		readonly kind: ModelErrorKind,
		message: string,
		readonly details: {
			readonly status?: number;
			/** The text that arrived before the error, so the panel can keep it. */
			readonly partial?: string;
			/** For `unknown-model`: the models the server does have. */
			readonly models?: readonly string[];
			/** For 429 and 5xx: how long the server asked us to wait. */
			readonly retryAfterMs?: number;
		} = {},
	) {
		super(message);
		this.name = 'ModelError';
	}
}

/** Removes every occurrence of a secret from a text that may reach a log or a message. */
export function redact(text: string, secret: string | undefined): string {
	if (!secret || secret.length < 4) {
		return text;
	}
	return text.split(secret).join('[redacted]');
}

/** The first `code` found along an error's `cause` chain (undici nests ECONNREFUSED two levels deep). */
export function causeCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current; depth++) {
		if (typeof current === 'object' && current !== null) {
			const code = (current as { code?: unknown }).code;
			if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) {
				return code;
			}
			current = (current as { cause?: unknown }).cause;
		} else {
			break;
		}
	}
	return undefined;
}
