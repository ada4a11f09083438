/** Document → Create From File: the input item's file as multipart, the settings as the JSON `data` part. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'createFromFile',
	datasetId: knowledge.HELP_DATASET,
});
const path = `/datasets/${knowledge.HELP_DATASET}/document/create-by-file`;
const POLICY = '# Returns\n\nRefunds reach your card within 5 business days of the return scan.';
const file = (fileName = 'returns-policy.md', mimeType = 'text/markdown', text = POLICY) => ({
	json: {},
	binary: { data: { data: Buffer.from(text).toString('base64'), mimeType, fileName } },
});

beforeEach(() => {
	knowledge.storeOf(ctx.sim.state).stageMs = 40;
});

describe('Dify: Document → Create From File', () => {
	test('multipart with the JSON "data" part (automatic chunking) and the file; outputs the document named after the file, with its batch', async () => {
		const result = await run({}, { items: [file()] });
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', path);
		expect(sent.headers.authorization).toBe(`Bearer ${knowledge.KNOWLEDGE_TOKEN}`);
		expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(Object.keys(sent.body).sort()).toEqual(['data', 'file']);
		expect(JSON.parse(sent.body.data)).toEqual({ process_rule: { mode: 'automatic' } });
		expect(sent.body.file).toMatchObject({
			filename: 'returns-policy.md',
			contentType: 'text/markdown',
		});
		expect(sent.body.file.data.toString('utf8')).toBe(POLICY);
		expect(sent.rejected).toBeUndefined();
		expect(json(result)).toMatchObject({
			name: 'returns-policy.md',
			data_source_type: 'upload_file',
		});
		expect(json(result).batch).toMatch(/^\d{20}$/);
	});

	test('the settings go in "data"; File Name renames the file; Wait Until Indexed then finds its text', async () => {
		const result = await run(
			{
				binaryPropertyName: 'data',
				waitForIndexing: true,
				additionalFields: { fileName: 'refunds.md', docForm: 'text_model', chunkOverlap: 10 },
				additionalBodyFields:
					'{"retrieval_model":{"search_method":"semantic_search","reranking_enable":false,"top_k":2,"score_threshold_enabled":false}}',
			},
			{ items: [file()] },
		);
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', path);
		expect(JSON.parse(sent.body.data)).toEqual({
			doc_form: 'text_model',
			process_rule: {
				mode: 'custom',
				rules: {
					pre_processing_rules: [
						{ id: 'remove_extra_spaces', enabled: true },
						{ id: 'remove_urls_emails', enabled: false },
					],
					segmentation: { separator: '\\n', max_tokens: 1000, chunk_overlap: 10 },
				},
			},
			retrieval_model: {
				search_method: 'semantic_search',
				reranking_enable: false,
				top_k: 2,
				score_threshold_enabled: false,
			},
		});
		expect(sent.body.file.filename).toBe('refunds.md');
		expect(json(result)).toMatchObject({ name: 'refunds.md', indexing_status: 'completed' });
		const found = await run({
			resource: 'knowledgeBase',
			operation: 'retrieve',
			query: 'How many business days do refunds take?',
		});
		const refunds = found.items.find((i) => i.json.document_name === 'refunds.md');
		expect(String(refunds?.json.content)).toContain('5 business days');
	});

	test('a missing binary field is refused before any request; a type Dify refuses is 415; a file-name error is explained', async () => {
		const missing = await run({ binaryPropertyName: 'attachment' }, { items: [file()] });
		expect(missing.error?.message).toBe(
			'Input Binary Field: the input item has no binary field "attachment"',
		);
		expect(ctx.sim.requests).toHaveLength(0);
		const exe = await run({}, { items: [file('setup.exe', 'application/octet-stream', 'MZ')] });
		expect(exe.error?.httpCode).toBe('415');
		expect(exe.error?.message).toBe('File type not allowed.');
		expect(exe.error?.description).toContain('Dify code: unsupported_file_type');
	});

	test('each item sends its own file, in order', async () => {
		const result = await run(
			{},
			{
				items: [
					file('a.txt', 'text/plain', 'First file.'),
					file('b.txt', 'text/plain', 'Second file.'),
				],
			},
		);
		expect(result.items.map((i) => i.json.name)).toEqual(['a.txt', 'b.txt']);
		expect(ctx.sim.calls('POST', path).map((r) => r.body.file.data.toString('utf8'))).toEqual([
			'First file.',
			'Second file.',
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
