import * as assert from 'assert';
import { ApiKeyStore, type SecretStore } from '../../../src/core/blank/apiKeys';
import { budgetContext } from '../../../src/core/blank/budget';
import { isLocalOrigin, originOf, presetFor, secretKeyFor } from '../../../src/core/blank/endpoint';
import { extractBlank, markerAt } from '../../../src/core/blank/extract';
import { parseFillAnswer, parseVerdictAnswer } from '../../../src/core/blank/parse';
import { buildFillMessages, buildVerdictMessages } from '../../../src/core/blank/prompt';
import { compareFill } from '../../../src/core/blank/verdict';
import { loadCounter } from '../../../src/core/tokens';

describe('Blank extraction', () => {
	const text = 'My favorite color is blue.\nThe ____ step runs first.\nA [MASK] and a <mask> here.';

	it('takes the selection, trimmed of surrounding spaces, as the blank', () => {
		const start = text.indexOf(' color ');
		const result = extractBlank(text, start, start + ' color '.length);
		assert.deepStrictEqual(result, { ok: true, blank: { before: 'My favorite ', original: 'color', after: ' is blue.\nThe ____ step runs first.\nA [MASK] and a <mask> here.', start: start + 1, end: start + 6, kind: 'selection' } });
	});

	it('a backwards selection gives the same blank', () => {
		const start = text.indexOf('color');
		assert.deepStrictEqual(extractBlank(text, start + 5, start), extractBlank(text, start, start + 5));
	});

	it('finds each marker under the cursor, or right after it', () => {
		const underscores = text.indexOf('____');
		const mask = text.indexOf('[MASK]');
		const angle = text.indexOf('<mask>');
		for (const [offset, start, length] of [[underscores + 2, underscores, 4], [underscores + 4, underscores, 4], [mask, mask, 6], [angle + 3, angle, 6]]) {
			const result = extractBlank(text, offset, offset);
			assert.ok(result.ok);
			assert.deepStrictEqual([result.blank.start, result.blank.end, result.blank.original, result.blank.kind], [start, start + length, '', 'marker']);
		}
	});

	it('no selection and no marker, or a whitespace selection, is a clear failure', () => {
		assert.deepStrictEqual(extractBlank(text, 3, 3), { ok: false, reason: 'no-blank' });
		const space = text.indexOf(' ');
		assert.deepStrictEqual(extractBlank(text, space, space + 1), { ok: false, reason: 'whitespace-only' });
	});

	it('two underscores (markdown bold) are not a marker', () => {
		assert.strictEqual(markerAt('a __bold__ word', 3), undefined);
	});
});

describe('Blank context budget', () => {
	it('keeps whole lines nearest the blank within the budget, counted with the real token counter', async () => {
		const counter = await loadCounter('o200k_base');
		const count = (t: string): number => counter.count(t);
		const lines = Array.from({ length: 400 }, (_, i) => `Line ${i} of the notes says something about tokens.`);
		const before = lines.join('\n') + '\nThe ';
		const after = ' step is first.\n' + lines.join('\n');
		const result = budgetContext(before, after, 100, count);
		assert.ok(result.beforeTokens <= 100 && result.afterTokens <= 100);
		assert.ok(result.beforeTokens > 80 && result.afterTokens > 80, 'uses most of the budget');
		assert.deepStrictEqual([count(result.before), count(result.after)], [result.beforeTokens, result.afterTokens]);
		assert.ok(result.before.endsWith('\nThe ') && /^Line \d+ /.test(result.before), 'cut at a line start');
		assert.ok(result.after.startsWith(' step is first.\n') && /\.$/.test(result.after), 'cut at a line end');
		assert.deepStrictEqual([result.trimmedBefore, result.trimmedAfter], [true, true]);
	});

	it('a 2 MB one-line file sends no more than the budget', async () => {
		const counter = await loadCounter('o200k_base');
		const line = 'const a=' + 'f(x,y);'.repeat(300_000);
		const result = budgetContext(line, line, 1500, (t) => counter.count(t));
		assert.ok(result.beforeTokens <= 1500 && result.afterTokens <= 1500 && result.beforeTokens > 1000, `${result.beforeTokens} / ${result.afterTokens}`);
		assert.ok(line.endsWith(result.before) && line.startsWith(result.after));
	});

	it('keeps everything when it fits', () => {
		const result = budgetContext('a\nb ', ' c\nd', 1500, (t) => t.length);
		assert.deepStrictEqual([result.before, result.after, result.trimmedBefore, result.trimmedAfter], ['a\nb ', ' c\nd', false, false]);
	});

	it('cuts the blank\'s own line at a space when it alone is over budget (a one-line file)', () => {
		const result = budgetContext('x\n' + 'long '.repeat(50), ' tail and more words here', 12, (t) => t.length);
		assert.deepStrictEqual([result.before, result.after], [' long long ', ' tail and ']);
		assert.ok(result.beforeTokens <= 12 && result.afterTokens <= 12);
	});
});

