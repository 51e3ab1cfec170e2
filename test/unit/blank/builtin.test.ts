import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BuiltinModel, type GlossaryLookup } from '../../../src/core/blank/builtin/model';
import type { CorpusDocument } from '../../../src/core/blank/builtin/corpus';

const FIXTURE_NOTES: CorpusDocument[] = [
	{
		id: 'fixture:masked',
		title: 'Masked models',
		format: 'markdown',
		text: [
			'# Masked models',
			'',
			'A masked language model fills in a blank using the words on both sides.',
			'People often write "my favorite color is blue" and "my favorite color is red".',
			'My favorite food is pasta. My favorite song is long.',
			'Her favorite color is green, and the sky is blue.',
		].join('\n'),
	},
	{
		id: 'fixture:inference',
		title: 'Inference',
		format: 'markdown',
		text: [
			'# Inference',
			'',
			'Inference has two steps. The prefill step processes the input tokens in parallel.',
			'The decode step generates one output token at a time.',
			'Because the prefill step is parallel, it is compute bound; the decode step is memory bound.',
		].join('\n'),
	},
];

const notesDir = path.resolve(__dirname, '../../../../notes');

function realNotes(): CorpusDocument[] {
	if (!fs.existsSync(notesDir)) {
		return [];
	}
	return fs.readdirSync(notesDir).filter((f) => f.endsWith('.md')).sort().map((f) => ({
		id: `notes/${f}`,
		title: f,
		format: 'markdown' as const,
		text: fs.readFileSync(path.join(notesDir, f), 'utf8'),
	}));
}

function top(model: BuiltinModel, before: string, after: string, languageId = 'markdown', extra: Partial<Parameters<BuiltinModel['predict']>[0]> = {}): string[] {
	return model.predict({ before, after, languageId, ...extra }).candidates.map((c) => c.text);
}

describe('Blank builtin model', () => {
	it('"My favorite __ is blue" -> color (fixture corpus)', () => {
		const model = new BuiltinModel(FIXTURE_NOTES);
		assert.strictEqual(top(model, 'My favorite ', ' is blue.')[0], 'color');
	});

	it('"the __ step processes the input tokens in parallel" -> prefill (fixture corpus)', () => {
		const model = new BuiltinModel(FIXTURE_NOTES);
		assert.strictEqual(top(model, 'In short, the ', ' step processes the input tokens in parallel.')[0], 'prefill');
	});

	it('the right-hand side changes the answer (both directions are read)', () => {
		const model = new BuiltinModel(FIXTURE_NOTES);
		assert.strictEqual(top(model, 'In short, the ', ' step generates one output token at a time.')[0], 'decode');
		assert.strictEqual(top(model, 'My favorite ', ' is pasta.')[0], 'food');
	});

	it('with the real notes: favorite color and prefill', () => {
		const notes = realNotes();
		assert.ok(notes.some((n) => /favorite color/i.test(n.text)), 'the bundled notes contain the "favorite color" example');
		const model = new BuiltinModel(notes);
		assert.strictEqual(top(model, 'My favorite ', ' is blue')[0], 'color');
		assert.ok(notes.some((n) => n.id.endsWith('11-the-transformer.md')), 'notes/11-the-transformer.md is bundled');
		assert.strictEqual(top(model, 'During inference, the ', ' step processes the input tokens in parallel.')[0], 'prefill');
	});

	it('code: `for (let i = 0; i < items.__; i++)` -> length', () => {
		const model = new BuiltinModel([]);
		const before = 'function sum(items: number[]): number {\n\tlet total = 0;\n\tfor (let i = 0; i < items.';
		const after = '; i++) {\n\t\ttotal += items[i];\n\t}\n\treturn total;\n}\n';
		const sameLanguage: CorpusDocument[] = [{
			id: 'file:other.ts',
			title: 'other.ts',
			format: 'code',
			text: 'export function last<T>(xs: T[]): T | undefined {\n\treturn xs.length > 0 ? xs[xs.length - 1] : undefined;\n}\nfor (let j = 0; j < rows.length; j++) {\n\tcount(rows[j]);\n}\n',
		}];
		const prediction = model.predict({ before, after, languageId: 'typescript', sameLanguageFiles: sameLanguage });
		assert.strictEqual(prediction.kind, 'code');
		assert.strictEqual(prediction.candidates[0].text, 'length');
		assert.ok(prediction.candidates[0].evidence.some((e) => e.text.includes('.length')));
	});

	it('the studied text is left out: the hidden word is not read from the document itself', () => {
		const doc: CorpusDocument = { id: 'doc:1', title: 'doc', format: 'markdown', text: 'The zebra step processes the input tokens in parallel.' };
		const model = new BuiltinModel([...FIXTURE_NOTES, doc]);
		// The same document as the one studied: its original word must not leak into the prediction.
		const result = top(model, 'The ', ' step processes the input tokens in parallel.', 'markdown', { documentId: 'doc:1' });
		assert.strictEqual(result[0], 'prefill');
		assert.ok(!result.map((r) => r.toLowerCase()).includes('zebra'));
	});

	it('probabilities, evidence, glossary and an honest explanation', () => {
		const glossary: GlossaryLookup = (text) => (text === 'prefill' ? { term: 'prefill', definition: 'The phase that reads the whole prompt at once.' } : undefined);
		const model = new BuiltinModel(FIXTURE_NOTES, glossary);
		const prediction = model.predict({ before: 'So the ', after: ' step processes the input tokens in parallel.', languageId: 'markdown' });
		const best = prediction.candidates[0];
		assert.strictEqual(best.text, 'prefill');
		assert.ok(prediction.candidates.length <= 3);
		const total = prediction.candidates.reduce((s, c) => s + c.probability, 0);
		assert.ok(total <= 1.000001 && best.probability > 0.5, `probabilities ${prediction.candidates.map((c) => c.probability)}`);
		assert.deepStrictEqual(best.evidence[0], { text: 'The prefill step processes the input tokens in parallel.', source: 'Inference' });
		assert.deepStrictEqual(best.definition, { term: 'prefill', definition: 'The phase that reads the whole prompt at once.' });
		assert.match(prediction.explanation, /statistical model/);
		assert.match(prediction.explanation, /does not understand/);
	});

	it('deterministic: the same input gives the same output', () => {
		const a = new BuiltinModel(realNotes().concat(FIXTURE_NOTES)).predict({ before: 'My favorite ', after: ' is blue', languageId: 'markdown' });
		const b = new BuiltinModel(realNotes().concat(FIXTURE_NOTES)).predict({ before: 'My favorite ', after: ' is blue', languageId: 'markdown' });
		assert.deepStrictEqual(a, b);
	});

	it('no evidence at all gives no candidates and says so', () => {
		const model = new BuiltinModel([]);
		const prediction = model.predict({ before: '', after: '', languageId: 'markdown' });
		assert.deepStrictEqual(prediction.candidates, []);
		assert.match(prediction.explanation, /nothing to go on/);
	});
});
