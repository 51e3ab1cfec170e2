import * as vscode from 'vscode';
import { decodeNote } from '../../../core/notes/decode';
import { extractHeadings } from '../../../core/notes/headings';
import { classifyLink } from '../../../core/notes/links';
import { openNoteAt } from '../../../platform/openNote';

/**
 * Follows a link clicked in the preview of `note`. The href comes from the webview, so it is classified
 * again here: only http(s) goes to the browser, a relative path opens that note at the `#anchor` heading,
 * anything else is refused with a message.
 */
export async function followPreviewLink(href: string, note: vscode.Uri): Promise<void> {
	const link = classifyLink(href);
	switch (link.kind) {
		case 'external':
			await vscode.env.openExternal(vscode.Uri.parse(link.href, true));
			return;
		case 'note': {
			const base = link.path.startsWith('/') ? (vscode.workspace.getWorkspaceFolder(note)?.uri ?? vscode.Uri.joinPath(note, '..')) : vscode.Uri.joinPath(note, '..');
			const target = vscode.Uri.joinPath(base, link.path.replace(/^\/+/, ''));
			let bytes: Uint8Array;
			try {
				bytes = await vscode.workspace.fs.readFile(target);
			} catch {
				void vscode.window.showWarningMessage(vscode.l10n.t('The linked file "{0}" does not exist.', link.path));
				return;
			}
			if (!/\.(md|markdown)$/i.test(target.path)) {
				await vscode.commands.executeCommand('vscode.open', target);
				return;
			}
			await openNoteAt(target, { line: anchorLine(bytes, link.fragment) });
			return;
		}
		case 'anchor':
			// The webview scrolls to anchors in the same note itself.
			return;
		case 'unsupported':
			void vscode.window.showWarningMessage(vscode.l10n.t('The preview opens only http(s) links and links to other notes; "{0}" was not opened.', href));
			return;
	}
}

/** The line of the heading a `#fragment` names: by GitHub slug first, then by heading text. */
function anchorLine(bytes: Uint8Array, fragment: string | undefined): number | undefined {
	if (!fragment) {
		return undefined;
	}
	const decoded = decodeNote(bytes);
	if (decoded.kind !== 'text') {
		return undefined;
	}
	const headings = extractHeadings(decoded.text);
	const wanted = fragment.toLowerCase();
	return (headings.find((heading) => heading.slug === wanted) ?? headings.find((heading) => heading.text.toLowerCase() === wanted))?.line;
}
