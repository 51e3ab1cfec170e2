import * as assert from 'assert';
import { GlossaryMatcher } from '../../../src/core/glossary/matcher';
import type { GlossaryEntry } from '../../../src/core/glossary/types';

function entry(term: string, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition: `About ${term}.`, source: 'test', line: 0 };
}

const matcher = new GlossaryMatcher([
	entry('Prefill', ['prefill phase']),
	entry('Decode'),
	entry('Decoder'),
	entry('Encoder'),
	entry('Token'),
	entry('Tokenization', ['tokenisation']),
	entry('Finetuning', ['fine-tuning', 'finetune', 'fine-tune']),
	entry('Self-supervision', ['self-supervised']),
	entry('Language model', ['LM']),
	entry('Masked language model', ['MLM']),
	entry('Large language model', ['LLM']),
	entry('C++'),
	entry('top-p', ['nucleus sampling']),
	entry('k/v'),
	entry('Query', []),
	entry('注意力'),
	entry('Power capping', ['power cap']),
]);

/** The term found at each marked position: `[text, offset]` -> term or undefined. */
function termAt(text: string, offset: number): string | undefined {
	return matcher.matchAt(text, offset)?.entry.term;
}

/** Every match in `text` as `matched text -> term`. */
function all(text: string): string[] {
	return matcher.matchAll(text).map((m) => `${text.slice(m.start, m.end)} -> ${m.entry.term}`);
}

