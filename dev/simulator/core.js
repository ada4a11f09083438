'use strict';
/**
 * Provider simulator core: a real HTTP server on 127.0.0.1 (random port) speaking one provider's API.
 *
 * A provider module (providers/<name>.js) describes the API: routes with JSON Schemas for path
 * params, query and body (transcribed from the provider's docs), the exact auth header form, the
 * provider's error body and rate-limit headers, and handlers that answer with documented shapes.
 * The core does the rest: routing, auth, schema validation (ajv), recording every request, and
 * fault injection (status + provider error body, 429 with rate-limit headers, delay, connection
 * reset, partial body), plus streaming bodies (SSE) written chunk by chunk.
 */
const http = require('http');
const { URL } = require('url');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { rng } = require('./random');

const MAX_BODY_BYTES = 20 * 1024 * 1024;

function compilePath(pattern) {
	const names = [];
	const source = pattern
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/\\?:([a-zA-Z_]+)/g, (_, name) => {
			names.push(name);
			return '([^/]+)';
		});
	return { regex: new RegExp(`^${source}/?$`), names };
}

function makeAjv(coerce) {
	const ajv = new Ajv({
		allErrors: true,
		strict: false,
		coerceTypes: coerce ? 'array' : false,
		useDefaults: false,
	});
	addFormats(ajv);
	ajv.addFormat('RichText', true);
	return ajv;
}

function describeErrors(errors, where) {
	return (errors || [])
		.map(
			(e) =>
				`${where}${e.instancePath || ''} ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`,
		)
		.join('; ');
}

function parseQuery(searchParams) {
	const out = {};
	for (const key of new Set(searchParams.keys())) {
		const all = searchParams.getAll(key);
		out[key] = all.length > 1 ? all : all[0];
	}
	return out;
}

async function readBody(req) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw Object.assign(new Error('body too large'), { status: 413 });
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/** Minimal multipart/form-data parser (enough for file uploads from n8n's form-data). */
function parseMultipart(buffer, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!match) return null;
	const boundary = Buffer.from(`--${match[1] || match[2]}`);
	const parts = {};
	let start = buffer.indexOf(boundary);
	while (start !== -1) {
		const next = buffer.indexOf(boundary, start + boundary.length);
		if (next === -1) break;
		const part = buffer.subarray(start + boundary.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const content = part.subarray(headerEnd + 4);
			const name = /name="([^"]*)"/i.exec(headers);
			const filename = /filename="([^"]*)"/i.exec(headers);
			const type = /content-type:\s*([^\r\n]+)/i.exec(headers);
			if (name) {
				parts[name[1]] = filename
					? {
							filename: filename[1],
							contentType: type ? type[1].trim() : 'application/octet-stream',
							data: content,
						}
					: content.toString('utf8');
			}
		}
		start = next;
	}
	return parts;
}

/** Whether a request matches a fault's `{ method, path }` (a path prefix or a RegExp). */
function matches(match, method, path) {
	if (match.method && match.method !== method) return false;
	if (!match.path) return true;
	return match.path instanceof RegExp
		? match.path.test(path)
		: path === match.path || path.startsWith(match.path);
}

class ProviderSimulator {
	/**
	 * @param {object} provider a provider module
	 * @param {object} [options] { quiet, state } — state overrides provider.createState()
	 */
	constructor(provider, options = {}) {
		this.provider = provider;
		this.options = options;
		this.requests = [];
		this.faults = [];
		this.state = options.state || (provider.createState ? provider.createState() : {});
		this.sockets = new Set();
		const strictAjv = makeAjv(false);
		const coercingAjv = makeAjv(true);
		this.routes = provider.routes.map((route) => ({
			...route,
			compiled: compilePath(route.path),
			validateParams: route.params ? coercingAjv.compile(route.params) : null,
			validateQuery: route.query ? coercingAjv.compile(route.query) : null,
			validateBody: route.body ? strictAjv.compile(route.body) : null,
		}));
	}

	get baseUrl() {
		const address = this.server && this.server.address();
		return address ? `http://127.0.0.1:${address.port}${this.provider.basePath || ''}` : undefined;
	}

	async start(port = 0) {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(
						JSON.stringify(this.provider.errorBody(500, `simulator failure: ${error.message}`)),
					);
				} else {
					res.destroy();
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		return this.baseUrl;
	}

	async stop() {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
		this.server = undefined;
	}

