'use strict';
/**
 * The README of each package, written from the repository's README.md and examples/README.md:
 *   - the bundle: the repository's README as it is (what `npm pack` of the repository ships);
 *   - a service: its rows of the node and credential tables, the sections every node shares,
 *     its examples, and a Quick start of its own; relative links made absolute (npm shows the
 *     README without the repository around it).
 * A section or row that is not found fails the build, naming what to fix.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Splits a Markdown text into { intro, sections: [{ title, body }] } at its `## ` headings. */
function sections(text) {
	const parts = text.split(/^## /m);
	return {
		intro: parts[0],
		sections: parts.slice(1).map((part) => {
			const nl = part.indexOf('\n');
			return { title: part.slice(0, nl).trim(), body: part.slice(nl + 1) };
		}),
	};
}

/** A section's body, or null (with a warning) when the README has none of that title. */
function section(doc, title, file, warnings) {
	const found = doc.sections.find((s) => s.title === title);
	if (!found) warnings.push(`${file} has no "## ${title}" section: left out`);
	return found ? found.body.trim() : null;
}

/** The first Markdown table in `text`: { before, header: [2 lines], rows, after }. */
function table(text) {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l.startsWith('|'));
	if (start < 0) return null;
	let end = start;
	while (end < lines.length && lines[end].startsWith('|')) end++;
	return {
		before: lines.slice(0, start).join('\n').trim(),
		header: lines.slice(start, start + 2),
		rows: lines.slice(start + 2, end),
		after: lines.slice(end).join('\n').trim(),
	};
}

function firstCell(row) {
	return row.split('|')[1]?.trim() ?? '';
}

/** Relative links (and links to sections not in this README) made absolute to the repository. */
function absoluteLinks(text, repoUrl, anchors) {
	return text.replace(/\]\(([^)\s]+)\)/g, (all, target) => {
		if (/^[a-z]+:/i.test(target)) return all;
		if (target.startsWith('#'))
			return anchors.has(target.slice(1)) ? all : `](${repoUrl}${target})`;
		return `](${repoUrl}/blob/main/${target.replace(/^\.\//, '')})`;
	});
}

function anchorOf(title) {
	return title
		.toLowerCase()
		.replace(/[^a-z0-9 -]/g, '')
		.replace(/ /g, '-');
}

function read(root, file) {
	return fs.readFileSync(path.join(root, file), 'utf8');
}

function bundleReadme(planned) {
	return read(planned.root, 'README.md');
}

function listOf(words) {
	return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
}

/**
 * A service package's README. What it cannot find in the repository's READMEs (a table row, a
 * section) it writes from the built node and credential classes or leaves out, and says so in
 * `warnings` (build:packages prints them): a reworded README never breaks the build.
 */