describe('Glossary matcher', () => {
	it('is case-insensitive and finds multi-word terms', () => {
		assert.deepStrictEqual(all('PREFILL and Language Model and LARGE language MODEL'), [
			'PREFILL -> Prefill',
			'Language Model -> Language model',
			'LARGE language MODEL -> Large language model',
		]);
	});

	it('joins words by hyphen, space, underscore or nothing', () => {
		assert.deepStrictEqual(all('self-supervision, self supervision, selfsupervision, self_supervision, Self-Supervised'), [
			'self-supervision -> Self-supervision',
			'self supervision -> Self-supervision',
			'selfsupervision -> Self-supervision',
			'self_supervision -> Self-supervision',
			'Self-Supervised -> Self-supervision',
		]);
	});

	it('accepts simple inflections', () => {
		assert.deepStrictEqual(all('prefill prefills prefilling prefilled tokens finetune finetuned finetuning fine-tuned queries decoding decoded'), [
			'prefill -> Prefill',
			'prefills -> Prefill',
			'prefilling -> Prefill',
			'prefilled -> Prefill',
			'tokens -> Token',
			'finetune -> Finetuning',
			'finetuned -> Finetuning',
			'finetuning -> Finetuning',
			'fine-tuned -> Finetuning',
			'queries -> Query',
			'decoding -> Decode',
			'decoded -> Decode',
		]);
	});

	it('makes no false hits on longer words', () => {
		assert.deepStrictEqual(all('decoders decoder tokenization tokenizer prefillx untoken decodex'), [
			'decoders -> Decoder',
			'decoder -> Decoder',
			'tokenization -> Tokenization',
		]);
		assert.deepStrictEqual(all('detokenize pretokens'), []);
		assert.strictEqual(termAt('the decoder runs', 6), 'Decoder');
	});

	it('prefers the longest term, then the leftmost', () => {
		assert.deepStrictEqual(all('a masked language model is not a large language model or a language model'), [
			'masked language model -> Masked language model',
			'large language model -> Large language model',
			'language model -> Language model',
		]);
		// Hovering "language" inside "masked language model" gives the longer term.
		assert.strictEqual(termAt('a masked language model', 10), 'Masked language model');
	});

	it('matches aliases to their entry', () => {
		assert.deepStrictEqual(all('LLMs, an MLM, nucleus sampling, the prefill phase'), [
			'LLMs -> Large language model',
			'MLM -> Masked language model',
			'nucleus sampling -> top-p',
			'prefill phase -> Prefill',
		]);
	});

	it('treats regex characters literally', () => {
		assert.deepStrictEqual(all('C++ code, top-p sampling, top p, the k/v pairs, C+ and k.v and top-pp'), [
			'C++ -> C++',
			'top-p -> top-p',
			'top p -> top-p',
			'k/v -> k/v',
		]);
		assert.strictEqual(new GlossaryMatcher([entry('(.*)+$')]).matchAll('x (.*)+$ y').length, 1);
	});

	it('survives emoji, CJK and other scripts', () => {
		const text = '🚀 prefill 🤖 在模型中注意力很重要 Ωmega token🙂 تجربة prefill';
		assert.deepStrictEqual(all(text), [
			'prefill -> Prefill',
			'注意力 -> 注意力',
			'token -> Token',
			'prefill -> Prefill',
		]);
		// A lone surrogate half or a combining mark next to a term must not throw.
		assert.deepStrictEqual(all('\uD83D token \u0301prefill'), ['token -> Token']);
	});

	it('returns the match at an offset, nothing between terms', () => {
		const text = 'We prefill, then decode.\nSecond line with tokens';
		assert.strictEqual(termAt(text, text.indexOf('prefill')), 'Prefill');
		assert.strictEqual(termAt(text, text.indexOf('prefill') + 6), 'Prefill');
		assert.strictEqual(termAt(text, text.indexOf('prefill') + 7), undefined);
		assert.strictEqual(termAt(text, text.indexOf('We')), undefined);
		assert.strictEqual(termAt(text, text.indexOf('tokens') + 5), 'Token');
		assert.strictEqual(termAt(text, text.length), undefined);
		assert.strictEqual(termAt(text, -1), undefined);
	});

	it('finds a term on one line of a 10,000-line document by scanning that line only', () => {
		const lines: string[] = [];
		for (let i = 0; i < 10_000; i++) {
			lines.push(i === 7_777 ? 'here the self-supervised objective lives' : `line ${i} about prefill and decoder and a masked language model`);
		}
		const text = lines.join('\n');
		const offset = text.indexOf('self-supervised') + 3;
		assert.strictEqual(termAt(text, offset), 'Self-supervision');
		// The scan is bounded: a term on the next line never matches across the newline.
		assert.strictEqual(termAt(text, text.indexOf('\n', offset)), undefined);
	});

	it('finds a term in the middle of a 5 MB single line', () => {
		const filler = 'x'.repeat(2_500_000);
		const text = `${filler} the prefill step ${filler}`;
		assert.strictEqual(termAt(text, filler.length + 6), 'Prefill');
	});

	it('lets the earlier entry keep a shared name, and terms beat aliases', () => {
		const first = entry('Token', ['unit']);
		const second = entry('Unit', ['token']);
		const m = new GlossaryMatcher([first, second]);
		assert.strictEqual(m.lookup('TOKEN'), first);
		assert.strictEqual(m.lookup('unit'), second);
		assert.strictEqual(m.matchAll('a unit')[0]?.entry, second);
	});

	it('an empty glossary matches nothing', () => {
		const m = new GlossaryMatcher([]);
		assert.deepStrictEqual(m.matchAll('prefill token'), []);
		assert.strictEqual(m.matchAt('prefill', 2), undefined);
	});

	it('power capping is its own term, not "power" plus an inflected "cap"', () => {
		assert.deepStrictEqual(all('GPU power capping and power-capped GPUs'), [
			'power capping -> Power capping',
			'power-capped -> Power capping',
		]);
	});
});

describe('Glossary matcher, built in slices', () => {
	it('gives the same matches as the one-shot build and pauses between slices', async () => {
		const entries = ['Prefill', 'Decode', 'Masked language model', 'Language model'].map((term) => entry(term, [`${term} alias`]));
		let pauses = 0;
		const sliced = await GlossaryMatcher.create(entries, async () => {
			pauses++;
		}, 3);
		const text = 'prefilling a masked language model, then decode alias and language model';
		const whole = new GlossaryMatcher(entries);
		assert.deepStrictEqual(sliced.matchAll(text), whole.matchAll(text));
		assert.strictEqual(sliced.matchAll(text).length, 4);
		assert.strictEqual(pauses, 2);
	});
});

describe('Glossary matcher, acronyms', () => {
	it('gives acronyms a plural but no verb endings', () => {
		const m = new GlossaryMatcher([entry('CLIP'), entry('Large language model', ['LLM']), entry('KV cache')]);
		assert.deepStrictEqual(m.matchAll('CLIP and LLMs, gradient clipping, clipped, KV caching').map((x) => x.entry.term), [
			'CLIP',
			'Large language model',
			'KV cache',
		]);
	});
});