	/** Forget recorded requests and faults (state is kept unless resetState). */
	reset({ resetState = false } = {}) {
		this.requests = [];
		this.faults = [];
		if (resetState) this.state = this.provider.createState ? this.provider.createState() : {};
	}

	/**
	 * Inject a fault for the next matching request(s).
	 * @param {{method?: string, path?: string|RegExp, times?: number}} match
	 * @param {{status?: number, body?: any, headers?: object, delayMs?: number, reset?: boolean,
	 *          partialBody?: string, retryAfter?: number, message?: string}} fault
	 */
	fault(match, fault) {
		this.faults.push({ match, fault, remaining: match.times === undefined ? 1 : match.times });
		return this;
	}

	/**
	 * Seeded random faults for soak runs: every request matching `match` (as in `fault`) that has no
	 * explicit fault draws one of the kinds by its rate (the rest get a normal answer):
	 * `rateLimit` (429 with Retry-After 0 or 1 s), `serverError` (500), `resetBeforeHeaders`,
	 * `resetAfterHeaders` (headers and a partial body, then the connection drops) and `stall` (no
	 * answer for `stallMs`, or until the client gives up). `randomFaults(null)` switches it off.
	 * The kind drawn is recorded on the request as `randomFault`.
	 * @param {{seed: number, match?: object, stallMs?: number, rates: Record<string, number>} | null} options
	 */
	randomFaults(options) {
		this.random = options ? { ...options, next: rng(options.seed) } : undefined;
		return this;
	}

	drawRandomFault(method, path) {
		const random = this.random;
		if (!random || !matches(random.match || {}, method, path)) return undefined;
		let roll = random.next();
		for (const [kind, rate] of Object.entries(random.rates)) {
			if (roll >= rate) {
				roll -= rate;
				continue;
			}
			switch (kind) {
				case 'rateLimit': {
					const seconds = random.next() < 0.5 ? 0 : 1;
					return {
						kind,
						status: 429,
						retryAfter: seconds,
						headers: { 'retry-after': String(seconds) },
					};
				}
				case 'serverError':
					return { kind, status: 500, message: 'Internal server error (random fault)' };
				case 'resetBeforeHeaders':
					return { kind, reset: true };
				case 'resetAfterHeaders':
					return { kind, status: 200, partialBody: '{"id":"partial' };
				case 'stall':
					return { kind, stallMs: random.stallMs ?? 5000 };
				default:
					throw new Error(`unknown random fault kind ${kind}`);
			}
		}
		return undefined;
	}

	/** Requests that reached a route (method + path), optionally filtered. */
	calls(method, pathPrefix) {
		return this.requests.filter(
			(r) => (!method || r.method === method) && (!pathPrefix || r.path.startsWith(pathPrefix)),
		);
	}

	takeFault(method, path) {
		for (const entry of this.faults) {
			if (entry.remaining === 0) continue;
			if (!matches(entry.match, method, path)) continue;
			if (entry.remaining > 0) entry.remaining -= 1;
			return entry.fault;
		}
		return undefined;
	}

