import * as vscode from 'vscode';
import { DIAGRAMS, DiagramInfo } from '../../core/diagrams/catalog';
import { checkDiagramSvg, toInlineSvg } from '../../core/diagrams/svgSafety';

export interface LoadedDiagram {
	readonly info: DiagramInfo;
	/** Thumbnail markup, safe to inline; undefined when the file is missing or failed the check. */
	readonly svg?: string;
}

/**
 * Reads the bundled SVGs once and keeps the checked markup. Why inline rather than `<img src>`: an SVG shown through
 * `<img>` is a separate document, so neither `currentColor` nor the theme's CSS variables reach it and the drawings
 * would stay light-themed in a dark editor. Inlining is safe because every file passes the same allowlist check the
 * static tests run (no script, no foreignObject, no event attributes, no external references) and is then
 * re-serialised from the parsed tree, element by element, rather than pasted as text.
 */
export class DiagramSource {
	private _loaded: Promise<readonly LoadedDiagram[]> | undefined;

	constructor(private readonly _extensionUri: vscode.Uri, private readonly _log: vscode.LogOutputChannel) { }

	uriOf(info: DiagramInfo): vscode.Uri {
		return vscode.Uri.joinPath(this._extensionUri, 'media', 'diagrams', `${info.id}.svg`);
	}

	load(): Promise<readonly LoadedDiagram[]> {
		// The files ship with the extension and never change while it runs, so one read is enough.
		this._loaded ??= Promise.all(DIAGRAMS.map((info) => this._loadOne(info)));
		return this._loaded;
	}

	private async _loadOne(info: DiagramInfo): Promise<LoadedDiagram> {
		const uri = this.uriOf(info);
		let text: string;
		try {
			text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
		} catch (e) {
			this._log.error(`Diagram '${info.id}' could not be read from ${uri.toString()}: ${String(e)}`);
			return { info };
		}
		const { problems, root } = checkDiagramSvg(text);
		if (problems.length > 0 || !root) {
			this._log.error(`Diagram '${info.id}' is not shown because it failed the safety check: ${problems.join('; ')}`);
			return { info };
		}
		return { info, svg: toInlineSvg(root, { decorative: true }) };
	}
}
