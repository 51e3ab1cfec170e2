/**
 * Command ids, in one place. Every id here must be contributed in package.json and registered by a
 * feature: the manifest test checks both directions.
 */
export const Commands = {
	showLog: 'aiNotes.showLog',
	// Notes tree and preview.
	notesRefresh: 'aiNotes.notes.refresh',
	notesFilter: 'aiNotes.notes.filter',
	notesClearFilter: 'aiNotes.notes.clearFilter',
	notesOpen: 'aiNotes.notes.open',
	notesOpenPreview: 'aiNotes.notes.openPreview',
	notesRevealInExplorer: 'aiNotes.notes.revealInExplorer',
	notesChooseFolder: 'aiNotes.notes.chooseFolder',
	// Explain this blank.
	explainBlank: 'aiNotes.explainBlank',
	setApiKey: 'aiNotes.setApiKey',
	clearApiKey: 'aiNotes.clearApiKey',
	detectModelServers: 'aiNotes.detectModelServers',
	// Diagrams.
	showDiagrams: 'aiNotes.showDiagrams',
	openDiagram: 'aiNotes.openDiagram',
	// Hover glossary.
	lookUpTerm: 'aiNotes.lookUpTerm',
	openGlossaryEntry: 'aiNotes.openGlossaryEntry',
	// Token count.
	tokensChooseEncoding: 'aiNotes.tokens.chooseEncoding',
	tokensShowDetails: 'aiNotes.tokens.showDetails',
} as const;
