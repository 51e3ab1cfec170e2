// Generates the token counter's test and bench corpus into test/corpus/tokens/ (git-ignored).
// Deterministic: a fixed-seed PRNG, and the only outside input is the installed TypeScript compiler's
// source (its version is pinned by package-lock.json). Usage: node scripts/gen-token-corpus.mjs [outDir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'test', 'corpus', 'tokens'));
const require = createRequire(import.meta.url);

let seed = 0x2545f491;
/** xorshift32: the same corpus on every machine. */
function random() {
	seed ^= seed << 13;
	seed >>>= 0;
	seed ^= seed >>> 17;
	seed ^= seed << 5;
	seed >>>= 0;
	return seed / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const chars = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

function fill(size, make) {
	const parts = [];
	let n = 0;
	while (n < size) {
		const s = make();
		parts.push(s);
		n += s.length;
	}
	return parts.join('').slice(0, size);
}

const WORDS = ('the of and to a in is it you that he was for on are with as I his they be at one have this from or had by ' +
	'word but what some we can out other were all there when up use your how said an each she which do their time if will way ' +
	'about many then them write would like so these her long make thing see him two has look more day could go come did number ' +
	'sound no most people my over know water than call first who may down side been now find any new work part take get place ' +
	'made live where after back little only round man year came show every good me give our under name very through just form ' +
	'sentence great think say help low line differ turn cause much mean before move right boy old too same tell does set three ' +
	'want air well also play small end put home read hand port large spell add even land here must big high such follow act why ' +
	'ask men change went light kind off need house picture try us again animal point mother world near build self earth father ' +
	'model token tokens attention transformer inference training parameters embedding prefill decode sampling probability ' +
	'self-supervision autoregressive masked language compute latency throughput gradient dataset benchmark engineering ' +
	"don't it's we're they've I'm you'll she'd can't won't isn't").split(' ');

function prose() {
	const sentence = () => {
		const n = int(5, 24);
		const words = [];
		for (let i = 0; i < n; i++) {
			let w = pick(WORDS);
			if (random() < 0.03) {
				w = String(int(1, 2030));
			}
			if (random() < 0.04 && i < n - 1) {
				w += ',';
			}
			words.push(w);
		}
		words[0] = words[0][0].toUpperCase() + words[0].slice(1);
		if (random() < 0.05) {
			words[1] = `"${words[1]}"`;
		}
		if (random() < 0.03) {
			words[2] = `(${words[2]})`;
		}
		return words.join(' ') + pick(['.', '.', '.', '.', '?', '!', ':', ';']);
	};
	const paragraph = () => {
		const text = Array.from({ length: int(2, 9) }, sentence).join(' ');
		// Wrap at ~80 columns like hand-written markdown.
		return text.replace(/(.{60,80})( )/g, '$1\n');
	};
	return fill(1 << 20, () => (random() < 0.1 ? '## ' + sentence().slice(0, -1) + '\n\n' : paragraph() + '\n\n'));
}

function emojiLine(count) {
	const base = [...chars(0x1f600, 0x1f64f), ...chars(0x1f300, 0x1f3ff).slice(0, 120), '❤️', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇩🇪', '🇯🇵'];
	return Array.from({ length: count }, () => pick(base)).join('');
}

function code() {
	const ts = readFileSync(path.join(path.dirname(require.resolve('typescript')), 'typescript.js'), 'utf8');
	const body = ts.slice(0, 1 << 20);
	const cut = body.indexOf('\n', body.length >> 1);
	// One real-world shape: a test file with a single line of 13,058 emoji.
	return body.slice(0, cut) + `\nconst EMOJI = '${emojiLine(13058)}';\n` + body.slice(cut + 1);
}

function emoji() {
	return fill(256 * 1024, () => emojiLine(int(1, 40)) + pick([' ', ' ', '\n', ' and ', ', ', '!! ']));
}

function combining() {
	const marks = chars(0x300, 0x36f);
	const letters = [...'aeiouxyzAEIOU', ...chars(0x3b1, 0x3c9), ...chars(0x430, 0x44f)];
	return fill(256 * 1024, () => {
		let w = '';
		for (let i = int(1, 9); i > 0; i--) {
			w += pick(letters);
			for (let k = random() < 0.2 ? int(1, 12) : int(0, 1); k > 0; k--) {
				w += pick(marks);
			}
		}
		return w + pick([' ', ' ', ' ', '\n', '. ']);
	});
}

function script(consonants, signs, punctuation, wordLength) {
	return fill(256 * 1024, () => {
		let w = '';
		for (let i = int(1, wordLength); i > 0; i--) {
			w += pick(consonants);
			if (random() < 0.6) {
				w += pick(signs);
			}
		}
		return w + (random() < 0.1 ? pick(punctuation) : ' ');
	});
}

const hindi = () => script(chars(0x915, 0x939), [...chars(0x93e, 0x94c), '\u094d', '\u0902', '\u0901'], ['। ', ', ', '\n', '? '], 4);
const burmese = () => script(chars(0x1000, 0x1021), [...chars(0x102b, 0x1032), '\u1039', '\u103a', '\u103b', '\u103c', '\u1036', '\u1037', '\u1038'], ['။ ', '၊ ', '\n'], 5);
const arabic = () => script(chars(0x627, 0x64a), ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', 'ا', 'ل'], ['، ', '. ', '؟ ', '\n'], 6);
const chinese = () => fill(256 * 1024, () => {
	let s = '';
	for (let i = int(4, 30); i > 0; i--) {
		s += String.fromCodePoint(int(0x4e00, 0x62ff));
	}
	return s + pick(['，', '。', '、', '？', '！', '\n', '：“', '”']);
});

const SPECIALS = ['<|endoftext|>', '<|fim_prefix|>', '<|fim_middle|>', '<|fim_suffix|>', '<|endofprompt|>', '<|im_start|>', '<|im_end|>'];
function edge() {
	const bits = ['\uFEFF', '\0', '\u0085', '\u00a0', '\u2028', '\u3000', '\ud800', '\udc00', '\udbff', '\ud83d', '\r\n', '\n\n\n', '  \n ',
		'\t\t', ' ', '   ', "'s", "'LL", "'Re", 'x\u0301', 'ǅ', 'ʰ', '\u{323B0}', '\u{31350}', '\u{1F600}', '\u{E0100}', '٣', 'Ⅻ',
		'12345', '3.14159', '/', '//', '/*', '\n/', '+\n/', '<', '>', ...SPECIALS, 'Hello', 'WORLD', 'camelCase', 'ÀÉÎ', 'ß', 'ﬁ'];
	return fill(128 * 1024, () => pick(bits));
}

function specials() {
	return fill(64 * 1024, () => pick(SPECIALS) + pick([' ', '', '\n', 'text ', 'x']));
}

function longLine() {
	// A 1 MB minified-JSON-like single line.
	return fill(1 << 20, () => `{"id":${int(0, 1e6)},"name":"${pick(WORDS)}_${pick(WORDS)}","tags":["${pick(WORDS)}","${pick(WORDS)}"],"score":${random().toFixed(4)}},`);
}

function base64() {
	const bytes = Buffer.alloc(786432);
	for (let i = 0; i < bytes.length; i++) {
		bytes[i] = Math.floor(random() * 256);
	}
	return bytes.toString('base64');
}

const files = {
	'prose.txt': prose,
	'code.txt': code,
	'emoji.txt': emoji,
	'combining.txt': combining,
	'hindi.txt': hindi,
	'burmese.txt': burmese,
	'chinese.txt': chinese,
	'arabic.txt': arabic,
	'edge.txt': edge,
	'specials.txt': specials,
	'long-line.txt': longLine,
	'base64-line.txt': base64,
	'repeat-a-1m.txt': () => 'a'.repeat(1_000_000),
	'spaces-100k.txt': () => ' '.repeat(100_000),
};

mkdirSync(outDir, { recursive: true });
for (const [name, make] of Object.entries(files)) {
	const text = make();
	// Lone surrogates cannot be stored in UTF-8, so every file is UTF-16LE with no BOM.
	writeFileSync(path.join(outDir, name), Buffer.from(text, 'utf16le'));
}
writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(Object.keys(files), null, '\t') + '\n');
console.log(`token corpus: ${Object.keys(files).length} files in ${path.relative(process.cwd(), outDir) || '.'}`);
