/**
 * What Dify's Knowledge API answers when it refuses a request, explained where a user can act:
 * the codes of openapi_service.json's knowledge endpoints (and `document_indexing`, which Dify
 * raises while a document is being indexed though the reference lists it nowhere), the plain
 * `{ "error": "…" }` body of a request-body validation error, and the several meanings of
 * `forbidden` (told apart by the message, as the errors guide says to).
 */
import type { ProviderErrorInfo } from '../../../common/errors';
import { errorObject, nonEmptyText } from '../../../common/errors';

const CODE_HINTS: Record<string, { description: string; retryable?: boolean }> = {
	dataset_not_initialized: {
		description:
			'The knowledge base has no document ready yet: Dify is still indexing. Use Wait Until Indexed on the step that adds the document (or Document → Get Indexing Status), then retrieve again.',
		retryable: true,
	},
	archived_document_immutable: {
		description:
			'The document is archived, so it cannot be changed or deleted. Un-archive it first (Document → Update Status → Un-Archive).',
		retryable: false,
	},
	document_indexing: {
		description:
			'The document is still being indexed. Wait until indexing has finished (Document → Get Indexing Status), then try again.',
		retryable: true,
	},
	dataset_name_duplicate: {
		description:
			'A knowledge base with this name already exists in the workspace. Pick another name, or find the existing one with Knowledge Base → Get Many (Filters → Keyword).',
		retryable: false,
	},
	invalid_action: {
		description:
			'A document cannot take this action in its current state, for example while it is still indexing. Check it with Document → Get Indexing Status, then try again.',
	},
	provider_not_initialize: {
		description:
			"The knowledge base's embedding model is missing or not set up in the workspace. Fix it in Dify (Settings → Model Provider); retrying will not help.",
		retryable: false,
	},
	provider_quota_exceeded: {
		description:
			"The model provider's quota is used up. Fix the workspace's model provider in Dify; retrying will not help.",
		retryable: false,
	},
	model_currently_not_support: {
		description:
			"The knowledge base's embedding or rerank model is not available. Pick another model in Dify; retrying will not help.",
		retryable: false,
	},
	completion_request_error: {
		description:
			"A model call failed inside Dify (the embedding or rerank model). Check the knowledge base's models; retrying as it is will not help.",
		retryable: false,
	},
	invalid_metadata: {
		description: 'Additional Fields → Metadata must be All, Only or Without.',
	},
	unauthorized: {
		description:
			'Dify did not accept the Knowledge API key. Knowledge resources need a Knowledge API key (Knowledge → Service API → API Key), not the API key of an app.',
		retryable: false,
	},
};

/** Hints that depend on Dify's message, for codes that cover several situations. */
const MESSAGE_HINTS: Array<{
	code?: string;
	pattern: RegExp;
	description: string;
	retryable?: boolean;
}> = [
	{
		code: 'forbidden',
		pattern: /api access is not enabled/i,
		description:
			'API access is turned off for this knowledge base. In Dify, open the knowledge base and turn API Access on (bottom left).',
		retryable: false,
	},
	{
		code: 'forbidden',
		pattern: /limit|subscription|upgrade|paid plan/i,
		description:
			'A limit of your Dify plan was reached (the message says which). Retrying will not help until the plan, or its period, changes.',
		retryable: false,
	},
	{
		code: 'forbidden',
		pattern: /permission/i,
		description:
			'The account that created the Knowledge API key cannot reach this knowledge base or document. Check its permission in Dify.',
		retryable: false,
	},
	{
		pattern: /indexing_technique is required/i,
		description:
			'The knowledge base has no document yet, so its first one decides how it is indexed: set Additional Fields → Indexing Technique.',
		retryable: false,
	},
	{
		code: 'not_found',
		pattern: /not completed|is disabled/i,
		description:
			'Chunks can be added only to a document that has finished indexing and is enabled. Use Wait Until Indexed on the step that adds the document, or Document → Update Status → Enable.',
	},
	{
		code: 'invalid_param',
		pattern: /not available/i,
		description:
			'Only a document that has finished indexing (and is not disabled or archived) can be updated. Use Wait Until Indexed on the step before, or check Document → Get Indexing Status.',
	},
];

/**
 * The knowledge-specific reading of an error body, on top of the Dify profile's: the same message
 * and code, a hint that fits the Knowledge API, and whether retrying can help.
 */
export function knowledgeErrorInfo(
	status: number,
	body: unknown,
	base: ProviderErrorInfo,
): ProviderErrorInfo {
	const b = errorObject(body);
	const info: ProviderErrorInfo = { ...base };
	// a request-body validation error comes as { "error": "<details>" }, without code or status
	const plain = nonEmptyText(b.error);
	if (plain && b.code === undefined && b.message === undefined) {
		info.message = plain.split('\n').join(' ').trim();
		info.description =
			"Dify refused the request's fields. Check the node's parameters (and Extra Body Fields (JSON)).";
		info.explainsFully = true;
		return info;
	}
	const code = info.code ?? (status === 401 ? 'unauthorized' : undefined);
	const text = typeof b.message === 'string' ? b.message : '';
	const byMessage = MESSAGE_HINTS.find(
		(hint) => (hint.code === undefined || hint.code === code) && hint.pattern.test(text),
	);
	const hint = byMessage ?? (code ? CODE_HINTS[code] : undefined);
	if (hint) {
		info.description = hint.description;
		info.explainsFully = true;
		if (hint.retryable !== undefined) info.retryable = hint.retryable;
	}
	return info;
}
