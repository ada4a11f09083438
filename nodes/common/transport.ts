/**
 * The one transport every node uses: the request itself, the credential and base URL, the
 * Timeout option, the retry loop (429 waits and backoff retries of idempotent calls; how long to
 * wait is retry.ts), detached clean-up calls, and provider error bodies → NodeApiError.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from './descriptions';
import type { ProviderErrorInfo } from './errors';
import { attachFailure, buildApiError, isRetryableStatus, redactText } from './errors';
import type { RetryPolicy } from './retry';
import { abortableSleep, abortError, DEFAULT_RETRY, retryAfterMs } from './retry';

/** Any n8n context that can make authenticated requests. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** What the shared transport needs to know about one provider. */
export interface ProviderProfile {
	/** Display name used in messages ("ClickUp", "Dify"). */
	name: string;
	/** The n8n credential type whose `authenticate` signs every request. */
	credentialType: string;
	/**
	 * When the node offers several ways to authenticate (its `authentication` parameter): the
	 * credential type for the chosen value.
	 */
	credentialTypeFor?(authentication: string): string;
	/** Credential fields that hold secrets (dot paths into nested objects allowed): their values are removed from every message. */
	secretFields: readonly string[];
	/** Production base URL, used when the credential leaves `baseUrl` empty. */
	defaultBaseUrl: string;
	/** Turn the provider's documented error body into message, code and description. */
	parseError(status: number, body: unknown): ProviderErrorInfo;
	/**
	 * The auth headers the credential type's `authenticate` produces, for `detached` requests only
	 * (n8n's authenticated helper always binds the execution's cancel signal).
	 */
	authHeaders?(credentials: IDataObject): IDataObject;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, starting with '/'. */
	path: string;
	qs?: IDataObject;
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	/** 'json' (default), 'stream' for SSE, 'arraybuffer' for files. */
	encoding?: 'json' | 'stream' | 'arraybuffer' | 'text';
	timeout?: number;
	itemIndex?: number;
	/** Bounds for waiting out 429 answers (and transient failures of idempotent calls); see DEFAULT_RETRY. */
	retry?: Partial<RetryPolicy>;
	/**
	 * Whether sending the request twice does no harm. Idempotent calls are also retried, with
	 * backoff, after a transient failure (5xx, 408, a reset or timed-out connection); others only
	 * after a 429, since a blind retry could create something twice. Default: true for GET and HEAD.
	 */
	idempotent?: boolean;
	/** Values besides the credential's secrets that no error may show (e.g. a token the request carries). */
	redact?: readonly string[];
	/** Abort signal other than the execution's (e.g. a clean-up call after a cancel). */
	abortSignal?: AbortSignal;
	/**
	 * Send outside the execution's cancel signal: for a clean-up call made after the execution
	 * was cancelled (e.g. Dify's stop), which n8n's authenticated helper would abort at once.
	 * Uses `profile.authHeaders`.
	 */
	detached?: boolean;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: IDataObject;
	body: T;
}

/** The node's Timeout option for an item, when the node has one. */
function timeoutFor(ctx: RequestContext, itemIndex: number | undefined): number {
	if (!('getInputData' in ctx)) return DEFAULT_TIMEOUT_MS;
	let value: unknown;
	try {
		value = (ctx as IExecuteFunctions).getNodeParameter(
			'options.timeout',
			itemIndex ?? 0,
			DEFAULT_TIMEOUT_MS,
		);
	} catch {
		return DEFAULT_TIMEOUT_MS;
	}
	const ms = Number(value);
	return Number.isFinite(ms) && ms >= 1 ? Math.floor(ms) : DEFAULT_TIMEOUT_MS;
}

const MAX_ERROR_BODY_BYTES = 64 * 1024;

export function cancelSignalOf(ctx: RequestContext): AbortSignal | undefined {
	if ('getExecutionCancelSignal' in ctx && typeof ctx.getExecutionCancelSignal === 'function') {
		return ctx.getExecutionCancelSignal();
	}
	return undefined;
}

