import type { BuiltinCandidate } from './model';

/**
 * The builtin model's explanation, in markdown, built only from its evidence: the counts next to the
 * blank, the supporting sentences and the glossary. It says plainly that this is a statistical model, so a
 * learner does not mistake a count for understanding.
 */
export function explainPrediction(kind: 'prose' | 'code', candidates: readonly BuiltinCandidate[], left: readonly string[], right: readonly string[]): string {
	const unit = kind === 'prose' ? 'word' : 'token';
	const near = visible(left).split(' ').pop() || visible(right).split(' ')[0] || '';
	if (candidates.length === 0) {
		return `No ${unit} in the notes or this document was ever seen next to the words around the blank, so the builtin model has nothing to go on. Try a longer selection of context, or a network model.`;
	}
	const best = candidates[0];
	const lines: string[] = [];
	const percent = (p: number): string => `${Math.round(p * 100)}%`;
	lines.push(`**${escapeMd(best.text)}** scores highest (${percent(best.probability)} of the probability among the candidates).`);
	const clues: string[] = [];
	if (best.leftMatch.phrase && best.leftMatch.count > 0) {
		clues.push(`it follows ${code(best.leftMatch.phrase)} ${times(best.leftMatch.count)}`);
	}
	if (best.rightMatch.phrase && best.rightMatch.count > 0) {
		clues.push(`it comes right before ${code(best.rightMatch.phrase)} ${times(best.rightMatch.count)}`);
	}
	if (clues.length > 0) {
		lines.push(`In the ${kind === 'prose' ? 'notes and this document' : 'code it has read'}, ${clues.join(', and ')}.`);
	} else {
		lines.push(`It was never seen right next to ${near ? code(near) : 'the blank'}; it wins on the wider context and on how common it is.`);
	}
	if (best.evidence.length > 0) {
		lines.push('', kind === 'prose' ? 'Sentences that support it:' : 'Lines that support it:');
		for (const e of best.evidence) {
			lines.push(`- ${kind === 'prose' ? `“${escapeMd(e.text)}”` : code(e.text)} — ${escapeMd(e.source)}`);
		}
	}
	if (best.definition) {
		lines.push('', `Glossary: **${escapeMd(best.definition.term)}** — ${escapeMd(best.definition.definition)}`);
	}
	const runnerUp = candidates[1];
	if (runnerUp) {
		const seen = runnerUp.leftMatch.count + runnerUp.rightMatch.count;
		const where = kind === 'prose' ? 'in the notes' : 'in the code it has read';
		lines.push('', `The runner-up, **${escapeMd(runnerUp.text)}** (${percent(runnerUp.probability)}), ${seen > 0 ? `is seen next to the blank's neighbours ${times(seen)} ${where}` : `is never seen next to the blank's neighbours ${where}`}.`);
	}
	const sources = kind === 'prose' ? 'the bundled notes, your notes and this document' : 'this file, other workspace files of the same language and a few common idioms';
	lines.push('', `_This is the builtin statistical model: it counts which ${unit}s appear before and after the ${unit}s around the blank (n-grams read in both directions, smoothed) in ${sources}. It does not understand the ${kind === 'prose' ? 'text' : 'code'}; a network model can explain meaning._`);
	return lines.join('\n');
}

function visible(tokens: readonly string[]): string {
	return tokens.filter((t) => t !== '<s>' && t !== '</s>').join(' ');
}

function times(n: number): string {
	return n === 1 ? 'once' : `${n} times`;
}

function code(text: string): string {
	return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Escapes markdown punctuation so a note's sentence cannot turn into a link or an image. */
function escapeMd(text: string): string {
	return text.replace(/([\\`*_[\]()<>#!|])/g, '\\$1');
}
