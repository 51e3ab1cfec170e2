import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findHeading } from '../../../src/core/glossary/headings';
import { GlossaryMatcher } from '../../../src/core/glossary/matcher';
import { parseGlossary } from '../../../src/core/glossary/parseGlossary';

// Compiled to out/test/unit/glossary/, so the repository root is four levels up.
const root = path.resolve(__dirname, '..', '..', '..', '..');
const notesDir = path.join(root, 'notes');
const glossaryPath = path.join(notesDir, 'glossary.md');

describe('Bundled glossary (notes/glossary.md)', () => {
	const { entries, warnings } = parseGlossary(fs.readFileSync(glossaryPath, 'utf8'), 'notes/glossary.md');
	const matcher = new GlossaryMatcher(entries);

	it('parses without warnings and has at least 60 terms, each with a short definition', () => {
		assert.deepStrictEqual(warnings, []);
		assert.ok(entries.length >= 60, `${entries.length} entries`);
		const tooLong = entries.filter((e) => (e.definition.match(/[.!?](\s|$)/g) ?? []).length > 3).map((e) => e.term);
		assert.deepStrictEqual(tooLong, []);
	});

	it('defines every term the issue lists', () => {
		const required = [
			'language model', 'token', 'tokenization', 'vocabulary', 'subword', 'masked language model',
			'autoregressive language model', 'generative AI', 'supervision', 'self-supervision', 'natural language supervision',
			'label', 'parameter', 'large language model', 'LLM', 'foundation model', 'multimodal model', 'LMM', 'CLIP',
			'prompt engineering', 'retrieval-augmented generation', 'RAG', 'finetuning', 'fine-tuning', 'AI agent', 'AI stack',
			'AI engineering', 'ML engineering', 'pre-training', 'dataset engineering', 'annotation', 'inference',
			'inference optimization', 'sampling', 'temperature', 'top-k', 'top-p', 'Common Crawl', 'C4', 'MMLU',
			'domain-specific model', 'transformer', 'attention', 'self-attention', 'seq2seq', 'encoder', 'decoder', 'RNN',
			'hidden state', 'prefill', 'decode', 'query/key/value', 'KV cache', 'context window', 'GPU', 'power capping',
			'model as a service', 'self supervised',
		];
		assert.deepStrictEqual(required.filter((name) => !matcher.lookup(name)), []);
	});

	it('links every entry to an existing note and heading', () => {
		const broken: string[] = [];
		for (const entry of entries) {
			if (!entry.note || !entry.heading) {
				broken.push(`${entry.term}: no See: link`);
				continue;
			}
			const file = path.join(notesDir, entry.note);
			if (!fs.existsSync(file)) {
				broken.push(`${entry.term}: ${entry.note} does not exist`);
				continue;
			}
			if (!findHeading(fs.readFileSync(file, 'utf8'), entry.heading)) {
				broken.push(`${entry.term}: no heading #${entry.heading} in ${entry.note}`);
			}
		}
		assert.deepStrictEqual(broken, []);
	});

	it('finds the seed\'s key terms in running text', () => {
		const text = 'During prefill the model builds the KV cache; self-supervised LLMs then decode with top-p sampling.';
		assert.deepStrictEqual(matcher.matchAll(text).map((m) => m.entry.term), [
			'Prefill', 'KV cache', 'Self-supervision', 'Large language model', 'Decode', 'Top-p',
		]);
	});
});
