import * as vscode from 'vscode';
import type { GlossaryConfig } from './glossarySettings';
import type { GlossaryStore } from './glossaryStore';
import { renderHover } from './hoverContent';
import { entryLinkLabel } from './openEntry';
import type { TermLocator } from './termAtPosition';

/** Hovers a glossary term with its definition, aliases, a link to its note and where the definition comes from. */
export class GlossaryHoverProvider implements vscode.HoverProvider {
	constructor(
		private readonly _store: GlossaryStore,
		private readonly _locator: TermLocator,
		private readonly _config: () => GlossaryConfig,
	) {}

	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const snapshot = this._store.current;
		const found = this._locator.find(document, position, snapshot.matcher, this._config());
		if (!found) {
			return undefined;
		}
		const { entry } = found.match;
		const kind = snapshot.sources.get(entry.source);
		const where = this._store.label(entry.source);
		const source = kind === 'bundled' ? where : kind === 'note' ? vscode.l10n.t('from your note {0}:{1}', where, entry.line + 1) : vscode.l10n.t('from {0}:{1}', where, entry.line + 1);
		return new vscode.Hover(renderHover(entry, source, entryLinkLabel(entry)), found.range);
	}
}
