// A/B of our counter in two checkouts, measured by the bench's own cell (`runCell` in tokens.bench.mjs): a fresh
// worker loads the counter (priming included), warms the JIT for at least 500 ms of CPU on the file's first 30,000
// characters reversed, then times the first count ("fresh") and the median of up to three more ("warm"), in CPU
// time of the process. The two versions alternate, run after run, so that the machine's slow and fast spells fall on
// both; each figure is the median of RUNS workers (default 5). Pin it to one core for steadier ratios:
//   taskset -c 0 node bench/ab-tokens.mjs <root A> <root B> [corpus file...]
// A root is a checkout with `npm run compile-tests` run and dist/ranks built (`node esbuild.js`).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCell } from './tokens.bench.mjs';

const [rootA, rootB, ...named] = process.argv.slice(2);
if (!rootA || !rootB) {
	console.error('usage: node bench/ab-tokens.mjs <root A> <root B> [corpus file...]');
	process.exit(2);
}
const RUNS = Number(process.env.RUNS ?? 5);
const corpus = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'test', 'corpus', 'tokens');
const files = named.length > 0 ? named : JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
const context = (root) => ({ root: resolve(root), out: resolve(root, 'out'), dist: resolve(root, 'dist') });

const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];
console.log('file'.padEnd(18), 'A fresh / warm MB/s'.padEnd(22), 'B fresh / warm MB/s'.padEnd(22), 'B ÷ A fresh / warm');
for (const name of files) {
	const file = join(corpus, name);
	const mb = Buffer.byteLength(readFileSync(file).toString('utf16le'), 'utf8') / 1e6;
	const runs = { A: [], B: [] };
	for (let i = 0; i < RUNS; i++) {
		for (const [key, root] of [['A', rootA], ['B', rootB]]) {
			const r = await runCell(context(root), 'ours', { kind: 'throughput', file });
			if (r.error || r.skipped || r.medianMs === undefined) {
				console.error(`${name}: ${key} ${r.error ?? 'took too long for a warm figure'}`);
				process.exit(1);
			}
			runs[key].push(r);
		}
	}
	if (runs.A[0].tokens !== runs.B[0].tokens) {
		console.log(name, `COUNTS DIFFER: ${runs.A[0].tokens} vs ${runs.B[0].tokens}`);
		process.exitCode = 1;
		continue;
	}
	const speed = (key, field) => mb * 1000 / median(runs[key].map((r) => r[field]));
	const [af, aw, bf, bw] = [speed('A', 'firstMs'), speed('A', 'medianMs'), speed('B', 'firstMs'), speed('B', 'medianMs')];
	console.log(name.padEnd(18), `${af.toFixed(1)} / ${aw.toFixed(1)}`.padEnd(22), `${bf.toFixed(1)} / ${bw.toFixed(1)}`.padEnd(22),
		`${(bf / af).toFixed(3)} / ${(bw / aw).toFixed(3)}`);
}
