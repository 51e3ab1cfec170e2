/**
 * Every setting key of the extension, in one place. Each feature owns one block; the keys are full
 * keys (`aiNotes.<...>`), and `section()` splits one for `getConfiguration(section).get(key)`.
 */
export const SETTINGS_ROOT = 'aiNotes';

export function section(fullKey: string): { section: string; key: string } {
	const dot = fullKey.lastIndexOf('.');
	return { section: fullKey.slice(0, dot), key: fullKey.slice(dot + 1) };
}

/** Notes tree and preview. */
export const NotesSettings = {
	folders: 'aiNotes.notesFolders',
	showBundled: 'aiNotes.notes.showBundled',
	followCursor: 'aiNotes.notes.followCursor',
} as const;

/** Explain this blank: the model and the context budget. Provider, base URL, preset and model are machine-scoped. */
export const BlankSettings = {
	provider: 'aiNotes.model.provider',
	baseUrl: 'aiNotes.model.baseUrl',
	preset: 'aiNotes.model.preset',
	model: 'aiNotes.model.name',
	contextTokens: 'aiNotes.blank.contextTokens',
	guessFirst: 'aiNotes.blank.guessFirst',
} as const;

/** Hover glossary. `glossaryFiles` holds globs of the user's glossary files in the workspace. */
export const GlossarySettings = {
	files: 'aiNotes.glossaryFiles',
	hoverInCode: 'aiNotes.glossary.hoverInCode',
	hoverInStrings: 'aiNotes.glossary.hoverInStrings',
	underlineTerms: 'aiNotes.glossary.underlineTerms',
} as const;

/** Live token count. `model`, when it names a known model, decides the encoding. */
export const TokensSettings = {
	encoding: 'aiNotes.tokens.encoding',
	model: 'aiNotes.tokens.model',
	pricePerMillion: 'aiNotes.tokens.pricePerMillion',
	showInStatusBar: 'aiNotes.tokens.showInStatusBar',
} as const;
