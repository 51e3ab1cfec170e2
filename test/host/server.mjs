// Starts code-server (the real VS Code the tests and `npm start` use) on 127.0.0.1 with throwaway folders.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerDir, nodeBin } from './provision.mjs';

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

export function vscodeVersion() {
	return JSON.parse(readFileSync(join(codeServerDir, 'lib', 'vscode', 'package.json'), 'utf8')).version;
}

/**
 * Starts code-server and resolves once it listens. `userSettings` go into the user settings file before the
 * start. The returned `stop()` kills the whole process group.
 */
export async function startCodeServer({ runDir, port, userSettings = {}, quiet = true, logFile }) {
	const dirs = {};
	for (const name of ['user-data', 'extensions', 'tmp', 'xdg-config', 'xdg-data']) {
		dirs[name] = join(runDir, name);
		mkdirSync(dirs[name], { recursive: true });
	}
	mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
	writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
		'workbench.startupEditor': 'none',
		'chat.disableAIFeatures': true,
		'telemetry.telemetryLevel': 'off',
		'extensions.autoCheckUpdates': false,
		'extensions.autoUpdate': false,
		'update.mode': 'none',
		'workbench.enableExperiments': false,
		'workbench.tips.enabled': false,
		'git.enabled': false,
		'security.workspace.trust.enabled': false,
		'workbench.secondarySideBar.defaultVisibility': 'hidden',
		'window.commandCenter': false,
		...userSettings,
	}, null, '\t'));
	// An empty config file is an error; "auth: none" is what we want anyway.
	const config = join(runDir, 'config.yaml');
	writeFileSync(config, 'auth: none\n');
	const args = [
		join(codeServerDir, 'out', 'node', 'entry.js'),
		'--auth', 'none',
		'--bind-addr', `127.0.0.1:${port}`,
		'--config', config,
		'--user-data-dir', dirs['user-data'],
		'--extensions-dir', dirs.extensions,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		'--ignore-last-opened',
		// Essential: without it the built workbench ignores the development payload and no test starts.
		'--vscode-option', 'enable-smoke-test-driver',
	];
	const child = spawn(nodeBin, args, {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			TMPDIR: dirs.tmp,
			XDG_CONFIG_HOME: dirs['xdg-config'],
			XDG_DATA_HOME: dirs['xdg-data'],
		},
	});
	let output = '';
	const onData = (chunk) => {
		const text = chunk.toString();
		output += text;
		if (logFile) {
			writeFileSync(logFile, text, { flag: 'a' });
		}
		if (!quiet) {
			process.stdout.write(text);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	};
	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${output}`)), 60_000);
		const check = () => {
			if (output.includes('HTTP server listening')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout.on('data', check);
		child.stderr.on('data', check);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`code-server exited with ${code}:\n${output}`));
		});
	});
	return { child, stop, dirs };
}
