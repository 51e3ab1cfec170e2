import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		rules: {
			curly: 'error',
			eqeqeq: ['error', 'smart'],
			'no-console': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-non-null-assertion': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/naming-convention': ['warn', { selector: 'typeLike', format: ['PascalCase'] }],
		},
	},
	{
		// Tests, benches and the test host may print.
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		rules: { 'no-console': 'off' },
	},
	{
		// The core never talks to VS Code: it must run under plain mocha.
		files: ['src/core/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
	},
);
