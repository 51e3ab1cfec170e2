/**
 * The concept diagrams bundled in `media/diagrams/<id>.svg`, in reading order. The notes tree, the notes
 * preview and the diagrams panel all read this list, so an id here is a contract: the static tests check
 * that every entry has its SVG file and that every SVG has an entry.
 */
export interface DiagramInfo {
	/** File name without `.svg`; also the argument of `aiNotes.openDiagram`. */
	id: string;
	title: string;
	caption: string;
	/** The note that explains the diagram, relative to the extension root, e.g. 'notes/11-the-transformer.md'. */
	note: string;
	/** Text of the heading in `note` where the explanation starts. */
	heading: string;
}

export const DIAGRAMS: readonly DiagramInfo[] = [
	{
		id: 'masked-vs-autoregressive',
		title: 'Masked vs autoregressive language models',
		caption: 'A masked model fills a blank using the words on both sides; an autoregressive model predicts the next token from the left only.',
		note: 'notes/03-masked-and-autoregressive-models.md',
		heading: 'Masked and autoregressive models',
	},
	{
		id: 'multimodal-model',
		title: 'A multimodal model',
		caption: 'Image and text tokens go into one model that generates the next token; CLIP-style training learns from image-text pairs.',
		note: 'notes/06-foundation-and-multimodal-models.md',
		heading: 'Multimodal models',
	},
	{
		id: 'adapting-a-model',
		title: 'Adapting a model',
		caption: 'Prompt engineering, RAG and finetuning side by side: what each one changes and what it costs in data and compute.',
		note: 'notes/07-adapting-models-and-the-ai-stack.md',
		heading: 'Adapting a model',
	},
	{
		id: 'ai-stack',
		title: 'The AI stack',
		caption: 'Three layers: application development, model development and infrastructure, with what lives in each.',
		note: 'notes/07-adapting-models-and-the-ai-stack.md',
		heading: 'The AI stack',
	},
	{
		id: 'inference-optimization',
		title: 'Inference optimization',
		caption: 'Where inference time and cost go, and the levers that make a model faster and cheaper.',
		note: 'notes/08-ai-engineering-vs-ml-engineering.md',
		heading: 'Inference optimization',
	},
	{
		id: 'seq2seq-vs-transformer',
		title: 'Seq2seq vs the transformer',
		caption: 'A seq2seq decoder sees only the encoder\'s final hidden state; a transformer attends to every input token.',
		note: 'notes/11-the-transformer.md',
		heading: 'From seq2seq to the transformer',
	},
	{
		id: 'prefill-decode',
		title: 'Prefill and decode',
		caption: 'Inference in two steps: prefill processes all input tokens in parallel into keys and values, then decode generates one token at a time.',
		note: 'notes/11-the-transformer.md',
		heading: 'Inference: prefill and decode',
	},
	{
		id: 'attention',
		title: 'The attention mechanism',
		caption: 'A query is compared with every key; the softmaxed scores weight the values, and their weighted sum is the output.',
		note: 'notes/12-attention.md',
		heading: 'How attention works',
	},
];
