import * as vscode from 'vscode';
import { linkTargets, overlapsAny } from '../../core/glossary';
import { Disposable } from '../../platform/disposable';
import type { GlossaryStore } from './glossaryStore';

const UPDATE_DELAY_MS = 400;
/** Notes longer than this are not decorated: the underline is a study aid, not worth a slow editor. */
const MAX_DECORATED_LENGTH = 200_000;

/**
 * Optional (`aiNotes.glossary.underlineTerms`): a dotted underline under the first occurrence of each
 * glossary term in visible markdown editors, so a reader sees what can be hovered.
 */
export class TermDecorations extends Disposable {
	private readonly _type = this._register(
		vscode.window.createTextEditorDecorationType({
			textDecoration: 'underline dotted',
		}),
	);
	private _enabled = false;
	private _timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly _store: GlossaryStore) {
		super();
		this._register({ dispose: () => clearTimeout(this._timer) });
		this._register(vscode.window.onDidChangeVisibleTextEditors(() => this._schedule()));
		this._register(
			vscode.workspace.onDidChangeTextDocument((e) => {
				if (e.document.languageId === 'markdown' && vscode.window.visibleTextEditors.some((ed) => ed.document === e.document)) {
					this._schedule();
				}
			}),
		);
		this._register(_store.onDidChange(() => this._schedule()));
	}

	setEnabled(enabled: boolean): void {
		this._enabled = enabled;
		this._schedule();
	}

	private _schedule(): void {
		clearTimeout(this._timer);
		this._timer = setTimeout(() => this._update(), UPDATE_DELAY_MS);
	}

	private _update(): void {
		const matcher = this._store.current.matcher;
		for (const editor of vscode.window.visibleTextEditors) {
			const { document } = editor;
			if (!this._enabled || document.languageId !== 'markdown' || document.getText().length > MAX_DECORATED_LENGTH) {
				editor.setDecorations(this._type, []);
				continue;
			}
			const seen = new Set<object>();
			const ranges: vscode.Range[] = [];
			for (let line = 0; line < document.lineCount; line++) {
				const text = document.lineAt(line).text;
				// Headings name the topic itself; underlining them adds noise.
				if (/^\s{0,3}#/.test(text)) {
					continue;
				}
				const links = linkTargets(text);
				for (const match of matcher.matchAll(text)) {
					if (!seen.has(match.entry) && !overlapsAny(links, match.start, match.end)) {
						seen.add(match.entry);
						ranges.push(new vscode.Range(line, match.start, line, match.end));
					}
				}
			}
			editor.setDecorations(this._type, ranges);
		}
	}
}
