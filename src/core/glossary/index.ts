/** The glossary core: parsing glossary files and note definitions, merging them, and matching terms in text. */
export { CODE_LANGUAGES, regionAt, scanCodeRegions, syntaxFor } from './codeRegions';
export type { CodeRegion, CodeRegionKind, CodeSyntax } from './codeRegions';
export { escapeMarkdown } from './escapeMarkdown';
export { findHeading, listHeadings, slugify } from './headings';
export type { NoteHeading } from './headings';
export { linkTargets, overlapsAny } from './markdownLinks';
export type { TextRange } from './markdownLinks';
export { GlossaryMatcher } from './matcher';
export type { GlossaryMatch } from './matcher';
export { mergeGlossaries } from './merge';
export type { MergedGlossary } from './merge';
export { parseGlossary, parseLink } from './parseGlossary';
export { parseNoteDefinitions } from './parseNoteDefinitions';
export { termKey } from './termKey';
export { formatWarning } from './types';
export type { GlossaryEntry, GlossaryWarning, ParsedGlossary } from './types';
