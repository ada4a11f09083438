/**
 * Downloading a file from a URL someone else chose (a link in a callback): https only, redirects
 * followed by hand with every hop checked like the first, the host resolved and refused when any
 * of its addresses is internal (hosts.ts), the connection made to the address that was checked,
 * an optional host allowlist, the size bound enforced while reading, and a total deadline besides
 * the idle timeout.
 *
 * n8n's request helper follows redirects and resolves names on its own, and refuses a custom
 * `lookup`; nodes may not import `dns` or `net`. So redirects are switched off
 * (`disableFollowRedirect`), the name is resolved through n8n's own egress filter
 * (`helpers.getSecureEgressFilter`, n8n 2.x releases that have it) and the request goes to the
 * checked IP address with the original Host header and TLS server name. An n8n without that
 * helper cannot resolve for us: there only IP literals and hosts listed in the allowlist are
 * fetched.
 */
import type { IDataObject, IHttpRequestOptions, RequestHelperFunctions } from 'n8n-workflow';

import type { AddressRange } from './hosts';
import { addressRange, isIpLiteral, isNonPublicHost } from './hosts';
import { abortError } from './retry';

/** Resolves a host name to every address it has. */
export type HostLookup = (hostname: string) => Promise<string[]>;

export interface DownloadPolicy {
	/**
	 * Host names the download may reach: exact names or IP literals, `*.example.com` for any
	 * subdomain of example.com. Empty: any public host.
	 */
	allowedHosts?: readonly string[];
	/**
	 * For a local simulator only: plain http and loopback, private or link-local addresses are
	 * allowed. Never on for real use (a callback could make n8n fetch internal addresses).
	 */
	allowLocal?: boolean;
}

export interface SafeDownloadOptions extends DownloadPolicy {
	/** Bodies larger than this are refused; reading stops at the limit. */
	maxBytes: number;
	/** The whole download, redirects included, in milliseconds. */
	deadlineMs: number;
	/** The longest silence while connecting or waiting for an answer, in milliseconds. */
	idleTimeoutMs?: number;
	maxRedirects?: number;
	/** Cancels the download (the execution's cancel signal). */
	signal?: AbortSignal;
	/**
	 * How names are resolved: default n8n's egress filter when this n8n has one; `null`: no
	 * resolver (only IP literals and allowlisted hosts). Tests give their own.
	 */
	lookup?: HostLookup | null;
}

export interface DownloadedFile {
	data: Buffer;
	headers: IDataObject;
	/** The URL the file finally came from (after redirects). */
	url: string;
}

export type DownloadFailure = 'refused' | 'too_large' | 'deadline' | 'http' | 'network';

/** A download that was refused or failed; `message` is a sentence without the URL's query. */
export class DownloadError extends Error {
	constructor(
		message: string,
		readonly reason: DownloadFailure,
		readonly statusCode?: number,
	) {
		super(message);
		this.name = 'DownloadError';
	}
}

type DownloadHelpers = Pick<RequestHelperFunctions, 'httpRequest'> &
	Partial<Pick<RequestHelperFunctions, 'getSecureEgressFilter'>>;

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function mb(bytes: number): string {
	return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/** Whether a host matches the allowlist (exact, or `*.domain` for its subdomains). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
	const name = host
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '')
		.toLowerCase();
	return allowed.some((entry) => {
		const pattern = entry
			.trim()
			.replace(/^\[|\]$/g, '')
			.replace(/\.$/, '')
			.toLowerCase();
		if (pattern === '') return false;
		if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1));
		return name === pattern;
	});
}

/** The resolver n8n gives nodes (n8n releases with `getSecureEgressFilter`), else undefined. */
function n8nLookup(helpers: DownloadHelpers): HostLookup | undefined {
	if (typeof helpers.getSecureEgressFilter !== 'function') return undefined;
	const lookup = helpers.getSecureEgressFilter('safe').createSecureLookup();
	return async (hostname) =>
		await new Promise<string[]>((resolve, reject) => {
			lookup(hostname, { all: true }, (error, addresses) => {
				if (error) return reject(error);
				const list = Array.isArray(addresses) ? addresses : [{ address: addresses }];
				resolve(list.map((entry) => String(entry.address)));
			});
		});
}

function refuse(message: string): DownloadError {
	return new DownloadError(message, 'refused');
}

function describe(range: AddressRange): string {
	return `${/^([aeio]|un[^i])/i.test(range.name) ? 'an' : 'a'} ${range.name} address`;
}

interface Hop {
	/** What to request: the URL with its host replaced by the checked address. */
	target: URL;
	/** The original host (and port), sent as Host when the target is an address. */
	hostHeader?: string;
	/** The TLS server name (the original host) when the target is an address. */
	servername?: string;
}

/** Check one URL of the chain (the first or a redirect's) and say where to connect. */
async function checkHop(
	url: URL,
	policy: DownloadPolicy,
	lookup: HostLookup | undefined,
): Promise<Hop> {
	const local = policy.allowLocal === true;
	if (url.protocol !== 'https:' && !(local && url.protocol === 'http:'))
		throw refuse(`${url.protocol}//${url.host} does not use HTTPS`);
	if (url.username || url.password) throw refuse('the URL carries a user name or password');
	const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
	const allowed = policy.allowedHosts?.filter((h) => h.trim() !== '') ?? [];
	if (allowed.length > 0 && !hostAllowed(host, allowed))
		throw refuse(`${url.hostname} is not in the allowed download hosts`);
	if (isIpLiteral(host)) {
		const range = addressRange(host);
		if (range && !local) throw refuse(`${url.hostname} is ${describe(range)}`);
		return { target: url };
	}
	if (!local && isNonPublicHost(host)) throw refuse(`${host} is a local host name`);
	if (!lookup) {
		if (allowed.length > 0) return { target: url };
		throw refuse(
			`this n8n version does not let nodes check which address ${host} has; list the host in the allowed download hosts to trust it`,
		);
	}
	const addresses = await lookup(host).catch((error: Error) => {
		throw new DownloadError(
			`${host} could not be resolved (${error?.message ?? error})`,
			'network',
		);
	});
	if (addresses.length === 0) throw new DownloadError(`${host} has no address`, 'network');
	for (const address of addresses) {
		const range = addressRange(address);
		if (range && !local) throw refuse(`${host} points at ${address}, ${describe(range)}`);
	}
	const target = new URL(url.href);
	target.hostname = addresses[0].includes(':') ? `[${addresses[0]}]` : addresses[0];
	return {
		target,
		hostHeader: url.host,
		servername: url.protocol === 'https:' ? host : undefined,
	};
}

interface StreamLike extends AsyncIterable<Buffer | string> {
	destroy?: (error?: Error) => void;
}

function destroy(body: unknown, error?: Error): void {
	const stream = body as StreamLike | undefined;
	if (stream && typeof stream.destroy === 'function') stream.destroy(error);
}

function headerOf(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return Array.isArray(value) ? String(value[0]) : String(value);
}

/** Read a body, stopping (and destroying the stream) once it passes `maxBytes` or `signal` fires. */
async function readBounded(body: unknown, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
	if (Buffer.isBuffer(body)) {
		if (body.length > maxBytes) throw tooLarge(maxBytes);
		return body;
	}
	if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body)) {
		const data = Buffer.from(typeof body === 'string' ? body : '');
		if (data.length > maxBytes) throw tooLarge(maxBytes);
		return data;
	}
	const onAbort = () => destroy(body, new Error('aborted'));
	signal.addEventListener('abort', onAbort, { once: true });
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of body as StreamLike) {
			const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += buf.length;
			if (size > maxBytes) {
				destroy(body);
				throw tooLarge(maxBytes);
			}
			chunks.push(buf);
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	if (signal.aborted) throw new Error('aborted');
	return Buffer.concat(chunks, size);
}

