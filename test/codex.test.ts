/**
 * Every node's codex (nodes/<Folder>/<Node>.node.json) against the rules n8n's editor applies when
 * it builds the node panel ("What happens next?" / "+"). The rules are restated from n8n's
 * editor-ui (packages/frontend/editor-ui, node-creator store `useViewStacks` and
 * `nodeCreator.utils`), the same in n8n 2.8 and 2.41:
 *
 *  - filterOutAiNodes: while the canvas has no AI node (and always from a "+" endpoint), the search
 *    drops every node whose codex.categories has "AI" unless codex.subcategories.AI has
 *    "Root Nodes". Dify and Zaia had "AI" without subcategories: searching "Dify" found nothing.
 *  - subcategorizeItems: a node with a category among "Core Nodes" / "AI" / "HITL" that has
 *    subcategories is listed under those subcategories only; any other node goes to "*", the
 *    "Action in an app" / "On app event" list.
 *  - AIView lists, at the top of the AI panel, the nodes whose subcategories.AI has "Agents"
 *    (n8n's own AI service nodes, e.g. OpenAI and Anthropic, carry
 *    { AI: ["Agents", "Miscellaneous", "Root Nodes"] }).
 *  - useActionsGenerator: a node whose subcategories.AI has "Tools" but not "Root Nodes" gets no
 *    actions list.
 *  - The backend's tool variant (<name>Tool, for `usableAsTool`) gets categories ["AI"] and
 *    subcategories { AI: ["Tools"], Tools: <ours, if set> ?? ["Other Tools"] }.
 *
 * The browser part (test/e2e/browser.js) checks the same thing for real, in the editor.
 */
import fs from 'fs';
import path from 'path';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../package.json');

const ROOT = path.join(__dirname, '..');

/** The codex categories n8n's own nodes use (n8n-nodes-base + nodes-langchain, 2.8 and 2.41). */
const N8N_CATEGORIES = [
	'AI',
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Development',
	'Developer Tools',
	'Finance & Accounting',
	'HITL',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];
/** Subcategories of "AI" that the node panel shows as a place to browse to. */
const AI_SUBCATEGORIES = [
	'Agents',
	'Chains',
	'Document Loaders',
	'Embeddings',
	'Language Models',
	'Memory',
	'Miscellaneous',
	'Output Parsers',
	'Retrievers',
	'Root Nodes',
	'Text Splitters',
	'Tools',
	'Vector Stores',
	'Model Context Protocol',
];

interface Codex {
	node: string;
	nodeVersion: string;
	codexVersion: string;
	categories?: string[];
	subcategories?: Record<string, string[]>;
	alias?: string[];
	resources?: {
		primaryDocumentation?: Array<{ url: string }>;
		credentialDocumentation?: Array<{ url: string }>;
	};
}

interface Entry {
	file: string;
	description: INodeTypeDescription;
	codex: Codex;
}

