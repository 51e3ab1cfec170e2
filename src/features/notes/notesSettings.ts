import * as vscode from 'vscode';
import { NotesSettings, section } from '../../platform/settings';

/** The notes feature's settings, read once per change into an immutable snapshot. */
export interface NotesSettingsSnapshot {
	/** Globs or folders relative to each workspace folder (or absolute folders) holding the user's notes. */
	readonly folders: readonly string[];
	readonly showBundled: boolean;
	readonly followCursor: boolean;
}

export const DEFAULT_NOTES_FOLDER = 'notes';

function read<T>(fullKey: string, fallback: T): T {
	const { section: name, key } = section(fullKey);
	return vscode.workspace.getConfiguration(name).get<T>(key, fallback);
}

export function readNotesSettings(): NotesSettingsSnapshot {
	const folders = read<unknown>(NotesSettings.folders, [DEFAULT_NOTES_FOLDER]);
	return Object.freeze({
		// A hand-edited settings.json may hold anything; keep only non-empty strings.
		folders: Object.freeze(Array.isArray(folders) ? folders.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim()) : [DEFAULT_NOTES_FOLDER]),
		showBundled: read<boolean>(NotesSettings.showBundled, true) !== false,
		followCursor: read<boolean>(NotesSettings.followCursor, true) !== false,
	});
}

export function affectsNotesSettings(event: vscode.ConfigurationChangeEvent): boolean {
	return Object.values(NotesSettings).some((key) => event.affectsConfiguration(key));
}