function tooLarge(maxBytes: number): DownloadError {
	return new DownloadError(`the file is larger than the allowed ${mb(maxBytes)}`, 'too_large');
}

/**
 * Download `url` under the rules above. Throws a DownloadError that says why (in words without
 * the URL's query, which often holds a signature).
 */
export async function safeDownload(
	ctx: { helpers: DownloadHelpers },
	url: string,
	options: SafeDownloadOptions,
): Promise<DownloadedFile> {
	const lookup = options.lookup === null ? undefined : (options.lookup ?? n8nLookup(ctx.helpers));
	const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
	const deadline = AbortSignal.timeout(options.deadlineMs);
	const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
	const failed = (error: unknown): Error => {
		if (options.signal?.aborted) return abortError();
		if (deadline.aborted)
			return new DownloadError(
				`the download took longer than ${Math.round(options.deadlineMs / 1000)} s`,
				'deadline',
			);
		if (error instanceof DownloadError) return error;
		const err = error as { message?: string; code?: string; cause?: { message?: string } };
		return new DownloadError(
			`could not connect (${err.cause?.message ?? err.message ?? err.code ?? 'network error'})`,
			'network',
		);
	};

	let current: URL;
	try {
		current = new URL(url);
	} catch {
		throw refuse('it is not a URL');
	}
	for (let hop = 0; ; hop++) {
		let response: { statusCode: number; headers?: IDataObject; body: unknown };
		// Aborting the request is what closes its connection: the body stream n8n hands over may be
		// a wrapper whose destruction does not reach the socket before it is read from.
		const hopControl = new AbortController();
		const drop = (body: unknown) => {
			hopControl.abort();
			destroy(body);
		};
		try {
			const { target, hostHeader, servername } = await checkHop(current, options, lookup);
			if (signal.aborted) throw new Error('aborted');
			const request: IHttpRequestOptions = {
				method: 'GET',
				url: target.href,
				headers: { accept: '*/*', ...(hostHeader ? { host: hostHeader } : {}) },
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
				abortSignal: AbortSignal.any([signal, hopControl.signal]),
			};
			if (servername) request.agentOptions = { servername };
			response = (await ctx.helpers.httpRequest(request)) as typeof response;
		} catch (error) {
			throw failed(error);
		}
		const headers = response.headers ?? {};
		const status = response.statusCode;
		if (REDIRECTS.has(status)) {
			drop(response.body);
			const location = headerOf(headers, 'location');
			if (!location)
				throw new DownloadError(`a redirect (HTTP ${status}) without a Location`, 'http', status);
			if (hop >= maxRedirects) throw refuse(`more than ${maxRedirects} redirects`);
			try {
				current = new URL(location, current);
			} catch {
				throw refuse('a redirect points at something that is not a URL');
			}
			continue;
		}
		if (status < 200 || status >= 300) {
			drop(response.body);
			throw new DownloadError(`the server answered HTTP ${status}`, 'http', status);
		}
		const declared = Number(headerOf(headers, 'content-length'));
		if (Number.isFinite(declared) && declared > options.maxBytes) {
			drop(response.body);
			throw tooLarge(options.maxBytes);
		}
		try {
			const data = await readBounded(response.body, options.maxBytes, signal);
			return { data, headers, url: current.href };
		} catch (error) {
			drop(response.body);
			throw failed(error);
		}
	}
}