	async handle(req, res) {
		const url = new URL(req.url, 'http://127.0.0.1');
		const basePath = this.provider.basePath || '';
		let path = url.pathname;
		if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
		const raw = await readBody(req);
		const contentType = String(req.headers['content-type'] || '');
		let body;
		let bodyError;
		if (raw.length > 0) {
			if (contentType.includes('application/json')) {
				try {
					body = JSON.parse(raw.toString('utf8'));
				} catch (error) {
					bodyError = `body is not valid JSON: ${error.message}`;
				}
			} else if (contentType.includes('multipart/form-data')) {
				body = parseMultipart(raw, contentType);
			} else {
				body = raw.toString('utf8');
			}
		}
		const record = {
			method: req.method,
			path,
			query: parseQuery(url.searchParams),
			rawQuery: url.search,
			headers: req.headers,
			body,
			raw,
			at: Date.now(),
		};
		this.requests.push(record);
		// the client hung up before the answer was sent (a cancelled execution, a timeout)
		res.on('close', () => {
			if (!res.writableFinished) record.clientGaveUpAt = Date.now();
		});

		const send = (status, payload, headers = {}) => {
			const isJson =
				payload !== undefined && !Buffer.isBuffer(payload) && typeof payload !== 'string';
			const data = payload === undefined ? '' : isJson ? JSON.stringify(payload) : payload;
			res.writeHead(status, {
				'content-type': isJson ? 'application/json' : 'text/plain',
				...headers,
			});
			res.end(data);
		};
		const error = (status, message, extra) =>
			send(status, this.provider.errorBody(status, message, extra));

		const fault = this.takeFault(req.method, path) || this.drawRandomFault(req.method, path);
		if (fault) {
			record.fault = fault;
			if (fault.kind) record.randomFault = fault.kind;
			if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
			if (fault.stallMs) {
				// say nothing until the time is up or the client gives up, whichever comes first
				await new Promise((resolve) => {
					const timer = setTimeout(resolve, fault.stallMs);
					req.socket.once('close', () => {
						clearTimeout(timer);
						resolve();
					});
				});
				if (req.socket.destroyed) return;
			}
			if (fault.reset) {
				req.socket.destroy();
				return;
			}
			if (fault.partialBody !== undefined) {
				res.writeHead(fault.status || 200, {
					'content-type': fault.contentType || 'application/json',
					'content-length': String(Buffer.byteLength(fault.partialBody) + 100),
				});
				res.write(fault.partialBody);
				await new Promise((resolve) => setTimeout(resolve, 20));
				req.socket.destroy();
				return;
			}
			if (fault.status) {
				const headers = {
					...(fault.status === 429 && this.provider.rateLimitHeaders
						? this.provider.rateLimitHeaders(fault.retryAfter ?? 1)
						: {}),
					...(fault.headers || {}),
				};
				const payload =
					fault.body !== undefined
						? fault.body
						: this.provider.errorBody(
								fault.status,
								fault.message || http.STATUS_CODES[fault.status] || 'error',
								fault.extra,
							);
				send(fault.status, payload, headers);
				return;
			}
		}

		let route;
		let params = {};
		let pathMatched = false;
		for (const candidate of this.routes) {
			const m = candidate.compiled.regex.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (candidate.method !== req.method) continue;
			route = candidate;
			candidate.compiled.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
			break;
		}
		if (!route)
			return error(
				pathMatched ? 405 : 404,
				pathMatched
					? `Method ${req.method} not allowed on ${path}`
					: `Route ${req.method} ${path} not found`,
			);
		record.route = route.path;

		const authProblem = this.provider.authenticate(req, this.state, route);
		if (authProblem) return send(authProblem.status, authProblem.body, authProblem.headers);

		if (bodyError) return error(400, bodyError);
		const problems = [];
		if (route.validateParams && !route.validateParams(params))
			problems.push(describeErrors(route.validateParams.errors, 'path'));
		const query = record.query;
		if (route.validateQuery && !route.validateQuery(query))
			problems.push(describeErrors(route.validateQuery.errors, 'query'));
		if (route.validateBody) {
			if (route.bodyRequired !== false && body === undefined) problems.push('body is required');
			else if (body !== undefined && !route.validateBody(body))
				problems.push(describeErrors(route.validateBody.errors, 'body'));
		}
		if (route.contentType && !contentType.includes(route.contentType))
			problems.push(`content-type must be ${route.contentType}`);
		if (problems.length) {
			record.rejected = problems.join('; ');
			return error(route.validationStatus || 400, record.rejected);
		}

		const ctx = {
			req,
			params,
			query,
			body,
			headers: req.headers,
			state: this.state,
			sim: this,
			record,
			url,
		};
		const result = await route.handle(ctx);
		if (!result) return;
		if (result.stream) {
			res.writeHead(result.status || 200, {
				'content-type': 'text/event-stream',
				'cache-control': 'no-cache',
				connection: 'keep-alive',
				...(result.headers || {}),
			});
			let closed = false;
			res.on('close', () => (closed = true));
			for await (const chunk of result.stream) {
				if (closed || res.destroyed) {
					record.clientClosed = true;
					break;
				}
				if (chunk && chunk.cut) {
					req.socket.destroy();
					return;
				}
				if (chunk && typeof chunk === 'object' && chunk.delayMs) {
					await new Promise((resolve) => setTimeout(resolve, chunk.delayMs));
					continue;
				}
				res.write(chunk);
			}
			if (!closed) res.end();
			return;
		}
		send(result.status || 200, result.body, result.headers);
	}
}

/** Start one simulator per provider module. */
async function startSimulators(providers, options = {}) {
	const sims = {};
	for (const provider of providers) {
		const sim = new ProviderSimulator(provider, options);
		await sim.start();
		sims[provider.name] = sim;
	}
	return sims;
}

module.exports = { ProviderSimulator, startSimulators, parseMultipart };