/** A streamed error body's first 64 KB: reading stops there and the stream is destroyed. */
async function readStreamText(
	stream: AsyncIterable<Buffer | string> & { destroy?: () => void },
): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			chunks.push(buf);
			size += buf.length;
			if (size >= MAX_ERROR_BODY_BYTES) break;
		}
	} finally {
		if (typeof stream.destroy === 'function') stream.destroy();
	}
	return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}

/** Normalise an error body to a JSON value when it is JSON, else its text. */
async function readErrorBody(body: unknown): Promise<unknown> {
	let value = body;
	if (
		value &&
		typeof value === 'object' &&
		Symbol.asyncIterator in (value as object) &&
		!Buffer.isBuffer(value)
	) {
		value = await readStreamText(value as AsyncIterable<Buffer>);
	}
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (value instanceof ArrayBuffer) value = Buffer.from(value).toString('utf8');
	if (typeof value === 'string') {
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	}
	return value;
}

/** The credential type this node instance uses: the profile's, or the one its Authentication parameter picks. */
export function credentialTypeOf(ctx: RequestContext, profile: ProviderProfile): string {
	if (!profile.credentialTypeFor) return profile.credentialType;
	let choice: unknown;
	try {
		choice =
			'getCurrentNodeParameter' in ctx && typeof ctx.getCurrentNodeParameter === 'function'
				? ctx.getCurrentNodeParameter('authentication')
				: (ctx as IExecuteFunctions).getNodeParameter('authentication', 0, '');
	} catch {
		choice = undefined;
	}
	return typeof choice === 'string' && choice
		? profile.credentialTypeFor(choice)
		: profile.credentialType;
}

function pick(object: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			object,
		);
}

export async function credentialSettings(ctx: RequestContext, profile: ProviderProfile) {
	const credentialType = credentialTypeOf(ctx, profile);
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = String(credentials.baseUrl || profile.defaultBaseUrl).replace(/\/+$/, '');
	const secrets = profile.secretFields
		.map((field) => pick(credentials, field))
		.filter((v): v is string => typeof v === 'string' && v.length > 0);
	return { credentials, credentialType, baseUrl, secrets };
}

/**
 * The one request function every node uses: base URL from the credential, auth by the credential
 * type, JSON in and out, the execution's cancel signal, 429 waits, and provider errors turned into
 * NodeApiError without any secret in them.
 */
