/**
 * Command ids, in one place. Every id here must be contributed in package.json and registered by a
 * feature: the manifest test checks both directions.
 */
export const Commands = {
	showLog: 'aiNotes.showLog',
} as const;
