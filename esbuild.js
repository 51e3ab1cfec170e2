// Bundles the extension (Node, CommonJS) and the webview scripts (browser, IIFE).
// Usage: node esbuild.js [--production] [--watch]
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build problems in the `file:line:col: error: text` form that VS Code's problem matcher reads. */
const problemMatcherPlugin = {
	name: 'problem-matcher',
	setup(build) {
		build.onStart(() => {
			if (watch) {
				console.log('[watch] build started');
			}
		});
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) {
					console.error(`    ${location.file}:${location.line}:${location.column}:`);
				}
			}
			if (watch) {
				console.log('[watch] build finished');
			}
		});
	},
};

/** Every `src/webview/<name>/main.ts` becomes `dist/webview/<name>.js`. */
function webviewEntries() {
	const root = path.join(__dirname, 'src', 'webview');
	if (!fs.existsSync(root)) {
		return {};
	}
	const entries = {};
	for (const name of fs.readdirSync(root)) {
		const main = path.join(root, name, 'main.ts');
		if (fs.existsSync(main)) {
			entries[name] = main;
		}
	}
	return entries;
}

async function main() {
	if (production) {
		// A production build must not ship source maps left over from a development build.
		fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	}
	const common = {
		bundle: true,
		minify: production,
		sourcemap: !production,
		sourcesContent: false,
		logLevel: 'silent',
		plugins: [problemMatcherPlugin],
	};
	const extension = await esbuild.context({
		...common,
		entryPoints: ['src/extension.ts'],
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		outfile: 'dist/extension.js',
		external: ['vscode'],
	});
	const contexts = [extension];
	const entries = webviewEntries();
	if (Object.keys(entries).length > 0) {
		contexts.push(await esbuild.context({
			...common,
			entryPoints: entries,
			format: 'iife',
			platform: 'browser',
			target: 'es2022',
			outdir: 'dist/webview',
		}));
	}
	// A worker for the token counter, when the tokens feature has one.
	const worker = path.join(__dirname, 'src', 'features', 'tokens', 'countWorker.ts');
	if (fs.existsSync(worker)) {
		contexts.push(await esbuild.context({
			...common,
			entryPoints: [worker],
			format: 'cjs',
			platform: 'node',
			target: 'node20',
			outfile: 'dist/countWorker.js',
			external: ['vscode'],
		}));
	}
	if (watch) {
		await Promise.all(contexts.map((c) => c.watch()));
		return;
	}
	let failed = false;
	for (const c of contexts) {
		const result = await c.rebuild().catch(() => ({ errors: [1] }));
		failed = failed || result.errors.length > 0;
		await c.dispose();
	}
	if (failed) {
		process.exit(1);
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
