// `npm start`: opens the companion in a real VS Code with the bundled notes/ as the workspace.
// With a desktop `code` on PATH it uses that (an Extension Development Host); otherwise it starts code-server
// (the same VS Code the tests use) on 127.0.0.1 and prints the URL. No model, key or network is needed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision } from './provision.mjs';
import { freePort, startCodeServer, vscodeVersion } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const notes = join(root, 'notes');

const hasDesktopCode = process.env.AI_NOTES_USE_CODE_SERVER !== '1'
	&& spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode) {
	console.log('Opening the companion in desktop VS Code (Extension Development Host)…');
	spawn('code', ['--extensionDevelopmentPath', root, notes], { stdio: 'inherit', detached: true }).unref();
} else {
	provision();
	const port = Number(process.env.PORT) || await freePort();
	const runDir = join(root, '.vscode-test', 'start');
	mkdirSync(runDir, { recursive: true });
	const server = await startCodeServer({
		runDir,
		port,
		quiet: true,
		userSettings: { 'workbench.colorTheme': 'Default Dark Modern' },
		logFile: join(runDir, 'code-server.log'),
	});
	const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
	const payload = [['extensionDevelopmentPath', remote(root)]];
	const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(notes)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
	console.log(`\nAI Notes Companion is running in VS Code ${vscodeVersion()} (code-server).`);
	console.log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
	console.log('Press Ctrl+C to stop.');
	const stop = () => {
		server.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', () => process.exit(1));
}
