// js-tiktoken ships types for its rank files only through package "exports", which this project's
// `moduleResolution` (node10, as `module: commonjs` implies) does not read.
declare module 'js-tiktoken/ranks/*' {
	const ranks: { pat_str: string; special_tokens: Record<string, number>; bpe_ranks: string };
	export default ranks;
}
