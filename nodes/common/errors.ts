import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * The structured fields every failed item carries, with the same names for every provider, so a
 * workflow (Continue On Fail or the error output) branches on them rather than on message text.
 */
export interface FailureFields {
	/**
	 * Machine-readable: the provider's own code (Dify `code`, DevRev `type`, Zaia `code`/`name`,
	 * ClickUp `ECODE`), a network code (`ECONNRESET`, `ETIMEDOUT`), or `invalid_parameter` when the
	 * node refused its input before sending anything.
	 */
	code?: string;
	/** Whether sending the same request again later can succeed (rate limits, 5xx, network). */
	retryable: boolean;
	/** The provider's request or trace ID (ClickUp `trace_id`, DevRev `reference_id`), for its support. */
	requestId?: string;
	/** With `invalid_parameter`: the display name of the field that was refused. */
	field?: string;
}

const FAILURE_KEYS = ['code', 'retryable', 'requestId', 'field'] as const;

/** Record the structured fields on an n8n error (in its `context`, which n8n keeps with the error). */
export function attachFailure<E extends { context: IDataObject }>(
	error: E,
	fields: FailureFields,
): E {
	for (const key of FAILURE_KEYS) {
		if (fields[key] !== undefined) error.context[key] = fields[key];
	}
	return error;
}

/** The structured fields of an error, when it carries them. */
export function failureOf(error: unknown): FailureFields | undefined {
	const context = (error as { context?: IDataObject } | undefined)?.context;
	if (!context || typeof context.retryable !== 'boolean') return undefined;
	const fields: FailureFields = { retryable: context.retryable };
	if (typeof context.code === 'string') fields.code = context.code;
	if (typeof context.requestId === 'string') fields.requestId = context.requestId;
	if (typeof context.field === 'string') fields.field = context.field;
	return fields;
}

/** HTTP statuses after which the same request may succeed later. */
export function isRetryableStatus(status: number): boolean {
	return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * What a provider's error body says, in provider-neutral terms.
 * Every provider profile turns its documented error shape into this.
 */
export interface ProviderErrorInfo {
	/** The provider's own human-readable message. */
	message: string;
	/** The provider's machine-readable code or type, when it has one. */
	code?: string;
	/** Extra detail shown under the message (the provider's detail, a hint on what to do). */
	description?: string;
	/** The provider's request or trace ID, when its error body has one. */
	requestId?: string;
	/** Overrides the status-based guess (e.g. a 429 for a used-up plan quota is not retryable). */
	retryable?: boolean;
	/**
	 * The description explains this code fully: leave out the generic per-status hint (which would
	 * say "check the node's parameters" for a 400 the app itself caused, for example).
	 */
	explainsFully?: boolean;
}

/** Helpers for the providers' `parseError`: read an error body of unknown shape safely. */
export function errorObject(body: unknown): IDataObject {
	return (body && typeof body === 'object' && !Buffer.isBuffer(body) ? body : {}) as IDataObject;
}

/** The value when it is non-blank text, else undefined. */
export function nonEmptyText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Text as one sentence: it ends with a full stop unless it already ends with punctuation. */
export function sentence(value: string): string {
	const text = value.trim();
	return text === '' || /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The message when the body names none: its text (shortened) or the HTTP status. */
export function fallbackErrorMessage(status: number, body: unknown): string {
	return nonEmptyText(body)?.slice(0, 300) ?? `HTTP ${status}`;
}

/**
 * Credential values shorter than this are redacted only where they stand alone (not inside a
 * longer run of letters and digits), so that a 1-3 character key does not blank out parts of
 * ordinary words.
 */
const SHORT_SECRET_LENGTH = 4;
const REDACTED = '[redacted]';

/**
 * The forms a secret travels in besides its own: URL-encoded (`encodeURIComponent`), form-encoded
 * (`+` for spaces, as URLSearchParams writes it) and JSON-escaped.
 */
function secretForms(secret: string): string[] {
	const uri = encodeURIComponent(secret);
	const form = new URLSearchParams([['', secret]]).toString().slice(1);
	const json = JSON.stringify(secret).slice(1, -1);
	return [...new Set([secret, uri, uri.replace(/%20/g, '+'), form, json])];
}

/** A form as a pattern: regex characters escaped, percent escapes in either case of hex. */
function formPattern(form: string): string {
	return form
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/%([0-9A-F])([0-9A-F])/g, (_m, a: string, b: string) => {
			const hex = (c: string) => (/[A-F]/.test(c) ? `[${c}${c.toLowerCase()}]` : c);
			return `%${hex(a)}${hex(b)}`;
		});
}

/** One pattern for every form of every secret, longest first; null when there is nothing to find. */
function redactionPattern(secrets: readonly string[]): RegExp | null {
	const parts: Array<{ length: number; source: string }> = [];
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret === '') continue;
		for (const form of secretForms(secret)) {
			const source = formPattern(form);
			parts.push({
				length: form.length,
				source:
					secret.length < SHORT_SECRET_LENGTH ? `(?<![A-Za-z0-9])${source}(?![A-Za-z0-9])` : source,
			});
		}
	}
	parts.sort((a, b) => b.length - a.length);
	return parts.length ? new RegExp(parts.map((p) => p.source).join('|'), 'g') : null;
}

