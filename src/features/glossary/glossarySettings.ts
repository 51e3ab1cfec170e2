import * as vscode from 'vscode';
import { GlossarySettings, NotesSettings } from '../../platform/settings';

/** The glossary's settings, read once per change (see `onDidChangeConfiguration` in index.ts). */
export interface GlossaryConfig {
	readonly files: readonly string[];
	readonly notesFolders: readonly string[];
	readonly hoverInCode: boolean;
	readonly hoverInStrings: boolean;
	readonly underlineTerms: boolean;
}

export const DEFAULT_GLOSSARY_FILES = ['**/glossary.md'];
const DEFAULT_NOTES_FOLDERS = ['notes'];

export function readGlossaryConfig(): GlossaryConfig {
	const config = vscode.workspace.getConfiguration();
	return Object.freeze({
		files: stringList(config.get<unknown>(GlossarySettings.files), DEFAULT_GLOSSARY_FILES),
		notesFolders: stringList(config.get<unknown>(NotesSettings.folders), DEFAULT_NOTES_FOLDERS),
		hoverInCode: config.get<boolean>(GlossarySettings.hoverInCode, true) !== false,
		hoverInStrings: config.get<boolean>(GlossarySettings.hoverInStrings, false) === true,
		underlineTerms: config.get<boolean>(GlossarySettings.underlineTerms, false) === true,
	});
}

/** A hand-edited settings.json can hold anything: keep the strings, fall back when nothing usable is left. */
function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
	if (typeof value === 'string' && value.trim()) {
		return [value.trim()];
	}
	if (!Array.isArray(value)) {
		return fallback;
	}
	const strings = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
	return strings.length > 0 || value.length === 0 ? strings : fallback;
}

/** Whether a configuration change concerns the files the glossary is loaded from. */
export function affectsGlossaryFiles(e: vscode.ConfigurationChangeEvent): boolean {
	return e.affectsConfiguration(GlossarySettings.files) || e.affectsConfiguration(NotesSettings.folders);
}

export function affectsGlossary(e: vscode.ConfigurationChangeEvent): boolean {
	return e.affectsConfiguration('aiNotes.glossary') || affectsGlossaryFiles(e);
}
