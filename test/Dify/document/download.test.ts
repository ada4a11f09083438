/** Document → Download: Dify's signed URL, then the file from there (without the key) as binary data. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'download',
	datasetId: knowledge.HELP_DATASET,
});
const INVOICE = 'fa8cc611-0510-4b5e-8c10-af4faf3cf307';

describe('Dify: Document → Download', () => {
	test("GET …/download, then the signed URL without the Knowledge key; the file is the item's binary data", async () => {
		const result = await run({ documentId: INVOICE, binaryPropertyOutput: 'invoice' });
		expect(result.error).toBeUndefined();
		const [signed, fetched] = ctx.sim.requests;
		expect(signed.path).toBe(`/datasets/${knowledge.HELP_DATASET}/documents/${INVOICE}/download`);
		expect(fetched.path).toMatch(/^\/knowledge-files\/[0-9a-f]{32}$/);
		expect(fetched.headers.authorization).toBeUndefined();
		const item = result.items[0];
		expect(item.json).toEqual({
			document_id: INVOICE,
			url: expect.stringMatching(/\/knowledge-files\/[0-9a-f]{32}\?sign=/),
			file_name: 'scanned-invoice.pdf',
			mime_type: 'application/pdf',
			size: 13,
		});
		expect(item.binary?.invoice).toMatchObject({
			fileName: 'scanned-invoice.pdf',
			mimeType: 'application/pdf',
		});
		expect(Buffer.from(item.binary!.invoice.data, 'base64').toString()).toBe('%PDF-1.4 scan');
	});

	test("Download File off: only the signed URL; a text document has no file (404, Dify's message)", async () => {
		const url = await run({ documentId: INVOICE, downloadFile: false });
		expect(Object.keys(json(url))).toEqual(['document_id', 'url']);
		expect(url.items[0].binary).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const text = await run({ documentId: 'a246c561-536b-4474-84f1-cc5e36e5ac43' });
		expect(text.error?.message).toBe('Document does not have an uploaded file to download.');
	});

	test('a storage that refuses the signed URL fails with a clear message and no URL in it', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: /^\/knowledge-files\// },
			{ status: 403, body: 'expired' },
		);
		const result = await run({ documentId: INVOICE }, { continueOnFail: true });
		expect(json(result).error).toBe(`Could not download the file of document ${INVOICE}: HTTP 403`);
		expect(json(result).errorDescription).toContain('Run the step again');
		expect(JSON.stringify(json(result))).not.toContain('/knowledge-files/');
	});
});