const entries: Entry[] = (pkg.n8n.nodes as string[]).map((distFile) => {
	const source = path.join(ROOT, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(source) as Record<string, new () => INodeType>;
	const Cls = Object.values(mod).find((v) => typeof v === 'function');
	if (!Cls) throw new Error(`${source} exports no node class`);
	const description = new Cls().description as INodeTypeDescription;
	const codexFile = source.replace(/\.ts$/, '.json');
	const codex = fs.existsSync(codexFile)
		? (JSON.parse(fs.readFileSync(codexFile, 'utf8')) as Codex)
		: (undefined as unknown as Codex);
	return { file: path.relative(ROOT, codexFile), description, codex };
});

const isTrigger = (d: INodeTypeDescription) => d.group.includes('trigger');

/** n8n's filterOutAiNodes, for one node: true = kept in a search from an empty canvas. */
function keptByAiFilter(codex: Pick<Codex, 'categories' | 'subcategories'>): boolean {
	if (!codex.categories?.includes('AI')) return true;
	return codex.subcategories?.AI?.includes('Root Nodes') === true;
}

/** n8n's subcategorizeItems, for one node: the lists it is browsable in. */
function browsedUnder(codex: Pick<Codex, 'categories' | 'subcategories'>): string[] {
	const matched = ['Core Nodes', 'AI', 'HITL'].flatMap((category) =>
		codex.categories?.includes(category) ? (codex.subcategories?.[category] ?? []) : [],
	);
	return matched.length ? matched : ['*'];
}

/** The codex n8n's backend gives a node's tool variant (setToolCodex, preserving Tools). */
function toolVariantCodex(codex: Codex): Pick<Codex, 'categories' | 'subcategories'> {
	return {
		categories: ['AI'],
		subcategories: { AI: ['Tools'], Tools: codex.subcategories?.Tools ?? ['Other Tools'] },
	};
}

describe('codex files: where each node appears in the editor node panel', () => {
	test('the rules restated here reproduce the reported bug on the old Dify/Zaia codex', () => {
		// issue 11: "AI" without subcategories was dropped from the search, "Root Nodes" keeps it
		expect(keptByAiFilter({ categories: ['AI', 'Communication'] })).toBe(false);
		expect(keptByAiFilter({ categories: ['Communication', 'Productivity'] })).toBe(true);
		expect(
			keptByAiFilter({
				categories: ['AI'],
				subcategories: { AI: ['Agents', 'Miscellaneous', 'Root Nodes'] },
			}),
		).toBe(true);
		expect(browsedUnder({ categories: ['Communication'] })).toEqual(['*']);
	});

	test.each(entries.map((e) => [e.description.displayName, e] as const))(
		'%s: codex file, node name, known categories, documentation links',
		(_name, { file, description, codex }) => {
			expect(codex).toBeDefined();
			expect(codex.node).toBe(`${pkg.name}.${description.name}`);
			expect(codex.categories?.length).toBeGreaterThan(0);
			for (const category of codex.categories ?? []) expect(N8N_CATEGORIES).toContain(category);
			for (const [category, subs] of Object.entries(codex.subcategories ?? {})) {
				expect(codex.categories).toContain(category === 'Tools' ? 'AI' : category);
				if (category === 'AI') for (const s of subs) expect(AI_SUBCATEGORIES).toContain(s);
			}
			expect(codex.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\//);
			expect(codex.resources?.credentialDocumentation?.[0]?.url).toMatch(/^https:\/\//);
			expect(file).toMatch(/\.node\.json$/);
		},
	);

	test.each(entries.map((e) => [e.description.displayName, e] as const))(
		'%s: found by name in the search of an empty canvas, and browsable',
		(_name, { description, codex }) => {
			expect(keptByAiFilter(codex)).toBe(true);
			const lists = browsedUnder(codex);
			if (codex.categories?.includes('AI')) {
				// an AI service: at the top of the AI panel, next to OpenAI / Anthropic, with its actions
				expect(lists).toContain('Agents');
				expect(codex.subcategories?.AI).not.toContain('Tools');
			} else {
				// an app: in "Action in an app" (or "On app event" for a trigger)
				expect(lists).toEqual(['*']);
			}
			if (isTrigger(description)) expect(codex.categories).not.toContain('AI');
		},
	);

	test.each(
		entries
			.filter((e) => e.description.usableAsTool)
			.map((e) => [e.description.displayName, e] as const),
	)('%s: its tool variant lands in the AI Agent tool picker', (_name, { codex }) => {
		const tool = toolVariantCodex(codex);
		expect(tool.subcategories?.AI).toEqual(['Tools']);
		expect(['Other Tools', 'Recommended Tools']).toContain(tool.subcategories?.Tools?.[0]);
	});

	test('every action node is usable as a tool, the trigger is not', () => {
		for (const { description } of entries)
			expect(!!description.usableAsTool).toBe(!isTrigger(description));
	});
});
