import * as assert from 'assert';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { BpeCounter, ENCODINGS, loadBpeCounter, type EncodingName } from '../../../src/core/tokens';
import { RankTable } from '../../../src/core/tokens/rankTable';
import { ReferenceMerge } from './referenceMerge';
import { corpusFiles, fuzzText, readCorpus, seeded } from './corpus';

/** The reference: OpenAI's tiktoken (Rust core compiled to WebAssembly), ordinary-text mode. */
const references = new Map<EncodingName, Tiktoken>();
function reference(encoding: EncodingName): Tiktoken {
	let ref = references.get(encoding);
	if (!ref) {
		ref = get_encoding(encoding);
		references.set(encoding, ref);
	}
	return ref;
}
const refEncode = (encoding: EncodingName, text: string): number[] => Array.from(reference(encoding).encode_ordinary(text));

const EDGE_CASES = [
	'', 'a', ' ', '\n', 'hello world', 'Hello, World!', '  \u0085', '\u0085', 'a\u0085b', '\ufeff', '\ufeffhello', ' \ufeff ',
	'\0', 'a\0b', '\0\0\0', '\ud800', 'x\ud800y', '\udc00x', '\ud83d', '\ud83d\ude00', '😀😀😀', '👨‍👩‍👧‍👦', '🇩🇪🇯🇵',
	'\u{323B0}\u{323B1}abc', 'a\u{31350}b', 'ǅungla', 'ʰello', 'x\u0301\u0302\u0303', '\u0301\u0301', 'A\u0301B', '中B', '中Bc',
	'<|endoftext|>', 'a<|endoftext|>b', '<|fim_prefix|><|fim_middle|><|fim_suffix|>', '<|endofprompt|>', '<|im_start|>',
	"don't", "DON'T", "it's", "'s", "'LL", "'Re", "we'VE", "x'd", "'", "''s", "a'llb",
	'\r\n', '\r\n\r\n', ' \n ', '  \n\n  x', '\t\tx', '    def f():\n        return 1\n', '+\n/', 'x\n//', '//\n/ x',
	'12345678', '٣٤٥', 'Ⅻ', '3.14159', '1,000,000', 'a  b', 'a   b', 'a \u00a0b', '\u3000x', '\u2028\u2029', '\u000b\u000c',
	'नमस्ते दुनिया', 'မင်္ဂလာပါ', '你好，世界。', 'مرحبا بالعالم', 'Привет мир', 'ﬁne', 'ß', 'İstanbul', 'ΣΊΣΥΦΟΣ',
	'a'.repeat(100), ' '.repeat(100), '\n'.repeat(50), '😀'.repeat(50), 'ab'.repeat(3000), ' '.repeat(5000) + 'x',
];

