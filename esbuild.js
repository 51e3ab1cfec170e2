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

const ENCODINGS = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'];

/**
 * Rank data is built once into `dist/ranks/<encoding>.js` and required at run time when an encoding is
 * first used, instead of being inlined into every bundle that imports the counter: the extension bundle
 * stays small (fast activation) and the rank data ships once in the .vsix.
 */
const externalRanksPlugin = {
	name: 'external-ranks',
	setup(build) {
		build.onResolve({ filter: /^js-tiktoken\/ranks\/[a-z0-9_]+$/ }, (args) => ({
			path: args.path.split('/').pop(),
			namespace: 'external-ranks',
		}));
		// A plain CommonJS require of a file beside the bundle (every bundle that counts lives in dist/): the
		// path is computed, so esbuild leaves it alone, and Node loads it only when the import() runs.
		build.onLoad({ filter: /.*/, namespace: 'external-ranks' }, (args) => ({
			contents: `module.exports = require(require('path').join(__dirname, 'ranks', ${JSON.stringify(args.path + '.js')}));`,
			loader: 'js',
		}));
	},
};

/**
 * Writes `dist/ranks/<encoding>.js`: our merge file (see `MergeFile` in src/core/tokens/rankTable.ts), made
 * from js-tiktoken's rank file by the counter's own code, bundled for the purpose. It holds each token's
 * split, which takes about half a second to find for o200k: done here once, not on every user's machine,
 * and the file is half the size of js-tiktoken's. A file whose stamp (a hash of js-tiktoken's rank files and
 * of the source that writes it) is current is kept.
 */
async function writeMergeFiles() {
	const sources = ['rankTable.ts', 'splits.ts', 'bpeIndex.ts'].map((f) => fs.readFileSync(path.join(__dirname, 'src', 'core', 'tokens', f), 'utf8'));
	const ranks = ENCODINGS.map((e) => fs.readFileSync(require.resolve(`js-tiktoken/ranks/${e}`), 'utf8'));
	const stamp = require('crypto').createHash('sha256').update([...ranks, ...sources].join('\0')).digest('hex').slice(0, 16);
	const outDir = path.join(__dirname, 'dist', 'ranks');
	const stale = ENCODINGS.filter((e) => {
		const file = path.join(outDir, `${e}.js`);
		return !fs.existsSync(file) || !fs.readFileSync(file, 'utf8').startsWith(`// stamp ${stamp}`);
	});
	if (stale.length === 0) {
		return;
	}
	const bundle = await esbuild.build({
		entryPoints: [path.join(__dirname, 'src', 'core', 'tokens', 'rankTable.ts')],
		bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent',
	});
	const module = { exports: {} };
	new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, require);
	const { RankTable } = module.exports;
	fs.mkdirSync(outDir, { recursive: true });
	for (const encoding of stale) {
		const file = require(`js-tiktoken/ranks/${encoding}`);
		const { merges } = RankTable.fromRankFile(file.default ?? file).toMergeFile();
		fs.writeFileSync(path.join(outDir, `${encoding}.js`), `// stamp ${stamp}: made by esbuild.js from js-tiktoken's ${encoding} ranks\n` +
			`module.exports = { merges: ${JSON.stringify(merges)} };\n`);
	}
}

/**
 * The `openai` package (about 420 KB minified, two thirds of the extension bundle) is needed only when the
 * user asks a network model. It is built into `dist/vendor/openai.js` and required on the first `import()`,
 * so activation does not parse it.
 */
const lazyOpenAIPlugin = {
	name: 'lazy-openai',
	setup(build) {
		build.onResolve({ filter: /^openai$/ }, () => ({ path: 'openai', namespace: 'lazy-vendor' }));
		build.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, () => ({
			contents: "module.exports = require(require('path').join(__dirname, 'vendor', 'openai.js'));",
			loader: 'js',
		}));
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
		plugins: [problemMatcherPlugin, externalRanksPlugin, lazyOpenAIPlugin],
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
			plugins: [problemMatcherPlugin, externalRanksPlugin],
		}));
	}
	contexts.push(await esbuild.context({
		...common,
		entryPoints: { openai: require.resolve('openai') },
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		outdir: 'dist/vendor',
		sourcemap: false,
	}));
	await writeMergeFiles();
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
