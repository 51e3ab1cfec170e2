// Explain this blank: the builtin model's time to answer over the whole notes corpus (cold and warm) and its
// accuracy on blanks cut from the notes, against a naive unsmoothed unigram scorer; and the client's own
// overhead before the first request byte reaches a model server, against a bare node:http request.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function p95(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

/** The baseline: every word of the corpus scored by its count alone, no context, no smoothing. */
function unigramBaseline(tokenize, notes) {
	const counts = new Map();
	for (const note of notes) {
		for (const word of tokenize(note.text)) {
			counts.set(word, (counts.get(word) ?? 0) + 1);
		}
	}
	return {
		predict() {
			let best = '';
			let bestCount = -1;
			for (const [word, n] of counts) {
				if (n > bestCount || (n === bestCount && word < best)) {
					best = word;
					bestCount = n;
				}
			}
			return best;
		},
	};
}

/**
 * Blanks cut from the notes: every 7th sentence of 8+ words, its longest word of 6+ letters hidden. The
 * builtin model answers with that note left out of its corpus (documentId), so it cannot read the answer.
 */
function heldOutBlanks(notes, proseWords) {
	const blanks = [];
	for (const note of notes) {
		const sentences = note.text.replace(/\n(?!\n)/g, ' ').split(/(?<=[.!?])\s+/).filter((s) => !/^#|^\s*[-*|!]/.test(s));
		sentences.forEach((sentence, i) => {
			const words = proseWords(sentence);
			if (i % 7 !== 0 || words.length < 8) {
				return;
			}
			const target = [...words].sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
			const match = new RegExp(`\\b${target}\\b`, 'i').exec(sentence);
			if (!match || target.length < 6) {
				return;
			}
			blanks.push({ noteId: note.id, before: sentence.slice(0, match.index), after: sentence.slice(match.index + target.length), answer: target });
		});
	}
	return blanks;
}

export default async function bench(ctx) {
	const require = createRequire(import.meta.url);
	const { BuiltinModel } = require(join(ctx.out, 'src/core/blank/builtin/model.js'));
	const { proseWords, markdownToText } = require(join(ctx.out, 'src/core/blank/builtin/tokenize.js'));
	const { streamChat } = require(join(ctx.out, 'src/core/blank/client.js'));
	const { buildFillMessages } = require(join(ctx.out, 'src/core/blank/prompt.js'));
	const { budgetContext } = require(join(ctx.out, 'src/core/blank/budget.js'));
	const { loadCounter } = require(join(ctx.out, 'src/core/tokens/index.js'));
	const { FakeOpenAIServer } = require(join(ctx.out, 'test/support/fakeOpenAIServer.js'));

	const notesDir = join(ctx.root, 'notes');
	const readNotes = () => readdirSync(notesDir).filter((f) => f.endsWith('.md')).sort()
		.map((f) => ({ id: f, title: f, format: 'markdown', text: readFileSync(join(notesDir, f), 'utf8') }));
	const notes = readNotes();
	const corpusWords = notes.reduce((n, d) => n + proseWords(markdownToText(d.text)).length, 0);
	const queries = [
		{ name: 'prose: "My favorite __ is blue"', input: { before: 'My favorite ', after: ' is blue.', languageId: 'markdown' } },
		{ name: 'prose: "the __ step processes the input tokens in parallel"', input: { before: 'During inference, the ', after: ' step processes the input tokens in parallel.', languageId: 'markdown' } },
		{ name: 'code: `i < items.__; i++`', input: { before: 'for (let i = 0; i < items.', after: '; i++) {\n\ttotal += items[i];\n}\n', languageId: 'typescript' } },
	];

	// Cold: read the notes, count them, answer once. Each run a fresh model.
	const cold = [];
	const coldBaseline = [];
	for (let i = 0; i < 7; i++) {
		let t = performance.now();
		const model = new BuiltinModel(readNotes());
		model.predict(queries[0].input);
		cold.push(performance.now() - t);
		t = performance.now();
		unigramBaseline((text) => proseWords(markdownToText(text)), readNotes()).predict();
		coldBaseline.push(performance.now() - t);
	}
	const model = new BuiltinModel(notes);
	model.predict(queries[0].input);
	const baseline = unigramBaseline((text) => proseWords(markdownToText(text)), notes);
	const rows = [
		['cold: read + count the notes + first answer', median(cold), p95(cold), median(coldBaseline), median(cold) / median(coldBaseline)],
	];
	for (const query of queries) {
		const warm = [];
		const warmBaseline = [];
		for (let i = 0; i < 30; i++) {
			let t = performance.now();
			model.predict(query.input);
			warm.push(performance.now() - t);
			t = performance.now();
			baseline.predict();
			warmBaseline.push(performance.now() - t);
		}
		rows.push([`warm: ${query.name} → ${model.predict(query.input).candidates[0]?.text ?? '(none)'}`, median(warm), p95(warm), median(warmBaseline), median(warm) / median(warmBaseline)]);
	}

	// Accuracy on held-out blanks.
	const blanks = heldOutBlanks(notes, proseWords);
	let top1 = 0;
	let top3 = 0;
	let baselineTop1 = 0;
	const answerTimes = [];
	for (const blank of blanks) {
		const t = performance.now();
		const prediction = model.predict({ before: blank.before, after: blank.after, languageId: 'plaintext', documentId: blank.noteId });
		answerTimes.push(performance.now() - t);
		const texts = prediction.candidates.map((c) => c.text.toLowerCase());
		top1 += texts[0] === blank.answer ? 1 : 0;
		top3 += texts.includes(blank.answer) ? 1 : 0;
		baselineTop1 += baseline.predict() === blank.answer ? 1 : 0;
	}

	// Overhead before the first request byte.
	const server = await FakeOpenAIServer.start();
	const counter = await loadCounter('o200k_base');
	const longBefore = notes.map((n) => n.text).join('\n').slice(0, 40_000) + '\nMy favorite ';
	const longAfter = ' is blue.\n' + notes.map((n) => n.text).join('\n').slice(0, 40_000);
	const body = JSON.stringify({ model: 'fake-model', stream: true, messages: buildFillMessages({ before: 'My favorite ', after: ' is blue', languageId: 'markdown' }) });
	const viaClient = [];
	const withBudget = [];
	const bare = [];
	for (let i = 0; i < 25; i++) {
		let before = server.requests.length;
		let t = performance.now();
		await streamChat({ baseUrl: server.baseUrl, model: 'fake-model' }, buildFillMessages({ before: 'My favorite ', after: ' is blue', languageId: 'markdown' }));
		viaClient.push(server.requests[before].arrivedAt - t);

		before = server.requests.length;
		t = performance.now();
		const context = budgetContext(longBefore, longAfter, 1500, (s) => counter.count(s));
		await streamChat({ baseUrl: server.baseUrl, model: 'fake-model' }, buildFillMessages({ before: context.before, after: context.after, languageId: 'markdown' }));
		withBudget.push(server.requests[before].arrivedAt - t);

		before = server.requests.length;
		t = performance.now();
		await new Promise((resolve, reject) => {
			const req = http.request(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
				res.resume();
				res.on('end', resolve);
			});
			req.on('error', reject);
			req.end(body);
		});
		bare.push(server.requests[before].arrivedAt - t);
	}
	await server.close();

	// The first question of a session also loads the core modules and the o200k merge file the extension ships
	// (dist/ranks): measured in fresh processes, from the first require to the arrival of the request at the server.
	const coldScript = `
		const { FakeOpenAIServer } = require(${JSON.stringify(join(ctx.out, 'test/support/fakeOpenAIServer.js'))});
		FakeOpenAIServer.start().then(async (server) => {
			const t = performance.now();
			const counter = require(${JSON.stringify(join(ctx.root, 'bench/shippedCounter.cjs'))})(${JSON.stringify({ out: ctx.out, dist: ctx.dist })}, 'o200k_base');
			const { budgetContext } = require(${JSON.stringify(join(ctx.out, 'src/core/blank/budget.js'))});
			const { buildFillMessages } = require(${JSON.stringify(join(ctx.out, 'src/core/blank/prompt.js'))});
			const { streamChat } = require(${JSON.stringify(join(ctx.out, 'src/core/blank/client.js'))});
			const context = budgetContext('My favorite ', ' is blue.', 1500, (s) => counter.count(s));
			await streamChat({ baseUrl: server.baseUrl, model: 'fake-model' }, buildFillMessages({ before: context.before, after: context.after, languageId: 'markdown' }));
			process.stdout.write(String(server.requests[0].arrivedAt - t));
			await server.close();
		});`;
	const coldFirst = [];
	for (let i = 0; i < 5; i++) {
		coldFirst.push(Number(execFileSync(process.execPath, ['-e', coldScript], { encoding: 'utf8' })));
	}

	return [
		{
			title: 'Explain this blank: builtin model time to answer (ms), whole notes corpus',
			columns: ['case', 'builtin median', 'builtin p95', 'baseline median', 'ratio'],
			rows,
			note: `Corpus: ${notes.length} bundled notes, ${corpusWords.toLocaleString('en-US')} words. Baseline: a naive unsmoothed unigram scorer (the most frequent word, no context), same corpus, same run. The builtin model does far more work per answer (interpolated trigram counts read in both directions over up to a few thousand candidates) and still answers in milliseconds.`,
		},
		{
			title: 'Explain this blank: accuracy on blanks cut from the notes (each note left out of the corpus)',
			columns: ['model', 'blanks', 'top-1', 'top-3', 'median ms per answer'],
			rows: [
				['builtin n-gram model', blanks.length, `${((top1 / blanks.length) * 100).toFixed(0)}%`, `${((top3 / blanks.length) * 100).toFixed(0)}%`, median(answerTimes)],
				['baseline: unsmoothed unigram', blanks.length, `${((baselineTop1 / blanks.length) * 100).toFixed(0)}%`, '—', '—'],
			],
			note: 'Every 7th sentence of 8+ words, its longest word hidden; the note it comes from is excluded from the counts, so the answer must come from the other notes.',
		},
		{
			title: 'Explain this blank: overhead before the first request byte reaches the server (ms)',
			columns: ['path', 'median', 'p95', 'ratio vs bare node:http'],
			rows: [
				['baseline: bare node:http POST of the same body', median(bare), p95(bare), 1],
				['openai client (createClient + streamChat), short context', median(viaClient), p95(viaClient), median(viaClient) / median(bare)],
				['context budget (2 × 1,500 tokens of 40 kB each side, o200k) + prompt + client', median(withBudget), p95(withBudget), median(withBudget) / median(bare)],
				['first question in a fresh process: require core + load the o200k merge file + budget + prompt + client', median(coldFirst), Math.max(...coldFirst), median(coldFirst) / median(bare)],
			],
			note: 'Fake OpenAI-compatible server on 127.0.0.1 in the same process; time from the call to the arrival of the request headers at the server. 25 runs each (the fresh-process row: 5 runs, max instead of p95), keep-alive as each client does by default.',
		},
	];
}