describe('Tokens exactness', () => {
	for (const encoding of ENCODINGS) {
		it(`${encoding}: hand-made edge cases encode exactly as tiktoken`, async () => {
			const counter = await loadBpeCounter(encoding);
			for (const text of EDGE_CASES) {
				const expected = refEncode(encoding, text);
				assert.deepStrictEqual(counter.encode(text), expected, JSON.stringify(text));
				assert.strictEqual(counter.count(text), expected.length, JSON.stringify(text));
			}
		});
	}

	it('NEL and BOM follow tiktoken, not JavaScript\'s \\s (hand-checked ids)', async () => {
		const counter = await loadBpeCounter('o200k_base');
		// From the research notes: JS RegExp splitting gives [220, 2188, 227].
		assert.deepStrictEqual(counter.encode('  \u0085'), [256, 126, 227]);
	});

	for (const encoding of ENCODINGS) {
		it(`${encoding}: generated corpus counts equal tiktoken's`, async function () {
			this.timeout(120_000);
			const counter = await loadBpeCounter(encoding);
			for (const name of corpusFiles()) {
				if (name === 'repeat-a-1m.txt') {
					continue; // tiktoken's regex overflows on it; see the long-run tests below
				}
				const text = readCorpus(name);
				// 100,000 spaces is quadratic for the reference (seconds); the shorter encodings share a pattern.
				const sample = name === 'spaces-100k.txt' && encoding !== 'o200k_base' ? text.slice(0, 20_000) : text;
				assert.strictEqual(counter.count(sample), reference(encoding).encode_ordinary(sample).length, `${encoding} ${name}`);
			}
		});
	}

	it('token ids on the small corpus files equal tiktoken\'s', async function () {
		this.timeout(60_000);
		for (const encoding of ENCODINGS) {
			const counter = await loadBpeCounter(encoding);
			for (const name of ['edge.txt', 'specials.txt', 'emoji.txt', 'combining.txt']) {
				const text = readCorpus(name);
				assert.deepStrictEqual(counter.encode(text), refEncode(encoding, text), `${encoding} ${name}`);
			}
		}
	});

	it('long unbroken runs: same ids as tiktoken up to 30,000 characters', async function () {
		this.timeout(60_000);
		for (const encoding of ENCODINGS) {
			const counter = await loadBpeCounter(encoding);
			// Long pieces, where a merge loop is quadratic and the encoder's backtracking must stay linear.
			for (const text of ['a'.repeat(30_000), 'ab'.repeat(2_500), '中'.repeat(2_000), ' '.repeat(9_000), 'xyzzy'.repeat(1_000), '0'.repeat(6_000)]) {
				assert.deepStrictEqual(counter.encode(text), refEncode(encoding, text), `${encoding} ${text.slice(0, 5)} x ${text.length}`);
			}
		}
	});

	it('1,000,000 repeated characters: same ids as a plain merge loop, and the ids spell the text', async function () {
		// tiktoken itself cannot be the reference here: its regex overflows ("unreachable" in WASM). The
		// reference is tiktoken's merge rule written plainly in the test (referenceMerge.ts).
		this.timeout(120_000);
		const counter = await loadBpeCounter('o200k_base');
		const reference = new ReferenceMerge(counter.table);
		for (const text of ['a'.repeat(1_000_000), 'ab'.repeat(200_000)]) {
			const ids = counter.encode(text);
			assert.deepStrictEqual(ids, reference.encode(new Uint8Array(Buffer.from(text, 'latin1'))), text.slice(0, 4));
			assert.strictEqual(counter.count(text), ids.length);
			assert.strictEqual(Buffer.concat(ids.map((t) => counter.table.tokenBytes(t))).toString('latin1'), text);
		}
	});

	it('differential fuzz against tiktoken (fixed seed)', async function () {
		this.timeout(120_000);
		const random = seeded(20261128);
		const alphabet = ['a', 'B', 'é', 'É', '中', 'ǅ', 'ʰ', '\u0301', '\u0903', '1', '٣', 'Ⅻ', ' ', ' ', '\t', '\n', '\r', '\u00a0',
			'\u2028', '\u0085', '\ufeff', '\0', "'", 's', 't', 're', 'LL', '/', '+', '.', '😀', '\ud800', '\udc00', '\ud83c', 'x', 'Z',
			"'S", "'ll", '\u3000', 'ß', 'Σ', '_', '-', '<|endoftext|>', 'the', ' the', 'ing', '    ', '\u{323B0}', 'नम', 'မ', 'ا'];
		for (const encoding of ENCODINGS) {
			const counter = await loadBpeCounter(encoding);
			for (let i = 0; i < 10_000; i++) {
				const text = fuzzText(random, alphabet, i % 50 === 0 ? 300 : 16);
				assert.deepStrictEqual(counter.encode(text), refEncode(encoding, text), `${encoding} ${JSON.stringify(text)}`);
			}
		}
	});

	it('differential fuzz of counts on ASCII-heavy text: base64, hex, code, control characters (fixed seed)', async function () {
		this.timeout(120_000);
		const random = seeded(20261202);
		// ASCII of every class (DEL and control characters included), runs that make pieces of three to eight
		// bytes, and a few characters beyond ASCII that can extend an ASCII piece (a mark, a digit, letters).
		const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
		const alphabet = [...ascii, ...'+/=09azAZ_-.()[]{};:\'"<>!?#$%&*@^`|~ \t\n\r', 'Qx', 'kLm', 'ab3', '0x1F', 'ing', ' the', '\u0301', '\u0663', 'é', '中', '\u00a0'];
		for (const encoding of ENCODINGS) {
			const counter = await loadBpeCounter(encoding);
			for (let i = 0; i < 20_000; i++) {
				const text = fuzzText(random, alphabet, i % 50 === 0 ? 200 : 24);
				assert.strictEqual(counter.count(text), reference(encoding).encode_ordinary(text).length, `${encoding} ${JSON.stringify(text)}`);
			}
		}
	});

	it('o200k_base: dense text (base64, hex, minified JSON) with a few other characters, whole and in random parts', async function () {
		// Dense text is counted by runs of o200k's pieces (`DenseRuns.count` in denseRuns.ts): texts long enough for several
		// blocks (4,096 units) and runs (1,024), with what ends a run (a contraction, two spaces, a line break, a code
		// unit beyond ASCII) now and then, and parts that start and end anywhere.
		this.timeout(120_000);
		const random = seeded(20261203);
		const dense = [...'+/=09azAZ_-.,:{}[]"<>|!#', 'Zm9v', 'YmFy', '0x1F', 'ab3', 'QxK', 'deadbeef', '{"id":', 'information'];
		const rare = [' ', '  ', '\n', '\r\n', '\'s', '\'RE', '\'', '\t', 'é', '中', '\u0301', 'x'.repeat(1500)];
		const counter = await loadBpeCounter('o200k_base');
		for (let t = 0; t < 60; t++) {
			const length = 1 + random(12_000);
			const oneIn = 2 + random(60);
			let text = '';
			while (text.length < length) {
				const pool = random(oneIn) === 0 ? rare : dense;
				text += pool[random(pool.length)];
			}
			for (let r = 0; r < 6; r++) {
				const start = r === 0 ? 0 : random(text.length);
				const end = r === 0 ? text.length : start + random(text.length - start + 1);
				const part = text.slice(start, end);
				assert.strictEqual(counter.count(part), reference('o200k_base').encode_ordinary(part).length, `text ${t} [${start}, ${end})`);
			}
		}
	});

	for (const encoding of ENCODINGS) {
		it(`${encoding}: every token's split is the last merge of tiktoken's rule on its bytes, and every token encodes to itself`, async function () {
			// The encoder's pair check relies on this (see `compatible` in bpeIndex.ts): a token's own bytes
			// merge into it in rising rank, the last merge joining `left` and `right`.
			this.timeout(120_000);
			const { table } = await loadBpeCounter(encoding);
			const reference = new ReferenceMerge(table);
			let checked = 0;
			for (let t = 0; t < table.size; t++) {
				if (table.tokenLength(t) < 2) {
					assert.ok(table.left[t] === t && table.right[t] === t, `${encoding} ${t}`);
					continue;
				}
				let last: [number, number] | undefined;
				let rising = true;
				let previous = -1;
				const ids = reference.encode(table.tokenBytes(t), (l, r, merged) => {
					last = [l, r];
					rising = rising && merged >= previous;
					previous = merged;
				});
				assert.deepStrictEqual(ids, [t], `${encoding}: token ${t} encodes to itself`);
				assert.ok(rising, `${encoding}: token ${t} is made by merges of rising (never falling) rank`);
				assert.deepStrictEqual([table.left[t], table.right[t]], last, `${encoding}: split of token ${t}`);
				checked++;
			}
			assert.ok(checked > 0.99 * (table.size - 256), `${encoding}: ${checked} tokens checked`);
		});
	}

	it('the merge file (shipped in the .vsix) gives back the same vocabulary', async function () {
		this.timeout(60_000);
		for (const encoding of ENCODINGS) {
			const { table } = await loadBpeCounter(encoding);
			const file = table.toMergeFile();
			const back = RankTable.fromMergeFile(file);
			for (const key of ['pool', 'start', 'left', 'right'] as const) {
				assert.ok(Buffer.from(back[key].buffer, back[key].byteOffset, back[key].byteLength)
					.equals(Buffer.from(table[key].buffer, table[key].byteOffset, table[key].byteLength)), `${encoding} ${key}`);
			}
			const counter = new BpeCounter(encoding, back);
			const text = readCorpus('edge.txt').slice(0, 20_000);
			assert.deepStrictEqual(counter.encode(text), refEncode(encoding, text), encoding);
			// It is half the size of js-tiktoken's rank file or less.
			const { default: original } = encoding === 'o200k_base' ? await import('js-tiktoken/ranks/o200k_base') : await import('js-tiktoken/ranks/r50k_base');
			if (encoding === 'o200k_base' || encoding === 'r50k_base') {
				assert.ok(file.merges.length < original.bpe_ranks.length * 0.55, `${encoding}: ${file.merges.length} vs ${original.bpe_ranks.length}`);
			}
		}
	});

	it('a damaged merge file or an unsupported vocabulary is refused with a reason', async () => {
		const { table } = await loadBpeCounter('r50k_base');
		const { merges } = table.toMergeFile();
		assert.throws(() => RankTable.fromMergeFile({ merges: merges.slice(0, merges.length >> 1) }), /truncated|trailing/);
		assert.throws(() => RankTable.fromMergeFile({ merges: 'AAAA' + merges.slice(4) }), /not a merge file/);
		assert.throws(() => RankTable.fromMergeFile({ merges: merges.replace(/[A-Za-z0-9+/]/, '*') }), /not base64/);
		// Bytes, then "abc" (257) before "bc" (300): "abc" can only be made from "bc", a later merge.
		const bytes = Array.from({ length: 256 }, (_, b) => Buffer.from([b]).toString('base64')).join(' ');
		const file = { pat_str: '', special_tokens: {}, bpe_ranks: `! 0 ${bytes}\n! 257 ${Buffer.from('abc').toString('base64')}\n! 300 ${Buffer.from('bc').toString('base64')}` };
		assert.throws(() => RankTable.fromRankFile(file), /unsupported vocabulary: token 257/);
		assert.throws(() => RankTable.fromRankFile({ ...file, bpe_ranks: '! 0 QQ== Qg==' }), /no token for byte/);
		assert.throws(() => RankTable.fromRankFile({ ...file, bpe_ranks: '! x QQ==' }), /malformed/);
	});

	it('a counter built directly matches the shared one', async () => {
		const shared = await loadBpeCounter('cl100k_base');
		const own = new BpeCounter('cl100k_base', shared.table);
		assert.strictEqual(own.count('some text, 123 <|endoftext|>'), shared.count('some text, 123 <|endoftext|>'));
	});
});