export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	profile: ProviderProfile,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const node = ctx.getNode();
	const settings = await credentialSettings(ctx, profile);
	const { baseUrl, credentials, credentialType } = settings;
	const secrets = request.redact?.length
		? [...settings.secrets, ...request.redact.filter((v) => v !== '')]
		: settings.secrets;
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...request.retry };
	const signal = request.abortSignal ?? (request.detached ? undefined : cancelSignalOf(ctx));
	if (request.detached && !profile.authHeaders) {
		throw new NodeApiError(node, {
			message: `${profile.name}: detached requests need authHeaders`,
		} as JsonObject);
	}
	const encoding = request.encoding ?? 'json';
	const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'HEAD');

	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		arrayFormat: request.arrayFormat,
		body: request.body,
		headers: {
			Accept: encoding === 'stream' ? 'text/event-stream' : 'application/json',
			...request.headers,
		},
		json: encoding === 'json',
		encoding,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeout ?? timeoutFor(ctx, request.itemIndex),
	};
	if (request.abortSignal) options.abortSignal = request.abortSignal;

	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		if (signal?.aborted) throw abortError();
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			const sendOptions = { ...options, headers: { ...options.headers } };
			response = (
				request.detached && profile.authHeaders
					? await ctx.helpers.httpRequest({
							...sendOptions,
							headers: { ...sendOptions.headers, ...profile.authHeaders(credentials) },
						})
					: await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, sendOptions)
			) as typeof response;
		} catch (error) {
			if (signal?.aborted) throw abortError();
			const failure = transportError(ctx, profile, error, secrets, request.itemIndex);
			const wait = policy.transientWaitMs * 2 ** attempt;
			if (
				idempotent &&
				failure.context.retryable === true &&
				attempt < policy.maxRetries &&
				waited + wait <= policy.maxTotalWaitMs
			) {
				await abortableSleep(wait, signal);
				waited += wait;
				continue;
			}
			throw failure;
		}

		const { statusCode } = response;
		if (statusCode < 400) {
			return { statusCode, headers: response.headers ?? {}, body: response.body as T };
		}

		const body = await readErrorBody(response.body);
		if (statusCode !== 429 && idempotent) {
			const info = profile.parseError(statusCode, body);
			const wait =
				retryAfterMs(response.headers ?? {}, body) ?? policy.transientWaitMs * 2 ** attempt;
			if (
				(info.retryable ?? isRetryableStatus(statusCode)) &&
				attempt < policy.maxRetries &&
				waited + wait <= policy.maxTotalWaitMs
			) {
				await abortableSleep(wait, signal);
				waited += wait;
				continue;
			}
		}
		const info = profile.parseError(statusCode, body);
		if (statusCode === 429) {
			const wait =
				retryAfterMs(response.headers ?? {}, body) ?? policy.fallbackWaitMs * 2 ** attempt;
			// A 429 the provider marks as not retryable (e.g. a used-up plan quota) fails at once.
			const retryable = info.retryable !== false;
			if (retryable && attempt < policy.maxRetries && waited + wait <= policy.maxTotalWaitMs) {
				await abortableSleep(wait, signal);
				waited += wait;
				continue;
			}
			if (retryable) {
				const seconds = Math.ceil(wait / 1000);
				info.description = [
					info.description,
					`Still rate limited after ${attempt + 1} attempt(s) and ${Math.round(waited / 1000)} s of waiting; ${profile.name} asks to wait ${seconds} s more.`,
				]
					.filter(Boolean)
					.join(' ');
			}
		}
		throw buildApiError(node, {
			providerName: profile.name,
			status: statusCode,
			info,
			body,
			secrets,
			itemIndex: request.itemIndex,
		});
	}
}

/** A request that never got an HTTP answer (reset, refused, timeout): a clean error, with no request config in it. */
function transportError(
	ctx: RequestContext,
	profile: ProviderProfile,
	error: unknown,
	secrets: readonly string[],
	itemIndex?: number,
): NodeApiError {
	const err = error as {
		message?: string;
		code?: string;
		cause?: { code?: string; message?: string };
	};
	const code = err.code ?? err.cause?.code ?? '';
	const raw = err.cause?.message ?? err.message ?? 'unknown network error';
	const message = redactText(`Could not reach ${profile.name}: ${raw}`, secrets);
	const apiError = new NodeApiError(ctx.getNode(), { message, code } as JsonObject, {
		message,
		description: redactText(
			`The connection to ${profile.name} failed before an answer arrived${code ? ` (${code})` : ''}. Check the Base URL in the credential and the network.`,
			secrets,
		),
		itemIndex,
	});
	apiError.message = message;
	return attachFailure(apiError, {
		code: code || undefined,
		retryable: !PERMANENT_NETWORK_CODES.has(code),
	});
}

/** Network failures that the same request will meet again (a wrong Base URL, a bad certificate). */
const PERMANENT_NETWORK_CODES = new Set([
	'ENOTFOUND',
	'ERR_INVALID_URL',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * The NodeApiError for a provider error that arrived without an HTTP error status (e.g. an
 * `error` event inside a 200 event stream): the same profile parsing, hints, structured fields
 * (code, httpCode, retryable, requestId) and redaction as the same status and body over HTTP.
 * `description` is added under the provider's own hint.
 */
export async function providerError(
	ctx: RequestContext,
	profile: ProviderProfile,
	opts: { status: number; body: unknown; itemIndex?: number; description?: string },
): Promise<NodeApiError> {
	const { secrets } = await credentialSettings(ctx, profile);
	const info = profile.parseError(opts.status, opts.body);
	if (opts.description) {
		info.description = [info.description, opts.description].filter(Boolean).join(' ');
	}
	return buildApiError(ctx.getNode(), {
		providerName: profile.name,
		status: opts.status,
		info,
		body: opts.body,
		secrets,
		itemIndex: opts.itemIndex,
	});
}
