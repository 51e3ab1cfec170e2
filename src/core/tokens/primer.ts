// Priming: what a counter counts when it loads (`prime`, called by `BpeCounter`'s constructor), so that V8 optimises
// the counting code having seen every branch of it. priming.test.ts checks, with V8's block coverage, that none is missed.

/**
 * Text that takes every branch of the pre-tokenizers and of the encoder (backtracking included): contractions in both
 * cases (and near misses), camel case, marks, digits (astral ones too), punctuation runs with line breaks and `/`,
 * odd spaces (U+0085, U+3000, BOM), emoji, astral letters, lone surrogates, letters and punctuation beyond ASCII that
 * start a piece, scripts whose words are not single tokens, base64 and hex (short ASCII pieces of several tokens),
 * ASCII words of 9 to 12 bytes that are a token or hold one of more than 8 bytes, pieces too long for the short cache
 * and one too long to cache at all, and parts between cuts (`cuts.ts`) of every kind. `primingCoverage.ts` in the unit
 * tests checks, with V8's block coverage, that loading a counter runs every block of the counting code.
 */
export const PRIMER = 'Hello WORLD camelCase HTTPServer iPhone I\'m don\'t WE\'LL we\'ll they\'re \'Ve \'S \'d don\'ry we\'lx x\u0301 \u00df \u01c5 ' +
	'\u02b0 \u216b \u0663 12345 3.14159 7\u0663 \ud835\udfd9\ud835\udfda \t\t  \r\n\n\n  // /* +\n/ </a>\r\n<|endoftext|> ' +
	'x\u2014\u2014/\r\n x+ab\u00e9 1x\u00c9. a\ud83d\ude00 \ud83d\ude00\ud83d\udc4d A\ud835\udc1a\ud835\udc1b ' +
	'\ud884\udf50 \ud800 \udc00x \ufeff \u0085 \u3000 \u00a0\u2028 x\u30007 \u4e2d\u6587\u5b57\u7b26\u4e32 ' +
	'\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0939\u093f\u0928\u094d\u0926\u0940 ' +
	'\u1019\u103c\u1014\u103a\u1019\u102c a\u03b9a\u043ea\u58eb !\ud800 \u0000 1A\ud835\udc1a 1A\ud835\udc00 A\ud835\udc00 \u0627A \u3000\ud800 \u0663\ud835\udfd9 1\u0627A \u0627Ab \u0627A\ud835\udc00b \u0627A\ud835\udc1a \u0000\ud83d\ude00 \t\u0001 A\u0001 1A\u0001 1\ud83d\ude00\u0001 \ud835\udc00\u0627A \ud835\udc1a\'s \ud83d\ude00\n/ aGVsbG8gd29y+/Zm9vYmFy== 0x1F3A_b9 internationalization characteristically information unprocessed miscounted ' +
	'ab'.repeat(40) + ' ' + 'xq'.repeat(20) + ' ' + 'ba'.repeat(140) + '\n' +
	// A run of one character, and ASCII with cuts in a piece; then the same, Chinese, emoji and letters next to
	// partial characters in some tokens, in pieces too long for `PointCuts.cutMask`, and a piece that starts with
	// a lone surrogate.
	'==========\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\n' + '='.repeat(40) + ' ' +
	'\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(4) + ' ' + '\u4e2d\u6587\u5b57\u7b26\u4e32'.repeat(8) + ' ' +
	'\ud83d\ude00\ud83d\udc4d'.repeat(10) + '\ud800 x\udc00\udc00 ' + 'a\u03b9a\u043e\u0561\u0565\u0915\u1000\u0627\u05d9'.repeat(4) + ' \u00e9te\n';
/**
 * Dense text (`_isDense`) for priming, over several of its small blocks: base64, hex and JSON, with pieces of every
 * length (ASCII words over eight units too), contractions, two spaces, a line break and a letter beyond ASCII (where
 * runs stop), a piece longer than a run, and a run that ends with the text; then text that turns into Chinese.
 */
const DENSE = 'aGVsbG8gd29ybGQ+/Zm9vYmFy==0x1F3A9c{"quick":"brown_fox","don\'t":[information,12345],I\'m}  x\u00e9unprocessed\n';
export const PRIMER_DENSE = [DENSE.repeat(3) + 'z'.repeat(100) + DENSE.repeat(3) + '+end_of=it', DENSE.repeat(3) + '\u4e2d\u6587 \u5b57\u7b26'.repeat(60)];
/** Text whose last characters take the branches that only the end of a text (or of a chunk) takes. */
export const PRIMER_ENDS = ['x\'', 'x\'r', 'end ', 'end  ', 'x \ud83d\ude00'];

/**
 * Rounds of priming: enough for V8 to optimise the counting paths, and the helpers that some optimised code calls
 * rather than inlines (about 0.1 s of CPU at load). With 80 rounds, a first count of code.txt still had V8 compile
 * two or three of those in its middle, on another thread, adding up to 50% to its CPU time.
 */
const PRIME_ROUNDS = 200;

/** What priming needs of a counter (`BpeCounter`). */
export interface Primable {
	count(text: string): number;
	encodePieces(text: string, onPiece: (start: number, end: number, tokens: Int32Array) => void): void;
	setPrimingSizes(tiny: boolean): void;
	resetCaches(): void;
}

/**
 * Counts and encodes the samples until V8 has optimised the hot paths, having seen every branch: otherwise the first
 * document pays for compiling them (tens of milliseconds of CPU, more than counting a small file), and a first
 * contraction or lone surrogate throws optimised code away to compile it again.
 */
export function prime(counter: Primable): void {
	// The first round takes the cache-miss branches, later ones the hits; `encodePieces` encodes every piece. Every other
	// round runs with tiny caches, emptied first: full sets, victims, start-overs.
	for (let i = 0; i < PRIME_ROUNDS; i++) {
		counter.setPrimingSizes((i & 1) === 1);
		counter.count(PRIMER);
		for (const dense of PRIMER_DENSE) {
			counter.count(dense);
		}
		counter.encodePieces(PRIMER, ignore);
		for (const end of PRIMER_ENDS) {
			counter.count(end);
		}
	}
	counter.setPrimingSizes(false);
	counter.resetCaches();
}

function ignore(): void {
	// Priming needs the tokens made, not used.
}
