import type { EncodingName } from './encodings';

/** Messages between the token details panel and its webview (no DOM or Node types here). */

export interface EncodingRow {
	readonly encoding: EncodingName;
	readonly models: string;
	readonly tokens: number;
	readonly current: boolean;
}

export interface DetailsView {
	readonly title: string;
	/** What was counted, e.g. "selection (2 ranges)" or "whole document", already localized. */
	readonly scope: string;
	readonly encoding: EncodingName;
	readonly characters: number;
	readonly words: number;
	readonly rows: readonly EncodingRow[];
	readonly pricePerMillion: number;
	/** Text and token ids of each coloured segment, in order. */
	readonly segments: readonly (readonly [string, readonly number[]])[];
	readonly truncated: boolean;
	readonly language: string;
	readonly labels: Readonly<Record<'encoding' | 'tokens' | 'charsPerToken' | 'wordsPerToken' | 'cost' | 'price' | 'characters' | 'words' | 'truncated' | 'tokenIds' | 'current' | 'useEncoding' | 'heading', string>>;
}

export type ToDetailsWebview =
	| { readonly type: 'render'; readonly view: DetailsView }
	| { readonly type: 'counting'; readonly message: string }
	| { readonly type: 'error'; readonly message: string };

export type FromDetailsWebview =
	| { readonly type: 'ready' }
	| { readonly type: 'useEncoding'; readonly encoding: EncodingName };