function serviceReadme(planned, service, warnings = []) {
	const { root, pkg } = planned;
	const repoUrl = pkg.homepage.replace(/\/$/, '');
	const doc = sections(read(root, 'README.md'));
	const nodeTable = table(doc.intro) ?? {
		header: ['| Node | Operations | Credential |', '|---|---|---|'],
		rows: [],
		after: '',
	};
	const nodeRows = service.nodes.map((node) => {
		const row = nodeTable.rows.find((r) => firstCell(r) === `**${node.displayName}**`);
		if (row) return row;
		warnings.push(`README.md: its node table has no row for **${node.displayName}**: wrote one`);
		return `| **${node.displayName}** | ${node.description ?? ''} | ${node.credentials.join(', ')} |`;
	});

	const credentialsBody = section(doc, 'Credentials', 'README.md', warnings) ?? '';
	const credTable = table(credentialsBody) ?? {
		before: '',
		header: ['| Credential | What to put in | Sent as | Test request |', '|---|---|---|---|'],
		rows: [],
		after: '',
	};
	const credRows = service.credentials.map((c) => {
		const row = credTable.rows.find((r) => firstCell(r) === c.displayName);
		if (row) return row;
		warnings.push(`README.md: its Credentials table has no row for ${c.displayName}: wrote one`);
		return `| ${c.displayName} | see the credential's fields in n8n | | |`;
	});

	const exTable = table(read(root, 'examples/README.md'));
	const exRows = service.examples.map((file) => {
		const row = exTable?.rows.find((r) => firstCell(r) === `\`${file}\``);
		if (row) return row;
		warnings.push(`examples/README.md: its table has no row for \`${file}\`: wrote one`);
		const workflow = JSON.parse(read(root, path.join('examples', file)));
		return `| \`${file}\` | ${workflow.name} (\`${workflow.id}\`) | | |`;
	});
	const exHeader = exTable?.header ?? [
		'| file | workflow (id) | shows | credential (id) |',
		'| --- | --- | --- | --- |',
	];
	const others = planned.services.length - 1;

	const [action] = service.nodes;
	const nodeNames = service.nodes.map((n) => `**${n.displayName}**`);
	const types = service.nodes.map((n) => `\`${service.name}.${n.name}\``);
	const bundleTypes = service.nodes.map((n) => `\`${pkg.name}.${n.name}\``);
	const firstCredential = service.credentials[0];
	const out = [];
	out.push(`# ${service.name}`);
	out.push(
		`[n8n](https://n8n.io) community ${service.nodes.length > 1 ? 'nodes' : 'node'} for ${service.displayName}: ${listOf(nodeNames)}. ` +
			`Built from [${pkg.name}](${repoUrl}), which publishes the nodes of ${others} more chat services the same way, ` +
			`one package per service, and all ${others + 1} in one bundle.`,
	);
	out.push([...nodeTable.header, ...nodeRows].join('\n'));
	if (nodeTable.after) out.push(nodeTable.after);

	out.push('## Quick start');
	out.push(
		[
			'1. Install the package into your n8n, one of:',
			`   - from n8n's nodes panel: search for **${action.displayName}** (n8n Cloud and self-hosted, once n8n has verified the package);`,
			`   - self-hosted: **Settings → Community Nodes → Install**, package name \`${service.name}\`;`,
			'   - self-hosted, by hand (queue mode, or no access to the settings page), in the n8n user folder of every n8n process:',
			'',
			'     ```bash',
			'     mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes',
			`     npm install ${service.name}`,
			'     ```',
			'',
			'     then restart n8n. npm adds this one package: `n8n-workflow`, its only peer, is provided by n8n.',
			`2. **Credentials → Create credential → ${firstCredential.displayName}**: fill it in as the table below says and press *Test*` +
				(service.credentials.length > 1
					? ` (${listOf(service.credentials.slice(1).map((c) => `**${c.displayName}**`))} likewise, when you use ${service.credentials.length > 2 ? 'them' : 'it'}).`
					: '.'),
			`3. Add the **${action.displayName}** node to a workflow, pick a resource and an operation, select the credential and execute the step. ` +
				(service.examples.length
					? `Or import an example from this package's \`examples/\` folder (**Workflows → Import from File**, the files are in \`~/.n8n/nodes/node_modules/${service.name}/examples/\` after a manual install) and select your credential in each ${action.displayName} node.`
					: ''),
		].join('\n'),
	);

	out.push('## This package or the bundle');
	out.push(
		`This package holds the same ${listOf(nodeNames)} as the bundle \`${pkg.name}\`, under this package's name: ` +
			`the node ${types.length > 1 ? 'types are' : 'type is'} ${listOf(types)} here and ${listOf(bundleTypes)} in the bundle. ` +
			'Install one of the two, not both. A workflow built with one does not open with the other: re-add each node ' +
			'(and copy its parameters) after switching. ' +
			`The bundle suits a self-hosted n8n that wants all five services; this package is the one n8n can verify, ` +
			`for its nodes panel and n8n Cloud. More in [which package to install](${repoUrl}#which-package-to-install).`,
	);

	out.push('## Credentials');
	out.push([credTable.before ?? '', '', ...credTable.header, ...credRows].join('\n').trim());
	if (credTable.after) out.push(credTable.after);

	const shared = (title) => {
		const body = section(doc, title, 'README.md', warnings);
		if (body) out.push(`## ${title}`, body);
	};
	shared('Behaviour shared by every node');

	if (exRows.length) {
		out.push('## Examples');
		out.push(
			`\`examples/\` in this package has ${exRows.length === 1 ? 'one workflow' : `${exRows.length} workflows`}, with this package's node types ` +
				`(the repository's [examples/](${repoUrl}/tree/main/examples) hold the same for the bundle). ` +
				'Each has a sticky note saying what it shows and refers to its credential by a fixed id: after ' +
				'importing, open each node once and select your own credential. The IDs in them (chats, users, workspaces) ' +
				"are the repository's simulator's: replace them with yours.",
		);
		out.push([...exHeader, ...exRows].join('\n'));
	}

	shared('Supported n8n versions');
	shared('License');

	const text = `${out.join('\n\n')}\n`;
	const anchors = new Set([...text.matchAll(/^## (.+)$/gm)].map((m) => anchorOf(m[1])));
	return absoluteLinks(text, repoUrl, anchors);
}

module.exports = { bundleReadme, serviceReadme, sections, table, absoluteLinks };
