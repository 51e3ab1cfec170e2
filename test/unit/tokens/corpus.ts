import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The generated corpus (scripts/gen-token-corpus.mjs), generated on first use when missing. */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'corpus', 'tokens');

const MANIFEST = path.join(CORPUS_DIR, 'manifest.json');

/** Generates the corpus when a fresh clone has none yet (whichever test asks first). */
function ensureCorpus(): void {
	if (!fs.existsSync(MANIFEST)) {
		execFileSync(process.execPath, [path.resolve(CORPUS_DIR, '..', '..', '..', 'scripts', 'gen-token-corpus.mjs')]);
	}
}

export function corpusFiles(): string[] {
	ensureCorpus();
	return JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as string[];
}

export function readCorpus(name: string): string {
	ensureCorpus();
	return fs.readFileSync(path.join(CORPUS_DIR, name)).toString('utf16le');
}

/** A small deterministic PRNG (mulberry32), so every failing case can be replayed. */
export function seeded(seed: number): (n: number) => number {
	let a = seed >>> 0;
	return (n: number) => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
	};
}

/** 1 to `maxParts` parts of `alphabet`, picked by `random`. */
export function fuzzText(random: (n: number) => number, alphabet: readonly string[], maxParts: number): string {
	let text = '';
	for (let k = 1 + random(maxParts); k > 0; k--) {
		text += alphabet[random(alphabet.length)];
	}
	return text;
}
