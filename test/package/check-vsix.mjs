// Builds the .vsix with @vscode/vsce and checks what is inside: everything a user needs, nothing they don't.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vsix = join(root, 'ai-notes-companion.vsix');

/** The names in a zip's central directory (a .vsix is a zip). */
export function zipEntries(buffer) {
	// The end-of-central-directory record is in the last 64 KB + 22 bytes.
	let eocd = -1;
	for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
		if (buffer.readUInt32LE(i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) {
		throw new Error('not a zip file');
	}
	const count = buffer.readUInt16LE(eocd + 10);
	let offset = buffer.readUInt32LE(eocd + 16);
	const entries = [];
	for (let i = 0; i < count; i++) {
		const nameLength = buffer.readUInt16LE(offset + 28);
		const extraLength = buffer.readUInt16LE(offset + 30);
		const commentLength = buffer.readUInt16LE(offset + 32);
		entries.push({
			name: buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'),
			size: buffer.readUInt32LE(offset + 24),
			method: buffer.readUInt16LE(offset + 10),
			local: buffer.readUInt32LE(offset + 42),
			compressed: buffer.readUInt32LE(offset + 20),
		});
		offset += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

function readEntry(buffer, entry) {
	const nameLength = buffer.readUInt16LE(entry.local + 26);
	const extraLength = buffer.readUInt16LE(entry.local + 28);
	const start = entry.local + 30 + nameLength + extraLength;
	const data = buffer.subarray(start, start + entry.compressed);
	return entry.method === 0 ? data : inflateRawSync(data);
}

execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const buffer = readFileSync(vsix);
const entries = zipEntries(buffer);
const names = entries.map((e) => e.name.replace(/^extension\//, ''));
const problems = [];

const forbidden = [
	[/^src\//, 'source (src/)'],
	[/^test\//, 'tests (test/)'],
	[/^out\//, 'compiled tests (out/)'],
	[/^\.vscode-test\//, 'the test VS Code (.vscode-test/)'],
	[/\.map$/, 'source maps'],
	[/(^|\/)node_modules\//, 'node_modules (dependencies are bundled; dev dependencies must never ship)'],
	[/^\.ci\//, 'CI scripts'],
	[/^bench\//, 'benchmarks'],
	[/\.ts$/, 'TypeScript sources'],
];
for (const [pattern, what] of forbidden) {
	const hits = names.filter((n) => pattern.test(n));
	if (hits.length > 0) {
		problems.push(`contains ${what}: ${hits.slice(0, 3).join(', ')}${hits.length > 3 ? ', …' : ''}`);
	}
}
const required = [
	['dist/extension.js', (n) => n === 'dist/extension.js'],
	['media/', (n) => n.startsWith('media/')],
	['notes/', (n) => n.startsWith('notes/') && n.endsWith('.md')],
	['README.md', (n) => /^readme\.md$/i.test(n)],
	['LICENSE', (n) => /^license(\.txt|\.md)?$/i.test(n)],
	['CHANGELOG.md', (n) => /^changelog\.md$/i.test(n)],
	['package.json', (n) => n === 'package.json'],
];
for (const [what, test] of required) {
	if (!names.some(test)) {
		problems.push(`is missing ${what}`);
	}
}
// The manifest inside must be the one we wrote, not an empty shell.
const manifestEntry = entries.find((e) => e.name === 'extension/package.json');
if (manifestEntry) {
	const manifest = JSON.parse(readEntry(buffer, manifestEntry).toString('utf8'));
	if (manifest.name !== 'ai-notes-companion') {
		problems.push(`has a manifest named ${manifest.name}`);
	}
}

const size = statSync(vsix).size;
const top = new Map();
for (const e of entries) {
	const key = e.name.replace(/^extension\//, '').split('/').slice(0, 2).join('/');
	top.set(key, (top.get(key) ?? 0) + e.size);
}
console.log(`ai-notes-companion.vsix: ${(size / 1024).toFixed(0)} KB compressed, ${entries.length} files`);
for (const [key, bytes] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
	console.log(`  ${key.padEnd(48)} ${(bytes / 1024).toFixed(0).padStart(7)} KB`);
}
if (problems.length > 0) {
	for (const p of problems) {
		console.error(`✘ the .vsix ${p}`);
	}
	process.exit(1);
}
console.log('✔ the .vsix holds dist/, media/, notes/, README, LICENSE, CHANGELOG and nothing it should not');
