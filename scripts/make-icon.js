#!/usr/bin/env node
// Writes a placeholder light/dark icon pair for a new provider: a speech bubble in the provider's colour
// with its initials. The shipped nodes no longer use it: their icons are brand marks (nodes/ICONS.md
// lists each one's source and licence). Use this only until the new provider's mark is drawn, and
// replace it before a release.
// Usage: node scripts/make-icon.js <out-base-path> <hex colour> <initials>
const fs = require('fs');
const [base, colour, initials] = process.argv.slice(2);
if (!base || !colour || !initials) {
	console.error('usage: make-icon.js <out-base> <#colour> <initials>');
	process.exit(2);
}
function svg(fg, text) {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
  <path d="M10 8h44a6 6 0 0 1 6 6v28a6 6 0 0 1-6 6H28l-12 10v-10h-6a6 6 0 0 1-6-6V14a6 6 0 0 1 6-6z" fill="${fg}"/>
  <text x="32" y="35" text-anchor="middle" dominant-baseline="middle" font-family="Arial, Helvetica, sans-serif" font-size="${initials.length > 1 ? 20 : 26}" font-weight="700" fill="${text}">${initials}</text>
</svg>
`;
}
fs.writeFileSync(`${base}.svg`, svg(colour, '#ffffff'));
fs.writeFileSync(`${base}.dark.svg`, svg('#ffffff', colour));
