import * as vscode from 'vscode';
import { DIAGRAMS } from '../../core/diagrams/catalog';
import { Commands } from '../../platform/commands';
import { Disposable } from '../../platform/disposable';
import type { Services } from '../../platform/services';
import { DiagramSource } from './diagramSource';
import { DIAGRAMS_VIEW_TYPE, DiagramsPanel, DiagramsTarget } from './diagramsPanel';

/** Owns the single diagrams panel: commands reuse it, and a panel restored after a reload becomes it. */
class DiagramsFeature extends Disposable {
	private _panel: DiagramsPanel | undefined;
	private readonly _source: DiagramSource;

	constructor(private readonly _services: Services) {
		super();
		this._source = new DiagramSource(_services.extensionUri, _services.log);
		this._register(vscode.commands.registerCommand(Commands.showDiagrams, () => this._show({ view: 'gallery' })));
		this._register(vscode.commands.registerCommand(Commands.openDiagram, (id?: unknown) => this._openDiagram(id)));
		this._register(vscode.window.registerWebviewPanelSerializer(DIAGRAMS_VIEW_TYPE, {
			deserializeWebviewPanel: async (panel, state: unknown) => {
				if (this._panel) {
					// Only one diagrams panel is wanted; a second restored one (two windows' worth of state) goes away.
					panel.dispose();
					return;
				}
				this._adopt(DiagramsPanel.revive(panel, this._services, this._source, state));
			},
		}));
	}

	override dispose(): void {
		this._panel?.dispose();
		super.dispose();
	}

	private _show(target: DiagramsTarget): void {
		if (this._panel) {
			this._panel.show(target);
		} else {
			this._adopt(DiagramsPanel.create(this._services, this._source, target));
		}
	}

	private _adopt(panel: DiagramsPanel): void {
		this._panel = panel;
		panel.onDidDispose(() => {
			if (this._panel === panel) {
				this._panel = undefined;
			}
		});
	}

	/** `id` comes from the notes tree, the preview or a keybinding's args, so anything may arrive here. */
	private async _openDiagram(id: unknown): Promise<void> {
		if (typeof id === 'string' && id !== '') {
			if (DIAGRAMS.some((d) => d.id === id)) {
				this._show({ view: 'diagram', id });
			} else {
				void vscode.window.showErrorMessage(vscode.l10n.t('There is no diagram "{0}". Run "AI Notes: Show Diagrams" to see the ones there are.', id));
			}
			return;
		}
		const picked = await vscode.window.showQuickPick(
			DIAGRAMS.map((d) => ({ label: d.title, detail: d.caption, id: d.id })),
			{ title: vscode.l10n.t('Open Diagram'), placeHolder: vscode.l10n.t('Choose a diagram to open'), matchOnDetail: true },
		);
		if (picked) {
			this._show({ view: 'diagram', id: picked.id });
		}
	}
}

/** Registers the diagrams feature: the gallery panel, its commands and its serializer. */
export function registerDiagrams(services: Services): vscode.Disposable {
	return new DiagramsFeature(services);
}
