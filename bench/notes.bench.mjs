// Notes index: how long indexing the user's notes takes, and what one changed file costs afterwards.
// Baselines, measured in the same run on the same generated notes:
//  - "full re-index": what an index without per-file updates would do on every change;
//  - "regex line scan": the cheapest possible heading scan (and a wrong one: it takes `# lines` inside
//    code fences and HTML blocks for headings and misses setext headings);
//  - "markdown-it full parse": parsing each note with every rule on, the obvious way to use markdown-it.
// Also one 10 MB note: total time, and the longest the event loop is blocked, sliced vs parsed in one go.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const NOTE_COUNT = 1000;
const NOTE_BYTES = 10_000;

/** A deterministic note of about `bytes` bytes with the structures real notes have. */
function generateNote(n, bytes) {
	const parts = [`# Note ${n}: study of topic ${n % 97}\n\nIntro paragraph with **bold**, \`code\` and a [link](note-${(n + 1) % NOTE_COUNT}.md#section-1).\n\n`];
	let section = 1;
	while (parts.join('').length < bytes) {
		parts.push(
			`## Section ${section}\n\nA paragraph about tokens, attention and sampling; it goes on for a while so the note has body text like a real one. `.repeat(1),
			`More words: prefill, decode, KV cache, temperature, top-p.\n\n`,
			`### Detail ${section}.1\n\n- a list item\n- another *item*\n\n`,
			'```python\n# a comment, not a heading\nprint("hello")\n```\n\n',
			`<!--\n# a commented-out heading\n-->\n\nSetext heading ${section}\n---\n\n`,
			`![diagram](../media/diagrams/attention.svg)\n\n`,
		);
		section++;
	}
	return parts.join('');
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs, fn) {
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn(i);
		samples.push(performance.now() - start);
	}
	return median(samples);
}

export default async function bench({ out }) {
	const require = createRequire(import.meta.url);
	const { NotesIndex } = require(join(out, 'src/core/notes/notesIndex.js'));
	const { extractHeadings, extractHeadingsSliced, SLICE_LENGTH } = require(join(out, 'src/core/notes/headings.js'));
	const { MemoryLogger } = require(join(out, 'src/core/logger.js'));
	const MarkdownIt = require('markdown-it');

	const encoder = new TextEncoder();
	const files = new Map();
	for (let i = 0; i < NOTE_COUNT; i++) {
		files.set(`mem:/notes/note-${i}.md`, encoder.encode(generateNote(i, NOTE_BYTES)));
	}
	const totalBytes = [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
	const mb = totalBytes / 1048576;
	const source = {
		list: async () => ({ keys: [...files.keys()] }),
		read: async (key) => files.get(key),
	};
	// No pauses between slices here: the bench measures work, not scheduling.
	const noYield = async () => undefined;
	const log = new MemoryLogger();

	const index = new NotesIndex(source, log, { yieldFn: noYield });
	await index.reload();
	const headingCount = index.notes.reduce((sum, note) => sum + note.headings.length, 0);
	// The three full passes run interleaved, round after round, so a noisy neighbour on a shared machine
	// slows all of them alike; each figure is the median of its rounds.
	const decoder = new TextDecoder();
	const fullParser = new MarkdownIt({ html: true });
	let regexCount = 0;
	const samples = { index: [], regex: [], full: [] };
	for (let round = 0; round < 7; round++) {
		let start = performance.now();
		await new NotesIndex(source, log, { yieldFn: noYield }).reload();
		samples.index.push(performance.now() - start);
		start = performance.now();
		regexCount = 0;
		for (const bytes of files.values()) {
			for (const line of decoder.decode(bytes).split('\n')) {
				if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
					regexCount++;
				}
			}
		}
		samples.regex.push(performance.now() - start);
		start = performance.now();
		for (const bytes of files.values()) {
			fullParser.parse(decoder.decode(bytes), {});
		}
		samples.full.push(performance.now() - start);
	}
	const fullIndex = median(samples.index);
	const regexScan = median(samples.regex);
	const fullParse = median(samples.full);

	// One file changes: its bytes are replaced, then the index is told about that one key.
	const keys = [...files.keys()];
	const update = await time(50, async (i) => {
		const key = keys[(i * 37) % keys.length];
		files.set(key, encoder.encode(generateNote(i + NOTE_COUNT, NOTE_BYTES)));
		await index.update(key);
	});

	const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
	const indexTable = {
		title: `Notes index: ${NOTE_COUNT.toLocaleString('en-US')} generated notes, ${mb.toFixed(1)} MB`,
		columns: ['what', 'median ms', 'MB/s', 'headings found', 'vs. full re-index'],
		rows: [
			['index from scratch (NotesIndex.reload: block parse + inline parse of headings only)', fullIndex, mb / (fullIndex / 1000), headingCount, '1.00×'],
			['update after one file changes (NotesIndex.update: one read, one parse)', update, '', '', `${(update / fullIndex).toFixed(4)}× (${(fullIndex / update).toFixed(0)}× faster)`],
			['baseline: full re-index on every change', fullIndex, mb / (fullIndex / 1000), headingCount, '1.00×'],
			['baseline: markdown-it full parse of every note (all rules on)', fullParse, mb / (fullParse / 1000), '', ratio(fullParse, fullIndex)],
			['baseline: regex line scan (not CommonMark)', regexScan, mb / (regexScan / 1000), regexCount, ratio(regexScan, fullIndex)],
		],
		note: `The regex scan is ${(fullIndex / regexScan).toFixed(1)}× faster than the index and finds ${regexCount - headingCount > 0 ? '+' : ''}${(regexCount - headingCount).toLocaleString('en-US')} headings more than there are: the \`# comments\` in code fences and HTML comments, while missing every setext heading. An update is ${(fullIndex / update).toFixed(0)}× cheaper than re-indexing everything.`,
	};

	// One 10 MB note, as a user might keep a giant log: sliced parse vs one blocking parse.
	let big = '';
	for (let i = 0; big.length < 10 * 1048576; i++) {
		big += generateNote(i, NOTE_BYTES);
	}
	// Every stretch of work between two pauses is one block of the event loop; the median shows the usual
	// slice, the maximum includes garbage collection and JIT pauses that land inside a slice.
	const blocks = [];
	const slicedTotal = await time(3, async () => {
		let last = performance.now();
		await extractHeadingsSliced(big, {
			yieldFn: async () => {
				blocks.push(performance.now() - last);
				await new Promise((resolve) => setImmediate(resolve));
				last = performance.now();
			},
		});
	});
	const oneGo = await time(3, () => extractHeadings(big));
	const bigTable = {
		title: `One ${(big.length / 1048576).toFixed(1)} MB note`,
		columns: ['what', 'total ms', 'median block of the event loop, ms', 'longest block, ms', 'vs. one go'],
		rows: [
			[`sliced heading extraction (${SLICE_LENGTH / 1024} KB slices, yields between)`, slicedTotal, median(blocks), Math.max(...blocks), ratio(slicedTotal, oneGo)],
			['baseline: the same extraction in one go', oneGo, oneGo, oneGo, '1.00×'],
		],
		note: 'While a big note is indexed, hovers, typing and the token counter keep running between slices instead of waiting for the whole file.',
	};
	return [indexTable, bigTable];
}
