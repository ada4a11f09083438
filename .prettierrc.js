/** Formatting is Prettier's job (n8n's node starter settings: tabs, width 100). `npm run format`. */
module.exports = {
	semi: true,
	singleQuote: true,
	quoteProps: 'as-needed',
	trailingComma: 'all',
	bracketSpacing: true,
	arrowParens: 'always',
	useTabs: true,
	tabWidth: 2,
	printWidth: 100,
	endOfLine: 'lf',
};
