import type { Heading } from './headings';

/** A heading with the headings that belong under it. */
export interface OutlineNode {
	readonly heading: Heading;
	/** Index of the heading in the note's flat heading list. */
	readonly index: number;
	readonly children: OutlineNode[];
}

/**
 * Nests headings: each one goes under the nearest earlier heading of a lower level. A jump such as H1
 * then H4 puts the H4 directly under the H1 rather than inventing empty H2/H3 levels, which is what a
 * reader of the tree expects; headings before the first H1 stay at the top.
 */
export function buildOutline(headings: readonly Heading[]): OutlineNode[] {
	const roots: OutlineNode[] = [];
	const stack: OutlineNode[] = [];
	headings.forEach((heading, index) => {
		const node: OutlineNode = { heading, index, children: [] };
		while (stack.length > 0 && stack[stack.length - 1].heading.level >= heading.level) {
			stack.pop();
		}
		const parent = stack[stack.length - 1];
		if (parent) {
			parent.children.push(node);
		} else {
			roots.push(node);
		}
		stack.push(node);
	});
	return roots;
}

/** For each heading index, the index of its parent heading (-1 at the top). Used by the tree's `getParent`. */
export function parentIndexes(outline: readonly OutlineNode[], count: number): number[] {
	const parents = new Array<number>(count).fill(-1);
	const visit = (nodes: readonly OutlineNode[], parent: number): void => {
		for (const node of nodes) {
			parents[node.index] = parent;
			visit(node.children, node.index);
		}
	};
	visit(outline, -1);
	return parents;
}

/** The index of the heading whose section holds `line` (the last heading at or before it), or -1. */
export function headingAtLine(headings: readonly Heading[], line: number): number {
	let low = 0;
	let high = headings.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (headings[middle].line <= line) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return found;
}
