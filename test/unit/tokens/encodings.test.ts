import * as assert from 'assert';
import { encodingForModel, isEncodingName } from '../../../src/core/tokens';

describe('Tokens encodings', () => {
	it('maps model names to encodings', () => {
		const names = ['gpt-4o', 'gpt-4o-mini', 'openai/gpt-4.1', 'gpt-4.1-nano', 'o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-4', 'gpt-4-turbo',
			'gpt-3.5-turbo', 'text-embedding-3-small', 'text-davinci-003', 'code-davinci-002', 'davinci', 'gpt2', 'GPT-4O', 'llama3', ''];
		assert.deepStrictEqual(names.map(encodingForModel), ['o200k_base', 'o200k_base', 'o200k_base', 'o200k_base', 'o200k_base',
			'o200k_base', 'o200k_base', 'o200k_base', 'cl100k_base', 'cl100k_base', 'cl100k_base', 'cl100k_base', 'p50k_base', 'p50k_base',
			'r50k_base', 'r50k_base', 'o200k_base', undefined, undefined]);
	});

	it('recognises encoding names', () => {
		assert.deepStrictEqual(['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base', 'gpt2', 42].map(isEncodingName), [true, true, true, true, false, false]);
	});
});
