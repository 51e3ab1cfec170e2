// `npm run bench`: runs every bench/*.bench.mjs and prints one markdown table per measurement, with the
// machine and date, into the terminal and bench-results/latest.md. Each bench measures against a named
// baseline in the same run; read the figures as ratios, since these machines are shared and noisy.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

function table({ title, columns, rows, note }) {
	const lines = [`### ${title}`, '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
	for (const row of rows) {
		lines.push(`| ${row.map((c) => (typeof c === 'number' ? formatNumber(c) : String(c))).join(' | ')} |`);
	}
	if (note) {
		lines.push('', note);
	}
	return lines.join('\n');
}

function formatNumber(n) {
	if (!Number.isFinite(n)) {
		return String(n);
	}
	if (Number.isInteger(n)) {
		return n.toLocaleString('en-US');
	}
	return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

const ctx = { root, out: join(root, 'out'), dist: join(root, 'dist') };
const header = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}.`;
const sections = [`## Benchmarks`, '', header];
console.log(header);
const files = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.mjs')).sort((a, b) => {
	// The foundation's rows (bundle size, activation) come first.
	const rank = (f) => (f.startsWith('foundation') ? 0 : 1);
	return rank(a) - rank(b) || a.localeCompare(b);
});
let failed = false;
for (const file of files) {
	if (only.length > 0 && !only.some((o) => file.includes(o))) {
		continue;
	}
	const started = Date.now();
	console.log(`\n[bench] ${file}…`);
	try {
		const mod = await import(pathToFileURL(join(root, 'bench', file)).href);
		const tables = await mod.default(ctx);
		for (const t of tables) {
			const text = table(t);
			console.log(`\n${text}`);
			sections.push('', text);
		}
		console.log(`[bench] ${file} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	} catch (e) {
		failed = true;
		console.error(`[bench] ${file} failed: ${e.stack || e}`);
		sections.push('', `### ${file}`, '', `failed: ${e.message}`);
	}
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.md'), sections.join('\n') + '\n');
console.log('\n[bench] written to bench-results/latest.md');
process.exit(failed ? 1 : 0);
