import * as vscode from 'vscode';
import { CODE_LANGUAGES, linkTargets, overlapsAny, regionAt, scanCodeRegions, syntaxFor, type CodeRegion, type GlossaryMatch, type GlossaryMatcher } from '../../core/glossary';

/** Languages whose whole text is prose: every word may be a term. */
export const PROSE_LANGUAGES: readonly string[] = ['markdown', 'plaintext'];
export const GLOSSARY_LANGUAGES: readonly string[] = [...PROSE_LANGUAGES, ...CODE_LANGUAGES];

export interface TermAtOptions {
	readonly hoverInCode: boolean;
	readonly hoverInStrings: boolean;
}

/**
 * Finds the glossary term under a position. In code, only comments (and strings when allowed) count,
 * so `prefill(cache)` is an identifier and `// prefill the cache` is prose. Code regions are computed
 * once per document version: moving the mouse over a large file does not rescan it.
 */
export class TermLocator {
	private readonly _regions = new WeakMap<vscode.TextDocument, { version: number; regions: CodeRegion[] }>();

	find(document: vscode.TextDocument, position: vscode.Position, matcher: GlossaryMatcher, options: TermAtOptions): { match: GlossaryMatch; range: vscode.Range } | undefined {
		let region: CodeRegion | undefined;
		if (!PROSE_LANGUAGES.includes(document.languageId)) {
			const syntax = syntaxFor(document.languageId);
			if (!syntax || !options.hoverInCode) {
				return undefined;
			}
			region = regionAt(this._regionsOf(document, syntax), document.offsetAt(position));
			if (!region || (region.kind === 'string' && !options.hoverInStrings)) {
				return undefined;
			}
		}
		const line = document.lineAt(position.line);
		const match = matcher.matchAt(line.text, position.character);
		if (!match) {
			return undefined;
		}
		if (document.languageId === 'markdown' && overlapsAny(linkTargets(line.text), match.start, match.end)) {
			return undefined;
		}
		const range = new vscode.Range(position.line, match.start, position.line, match.end);
		if (region) {
			// The term must lie inside the comment: in `x = 1; // prefill`, "x" is not in it.
			const start = document.offsetAt(range.start);
			const end = document.offsetAt(range.end);
			if (start < region.start || end > region.end) {
				return undefined;
			}
		}
		return { match, range };
	}

	private _regionsOf(document: vscode.TextDocument, syntax: NonNullable<ReturnType<typeof syntaxFor>>): CodeRegion[] {
		const cached = this._regions.get(document);
		if (cached && cached.version === document.version) {
			return cached.regions;
		}
		const regions = scanCodeRegions(document.getText(), syntax);
		this._regions.set(document, { version: document.version, regions });
		return regions;
	}
}
