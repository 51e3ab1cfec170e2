import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Static checks of package.json `contributes`: the Settings editor, the Command Palette and the menus are the first
 * things a user sees of the extension, and a slip there (a choice without descriptions, a command that needs an
 * argument offered in the palette, a setting the Settings editor flags as invalid by default) is easy to miss.
 */
const root = path.resolve(__dirname, '../../../..');

interface Setting {
	type?: string | string[];
	scope?: string;
	markdownDescription?: string;
	description?: string;
	default?: unknown;
	enum?: unknown[];
	enumDescriptions?: string[];
	order?: number;
	format?: string;
	pattern?: string;
	patternErrorMessage?: string;
}

interface Command { command: string; title: string; category?: string; icon?: unknown }
interface MenuItem { command: string; when?: string; group?: string }

interface Manifest {
	capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
	contributes: {
		commands: Command[];
		configuration: { title: string; properties: Record<string, Setting> } | { title: string; properties: Record<string, Setting> }[];
		menus: Record<string, MenuItem[]>;
		keybindings: { command: string; key: string; mac?: string; when?: string }[];
	};
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;
const groups = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
const settings = groups.flatMap((group) => Object.entries(group.properties));

/** Commands whose handler needs an argument (a tree node or a glossary entry) and so must not be in the palette. */
const NEEDS_ARGUMENT = ['aiNotes.notes.open', 'aiNotes.notes.revealInExplorer', 'aiNotes.openGlossaryEntry'];

describe('manifest: contributes', () => {
	it('every setting has a scope, a markdown description, a default and an order', () => {
		const problems = settings.flatMap(([key, setting]) => [
			setting.scope === undefined ? `${key}: no scope` : [],
			!setting.markdownDescription ? `${key}: no markdownDescription` : [],
			setting.description !== undefined ? `${key}: plain description next to the markdown one` : [],
			!('default' in setting) ? `${key}: no default` : [],
			typeof setting.order !== 'number' ? `${key}: no order` : [],
		].flat());
		assert.deepStrictEqual(problems, []);
	});

	it('settings of one feature sit together in the Settings editor', () => {
		const ordered = [...settings].sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0)).map(([key]) => key);
		const feature = (key: string): string => {
			const part = key.split('.')[1];
			return part === 'model' ? 'blank' : part === 'notesFolders' ? 'notes' : part === 'glossaryFiles' ? 'glossary' : part;
		};
		const runs = ordered.map(feature).filter((name, i, all) => i === 0 || all[i - 1] !== name);
		assert.strictEqual(new Set(runs).size, runs.length, `features interleave: ${ordered.join(', ')}`);
		assert.strictEqual(new Set(settings.map(([, s]) => s.order)).size, settings.length, 'two settings share an order');
	});

	it('every choice has a description per value, and the default is one of the values', () => {
		for (const [key, setting] of settings.filter(([, s]) => s.enum)) {
			assert.strictEqual(setting.enumDescriptions?.length, setting.enum?.length, `${key}: enumDescriptions`);
			assert.ok(setting.enum?.includes(setting.default), `${key}: default ${String(setting.default)} is not a choice`);
		}
	});

	it('no default is flagged as invalid by the Settings editor', () => {
		for (const [key, setting] of settings) {
			// VS Code reports an empty string as an error for `format: uri`, so an empty default must not use it.
			if (setting.format === 'uri' || setting.format === 'uri-reference') {
				assert.notStrictEqual(setting.default, '', `${key}: an empty default with format ${setting.format}`);
			}
			if (setting.pattern !== undefined && typeof setting.default === 'string') {
				assert.ok(new RegExp(setting.pattern, 'u').test(setting.default), `${key}: the default does not match its pattern`);
				assert.ok(setting.patternErrorMessage, `${key}: a pattern needs a patternErrorMessage`);
			}
			if (setting.type === 'integer') {
				assert.ok(Number.isInteger(setting.default), `${key}: default is not an integer`);
			}
		}
	});

	it('settings that say where text and keys are sent cannot be set by a workspace', () => {
		for (const key of ['aiNotes.model.provider', 'aiNotes.model.preset', 'aiNotes.model.baseUrl', 'aiNotes.model.name']) {
			const setting = settings.find(([k]) => k === key)?.[1];
			assert.strictEqual(setting?.scope, 'machine', key);
			assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), `${key} is not restricted`);
		}
	});

	it('every command is in the "AI Notes" category, and those shown as title-bar buttons have an icon', () => {
		assert.deepStrictEqual(contributes.commands.filter((c) => c.category !== 'AI Notes').map((c) => c.command), []);
		const buttons = [
			...(contributes.menus['view/title'] ?? []).filter((m) => m.group?.startsWith('navigation')),
			...(contributes.menus['editor/title'] ?? []).filter((m) => m.group?.startsWith('navigation')),
			...(contributes.menus['view/item/context'] ?? []).filter((m) => m.group?.startsWith('inline')),
		];
		const withoutIcon = buttons.filter((m) => !contributes.commands.find((c) => c.command === m.command)?.icon).map((m) => m.command);
		assert.deepStrictEqual(withoutIcon, []);
	});

	it('every menu item names a contributed command', () => {
		const ids = new Set(contributes.commands.map((c) => c.command));
		const unknown = Object.values(contributes.menus).flat().filter((m) => !ids.has(m.command)).map((m) => m.command);
		assert.deepStrictEqual(unknown, []);
	});

	it('commands that need an argument are hidden from the Command Palette', () => {
		const palette = contributes.menus.commandPalette ?? [];
		for (const id of NEEDS_ARGUMENT) {
			assert.strictEqual(palette.find((m) => m.command === id)?.when, 'false', `${id} is offered in the palette`);
		}
	});

	it('the preview button shows only on markdown editors', () => {
		const items = (contributes.menus['editor/title'] ?? []).filter((m) => m.command === 'aiNotes.notes.openPreview');
		assert.ok(items.length > 0);
		for (const item of items) {
			assert.match(item.when ?? '', /(editorLangId|resourceLangId) == markdown/);
		}
	});

	it('keybindings are scoped and avoid the macOS Window menu\'s Cmd+Alt+M (Minimize All)', () => {
		for (const binding of contributes.keybindings) {
			assert.ok(binding.when, `${binding.command}: a keybinding without a when clause`);
			assert.notStrictEqual(binding.mac ?? binding.key, 'cmd+alt+m', `${binding.command}: Cmd+Alt+M minimizes all windows on macOS`);
		}
	});
});