/** A function that replaces every form of every secret in a string (built once, used for many). */
export function redactor(secrets: readonly string[]): (text: string) => string {
	const pattern = redactionPattern(secrets);
	return pattern ? (text) => text.replace(pattern, REDACTED) : (text) => text;
}

/** Replace every occurrence of any secret (and of its URL-, form- and JSON-encoded forms) in a string. */
export function redactText(text: string, secrets: readonly string[]): string {
	return redactor(secrets)(text);
}

/** Deep-copy a JSON value with every secret replaced, in keys and values alike. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (secrets.length === 0) return value;
	return redactWith(value, redactor(secrets));
}

function redactWith<T>(value: T, redact: (text: string) => string): T {
	if (value === null || value === undefined) return value;
	if (typeof value === 'string') return redact(value) as unknown as T;
	if (Array.isArray(value)) return value.map((v) => redactWith(v, redact)) as unknown as T;
	if (typeof value === 'object') {
		if (Buffer.isBuffer(value)) return value;
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as IDataObject)) {
			out[redact(k)] = redactWith(v, redact);
		}
		return out as T;
	}
	return value;
}

/** A short hint per HTTP status that tells the user where to look. */
export function statusHint(status: number, providerName: string): string | undefined {
	switch (status) {
		case 400:
			return `${providerName} rejected the request. Check the node's parameters.`;
		case 401:
			return `${providerName} did not accept the credential. Check the API key or token in the node's credential.`;
		case 403:
			return `The credential is valid but not allowed to do this in ${providerName}. Check its permissions or scopes.`;
		case 404:
			return `${providerName} could not find what the request points at. Check the IDs in the node's parameters and the Base URL in the credential.`;
		case 409:
			return `${providerName} reports a conflict with something that already exists.`;
		case 429:
			return `${providerName} is rate limiting this credential. Lower the node's concurrency or retry later.`;
		default:
			return status >= 500
				? `${providerName} had an internal problem. Trying again later may help.`
				: undefined;
	}
}

export interface ApiErrorOptions {
	providerName: string;
	status: number;
	info: ProviderErrorInfo;
	body: unknown;
	secrets: readonly string[];
	itemIndex?: number;
}

/** Build the NodeApiError for a failed provider call, with every secret removed. */
export function buildApiError(node: INode, opts: ApiErrorOptions): NodeApiError {
	const { providerName, status, info, secrets } = opts;
	const redact = redactor(secrets);
	const message = redact(info.message || `${providerName} answered with HTTP ${status}`);
	const parts = [
		info.code ? `${providerName} code: ${info.code}` : '',
		info.description ?? '',
		info.explainsFully ? '' : (statusHint(status, providerName) ?? ''),
	]
		.map((p) => sentence(redact(p)))
		.filter((p) => p.length > 0);
	const responseBody =
		opts.body !== null && typeof opts.body === 'object' && !Buffer.isBuffer(opts.body)
			? (redactWith(opts.body, redact) as JsonObject)
			: ({ body: redact(String(opts.body ?? '')).slice(0, 2000) } as JsonObject);
	const error = new NodeApiError(node, responseBody, {
		message,
		// n8n shows the description as one paragraph: every part is a sentence of its own
		description: parts.join(' '),
		httpCode: String(status),
		itemIndex: opts.itemIndex,
	});
	// Keep the provider's message as the message: NodeApiError replaces messages of some common
	// HTTP codes with generic text, which would hide what the provider actually said.
	error.message = message;
	return attachFailure(error, {
		code: info.code === undefined ? undefined : redact(info.code),
		retryable: info.retryable ?? isRetryableStatus(status),
		requestId: info.requestId === undefined ? undefined : redact(info.requestId),
	});
}