describe('Blank prompt', () => {
	it('writes the passage with [BLANK] inside a fence longer than any in the text', () => {
		const [system, user] = buildFillMessages({ before: 'x = ```a``` + ', after: ';', languageId: 'typescript' });
		assert.match(system.content, /FILL: /);
		assert.match(system.content, /ALTERNATIVE: /);
		assert.match(system.content, /EXPLANATION: /);
		assert.strictEqual(user.content, 'Passage (typescript):\n````\nx = ```a``` + [BLANK];\n````\nWhat belongs in [BLANK]?');
	});

	it('reveals the original only in the verdict turn, after the model answered', () => {
		const fill = buildFillMessages({ before: 'My favorite ', after: ' is blue', languageId: 'markdown' });
		assert.ok(!JSON.stringify(fill).includes('color'));
		const verdict = buildVerdictMessages({ before: 'My favorite ', after: ' is blue', languageId: 'markdown', original: 'color', answer: 'FILL: colour', guess: 'hue' });
		assert.deepStrictEqual(verdict.map((m) => m.role), ['system', 'user', 'assistant', 'user']);
		assert.match(verdict[3].content, /"color"/);
		assert.match(verdict[3].content, /GUESS_VERDICT/);
	});
});

describe('Blank answer parsing', () => {
	it('well-formed', () => {
		assert.deepStrictEqual(parseFillAnswer('FILL: color\nALTERNATIVE: food\nALTERNATIVE: song\nEXPLANATION: "is blue" points to a colour.\nIt is a category.'), {
			fill: 'color', alternatives: ['food', 'song'], explanation: '"is blue" points to a colour.\nIt is a category.', formatted: true,
		});
	});

	it('bent formats: bold labels, numbering, one-line alternatives, quotes, a code fence', () => {
		const text = '```\n1. **Fill:** "color"\n2. **Alternatives:** `food`, `song`, `hue`\n3. **Explanation:** both sides.\n```';
		assert.deepStrictEqual(parseFillAnswer(text), { fill: 'color', alternatives: ['food', 'song'], explanation: 'both sides.', formatted: true });
	});

	it('partial (streaming): what has arrived so far', () => {
		assert.deepStrictEqual(parseFillAnswer('FILL: col'), { fill: 'col', alternatives: [], explanation: '', formatted: true });
		assert.deepStrictEqual(parseFillAnswer('FILL: color\nALTERNATIVE: food\nEXPLANATION: "is bl'), { fill: 'color', alternatives: ['food'], explanation: '"is bl', formatted: true });
		assert.deepStrictEqual(parseFillAnswer(''), { alternatives: [], explanation: '', formatted: false });
	});

	it('broken: no labels at all falls back to the raw text', () => {
		assert.deepStrictEqual(parseFillAnswer('I think the answer is color, because of blue.'), { alternatives: [], explanation: 'I think the answer is color, because of blue.', formatted: false });
	});

	it('verdicts, with and without the learner\'s guess, and unlabelled', () => {
		assert.deepStrictEqual(parseVerdictAnswer('VERDICT: Equivalent.\nWHY: colour is the British spelling.\nGUESS_VERDICT: different\nGUESS_WHY: hue is narrower.'), {
			verdict: 'equivalent', why: 'colour is the British spelling.', guessVerdict: 'different', guessWhy: 'hue is narrower.', formatted: true,
		});
		assert.deepStrictEqual(parseVerdictAnswer('Same: the fill is the original.'), { verdict: 'same', why: 'Same: the fill is the original.', guessWhy: '', formatted: false });
	});
});

describe('Blank local verdict', () => {
	it('same, equivalent, different', () => {
		assert.deepStrictEqual([
			compareFill('color', 'color').verdict,
			compareFill('Color', 'color ').verdict,
			compareFill('the tokens', 'token').verdict,
			compareFill('LLM', 'large language model', (a, b) => a === 'LLM' && b === 'large language model').verdict,
			compareFill('color', 'food').verdict,
			compareFill('color', '').reason,
		], ['same', 'same', 'equivalent', 'equivalent', 'different', 'empty']);
	});
});

describe('Blank endpoints', () => {
	it('origins, local hosts, presets and secret keys', () => {
		assert.deepStrictEqual([
			originOf('http://localhost:11434/v1'),
			originOf('https://api.openai.com/v1/'),
			originOf('file:///etc/passwd'),
			originOf('not a url'),
			isLocalOrigin('http://127.0.0.1:8000'),
			isLocalOrigin('http://[::1]:8000'),
			isLocalOrigin('https://api.openai.com'),
			isLocalOrigin('http://localhost.evil.com'),
			presetFor('http://127.0.0.1:11434/v1')?.id,
			secretKeyFor('https://api.openai.com'),
		], ['http://localhost:11434', 'https://api.openai.com', undefined, undefined, true, true, false, false, 'ollama', 'aiNotes.apiKey:https://api.openai.com']);
	});
});

describe('Blank API keys', () => {
	function memorySecrets(): SecretStore & { map: Map<string, string> } {
		const map = new Map<string, string>();
		return {
			map,
			get: async (key) => map.get(key),
			store: async (key, value) => {
				map.set(key, value);
			},
			delete: async (key) => {
				map.delete(key);
			},
		};
	}

	it('a key belongs to one origin; OPENAI_API_KEY only to api.openai.com', async () => {
		const secrets = memorySecrets();
		const keys = new ApiKeyStore(secrets, { OPENAI_API_KEY: ' sk-env ' });
		await keys.set('http://localhost:11434', 'sk-local');
		assert.deepStrictEqual([
			await keys.get('http://localhost:11434'),
			await keys.get('http://localhost:1234'),
			await keys.get('https://api.openai.com'),
			await keys.get('https://evil.example.com'),
		], ['sk-local', undefined, 'sk-env', undefined]);
		assert.deepStrictEqual([...secrets.map.keys()], ['aiNotes.apiKey:http://localhost:11434']);
		assert.deepStrictEqual([await keys.clear('http://localhost:11434'), await keys.clear('http://localhost:11434')], [true, false]);
		assert.strictEqual(await keys.get('http://localhost:11434'), undefined);
	});
});
