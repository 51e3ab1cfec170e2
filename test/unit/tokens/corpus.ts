import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The generated corpus (scripts/gen-token-corpus.mjs), generated on first use when missing. */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'corpus', 'tokens');

export function corpusFiles(): string[] {
	const manifest = path.join(CORPUS_DIR, 'manifest.json');
	if (!fs.existsSync(manifest)) {
		execFileSync(process.execPath, [path.resolve(CORPUS_DIR, '..', '..', '..', 'scripts', 'gen-token-corpus.mjs')]);
	}
	return JSON.parse(fs.readFileSync(manifest, 'utf8')) as string[];
}

export function readCorpus(name: string): string {
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
