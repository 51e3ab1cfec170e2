// A/B of our counter in two checkouts, as the bench measures it: each run is a fresh worker that loads the
// counter (priming included), warms the JIT for at least 500 ms of CPU on the file's first 30,000 characters
// reversed, then times the first count ("fresh") and the median of three more ("warm"), in CPU time of the
// process. The two versions alternate, run after run, so that the machine's slow and fast spells fall on both;
// each figure is the median of RUNS workers (default 5). Pin it to one core for steadier ratios:
//   taskset -c 0 node bench/ab-tokens.mjs <root A> <root B> [corpus file...]
// A root is a checkout with `npm run compile-tests` run and dist/ranks built (`node esbuild.js`).
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [rootA, rootB, ...named] = process.argv.slice(2);
if (!rootA || !rootB) {
	console.error('usage: node bench/ab-tokens.mjs <root A> <root B> [corpus file...]');
	process.exit(2);
}
const RUNS = Number(process.env.RUNS ?? 5);
const corpus = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'test', 'corpus', 'tokens');
const files = named.length > 0 ? named : JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const root = workerData.root;
const counter = require(path.join(root, 'bench/shippedCounter.cjs'))({ out: path.join(root, 'out'), dist: path.join(root, 'dist') }, 'o200k_base');
const text = readFileSync(workerData.file).toString('utf16le');
const warmUp = [...text.slice(0, 30000)].reverse().join('');
const started = cpuMs();
for (let i = 0; i < 200 && (i < 5 || cpuMs() - started < 500); i++) counter.count(warmUp);
let t = cpuMs();
const tokens = counter.count(text);
const fresh = cpuMs() - t;
const times = [];
for (let i = 0; i < 3; i++) { t = cpuMs(); counter.count(text); times.push(cpuMs() - t); }
times.sort((a, b) => a - b);
parentPort.postMessage({ tokens, fresh, warm: times[1] });
`;

function run(root, file) {
	return new Promise((done, fail) => {
		const worker = new Worker(WORKER, { eval: true, workerData: { root: resolve(root), file } });
		worker.once('message', (m) => {
			void worker.terminate().then(() => done(m));
		});
		worker.once('error', fail);
	});
}

const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];
console.log('file'.padEnd(18), 'A fresh / warm MB/s'.padEnd(22), 'B fresh / warm MB/s'.padEnd(22), 'B ÷ A fresh / warm');
for (const name of files) {
	const file = join(corpus, name);
	const mb = Buffer.byteLength(readFileSync(file).toString('utf16le'), 'utf8') / 1e6;
	const a = [];
	const b = [];
	for (let i = 0; i < RUNS; i++) {
		a.push(await run(rootA, file));
		b.push(await run(rootB, file));
	}
	if (a[0].tokens !== b[0].tokens) {
		console.log(name, `COUNTS DIFFER: ${a[0].tokens} vs ${b[0].tokens}`);
		process.exitCode = 1;
		continue;
	}
	const speed = (runs, key) => mb * 1000 / median(runs.map((r) => r[key]));
	const [af, aw, bf, bw] = [speed(a, 'fresh'), speed(a, 'warm'), speed(b, 'fresh'), speed(b, 'warm')];
	console.log(name.padEnd(18), `${af.toFixed(1)} / ${aw.toFixed(1)}`.padEnd(22), `${bf.toFixed(1)} / ${bw.toFixed(1)}`.padEnd(22),
		`${(bf / af).toFixed(3)} / ${(bw / aw).toFixed(3)}`);
}
