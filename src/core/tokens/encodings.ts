/** The encodings the counter knows, and which OpenAI models use which. */
export type EncodingName = 'o200k_base' | 'cl100k_base' | 'p50k_base' | 'r50k_base';

export const ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'];

export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

export function isEncodingName(value: unknown): value is EncodingName {
	return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value);
}

/** Model families, by name prefix; the first prefix that matches wins, so longer prefixes come first. */
const MODEL_PREFIXES: readonly (readonly [string, EncodingName])[] = [
	['gpt-4o', 'o200k_base'],
	['gpt-4.1', 'o200k_base'],
	['gpt-4.5', 'o200k_base'],
	['gpt-5', 'o200k_base'],
	['chatgpt-4o', 'o200k_base'],
	['gpt-oss', 'o200k_base'],
	['o1', 'o200k_base'],
	['o3', 'o200k_base'],
	['o4', 'o200k_base'],
	['gpt-4', 'cl100k_base'],
	['gpt-3.5', 'cl100k_base'],
	['gpt-35', 'cl100k_base'],
	['text-embedding-3', 'cl100k_base'],
	['text-embedding-ada-002', 'cl100k_base'],
	['text-davinci-003', 'p50k_base'],
	['text-davinci-002', 'p50k_base'],
	['code-davinci', 'p50k_base'],
	['code-cushman', 'p50k_base'],
	['davinci-002', 'p50k_base'],
	['text-davinci-001', 'r50k_base'],
	['text-curie', 'r50k_base'],
	['text-babbage', 'r50k_base'],
	['text-ada', 'r50k_base'],
	['davinci', 'r50k_base'],
	['curie', 'r50k_base'],
	['babbage', 'r50k_base'],
	['ada', 'r50k_base'],
	['gpt2', 'r50k_base'],
	['gpt-2', 'r50k_base'],
];

/**
 * The encoding of an OpenAI model name such as `gpt-4o-mini` or `openai/gpt-4.1`; `undefined` when the
 * name is not one we know (the caller says so rather than guessing).
 */
export function encodingForModel(model: string): EncodingName | undefined {
	let name = model.trim().toLowerCase();
	const slash = name.lastIndexOf('/');
	if (slash >= 0) {
		name = name.slice(slash + 1);
	}
	if (name.startsWith('ft:')) {
		name = name.slice(3);
	}
	for (const [prefix, encoding] of MODEL_PREFIXES) {
		if (name === prefix || name.startsWith(prefix + '-') || name.startsWith(prefix + ':') || (prefix.length > 2 && name.startsWith(prefix))) {
			return encoding;
		}
	}
	return undefined;
}
