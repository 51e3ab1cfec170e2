/**
 * A few lines of everyday code per language family, few enough that the user's own files outweigh them.
 * They give the code model a starting vocabulary (`length`, `push`, `append`, `range`) when a project has
 * only one file of a language. They are idioms, not answers: the model still scores them against the
 * context like any other tokens.
 */
const C_LIKE = `
for (let i = 0; i < items.length; i++) { total += items[i]; }
for (let i = 0; i < arr.length; i++) { result.push(arr[i]); }
for (const item of items) { console.log(item.name); }
if (list.length === 0) { return undefined; }
const last = values[values.length - 1];
const names = items.map((item) => item.name).filter((name) => name.length > 0);
const index = text.indexOf(needle);
const parts = line.split(',');
const upper = name.toUpperCase();
map.set(key, map.get(key) + 1);
if (set.has(value)) { set.delete(value); }
while (queue.length > 0) { const next = queue.shift(); }
const json = JSON.stringify(data);
const parsed = JSON.parse(text);
export function add(a: number, b: number): number { return a + b; }
`;

const PYTHON = `
for i in range(len(items)):
    total += items[i]
for item in items:
    print(item.name)
result.append(value)
names = [item.name for item in items if item.name]
with open(path) as f:
    text = f.read()
parts = line.split(",")
if key in mapping:
    return mapping[key]
def add(a, b):
    return a + b
`;

const PRIORS: Record<string, string> = {
	javascript: C_LIKE,
	typescript: C_LIKE,
	javascriptreact: C_LIKE,
	typescriptreact: C_LIKE,
	java: C_LIKE,
	csharp: C_LIKE,
	c: C_LIKE,
	cpp: C_LIKE,
	go: C_LIKE,
	rust: C_LIKE,
	python: PYTHON,
};

export function codePrior(languageId: string): string {
	return PRIORS[languageId] ?? '';
}
