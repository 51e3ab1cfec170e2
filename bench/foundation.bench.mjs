// Bundle size and activation, the two figures every feature adds to.
// Baselines: js-tiktoken's full bundle (what a naive token counter would ship) for size, and the built-in
// extensions' activation times read from VS Code's own Running Extensions editor in the same host run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

function kb(bytes) {
	return `${(bytes / 1024).toFixed(0)} KB`;
}

function filesUnder(dir) {
	return readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

export default async function bench({ root, dist }) {
	// A production build: minified, no source maps.
	execFileSync('node', ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
	const extension = readFileSync(join(dist, 'extension.js'));
	const distFiles = filesUnder(dist);
	const distBytes = distFiles.reduce((n, f) => n + statSync(f).size, 0);
	const esbuild = await import('esbuild');
	const naive = await esbuild.build({
		stdin: { contents: "const { getEncoding } = require('js-tiktoken'); module.exports = getEncoding;", resolveDir: root },
		bundle: true, minify: true, platform: 'node', write: false,
	});
	const naiveBytes = naive.outputFiles[0].contents;
	mkdirSync(join(root, 'bench-results'), { recursive: true });
	execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', join(root, 'bench-results', 'bench.vsix')], { cwd: root, stdio: 'ignore' });
	const vsixBytes = statSync(join(root, 'bench-results', 'bench.vsix')).size;
	const size = {
		title: 'Bundle size (production build)',
		columns: ['what', 'raw', 'gzip', 'vs. baseline'],
		rows: [
			['dist/extension.js (loaded at activation)', kb(extension.length), kb(gzipSync(extension).length), `${(extension.length / naiveBytes.length * 100).toFixed(0)}% of baseline`],
			[`dist/ in all (${distFiles.length} files, rank data loaded lazily)`, kb(distBytes), '', ''],
			['.vsix package', kb(vsixBytes), '', ''],
			['baseline: js-tiktoken full bundle (all encodings in one file)', kb(naiveBytes.length), kb(gzipSync(naiveBytes).length), '100%'],
		],
	};

	// Activation in the real host: the integration runner with only the Activation suite.
	execFileSync('node', ['test/host/run.mjs'], { cwd: root, env: { ...process.env, AI_NOTES_TEST_GREP: 'Activation' }, stdio: 'ignore' });
	const file = join(root, 'test-results', 'activation.json');
	if (!existsSync(file)) {
		throw new Error('the activation suite wrote no figures');
	}
	const { activationTimeMs, hostActivationTimes } = JSON.parse(readFileSync(file, 'utf8'));
	const ours = hostActivationTimes.find((r) => r.name.includes('ai-notes-companion'));
	const others = hostActivationTimes.filter((r) => r !== ours);
	const median = others.map((r) => r.activationMs).sort((a, b) => a - b)[Math.floor(others.length / 2)];
	const activation = {
		title: 'Activation in the real host (VS Code 1.139, code-server)',
		columns: ['what', 'ms'],
		rows: [
			['activate() itself (performance.now() around it)', activationTimeMs],
			['AI Notes Companion, as the host reports it (load + activate)', ours.activationMs],
			[`baseline: median of ${others.length} built-in extensions in the same run`, median],
			...others.slice(0, 4).map((r) => [`  ${r.name}`, r.activationMs]),
		],
		note: 'The host figure includes loading the bundle; it varies run to run on a shared 2-core machine.',
	};
	return [size, activation];
}
