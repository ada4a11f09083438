/** Long runs that are not part of the fast suite: `npm run soak` (CI runs it after the fast suite). */
module.exports = {
	rootDir: '..',
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.soak.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.js'],
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
