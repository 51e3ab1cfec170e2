import * as vscode from 'vscode';
import { escapeMarkdown, type GlossaryEntry } from '../../core/glossary';
import { Commands } from '../../platform/commands';

/** Arguments of `aiNotes.openGlossaryEntry`, as put in the hover's command link. */
export interface OpenEntryArgs {
	readonly term: string;
}

/**
 * The hover for one entry. Every piece of text from a glossary file or a note is escaped, and the string
 * trusts exactly one command, so a workspace glossary cannot inject HTML or links that run other commands.
 */
export function renderHover(entry: GlossaryEntry, sourceLabel: string, linkLabel: string): vscode.MarkdownString {
	const md = new vscode.MarkdownString('', true);
	md.isTrusted = { enabledCommands: [Commands.openGlossaryEntry] };
	md.supportHtml = false;
	md.appendMarkdown(`**${escapeMarkdown(entry.term)}**\n\n`);
	md.appendMarkdown(`${escapeMarkdown(entry.definition)}\n\n`);
	if (entry.aliases.length > 0) {
		md.appendMarkdown(`*${escapeMarkdown(vscode.l10n.t('Also:'))}* ${entry.aliases.map(escapeMarkdown).join(', ')}\n\n`);
	}
	const args: OpenEntryArgs = { term: entry.term };
	const link = `command:${Commands.openGlossaryEntry}?${encodeURIComponent(JSON.stringify([args]))}`;
	md.appendMarkdown(`[$(book) ${escapeMarkdown(linkLabel)}](${link} "${escapeTitle(vscode.l10n.t('Open the note that explains this term'))}")`);
	md.appendMarkdown(` · *${escapeMarkdown(sourceLabel)}*`);
	return md;
}

function escapeTitle(text: string): string {
	return text.replace(/["\\]/g, '');
}
