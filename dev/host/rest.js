'use strict';
/**
 * Talking to a running n8n over HTTP on loopback: one request (request), and n8n's internal REST
 * API as the editor uses it (N8nRest: owner setup, login, run a workflow, read an execution), with
 * the owner account the demo and the e2e suite create (DEMO_OWNER).
 */
const http = require('node:http');
const crypto = require('node:crypto');

/** Owner account the demo / queue run create headlessly (POST /rest/owner/setup). */
const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-n8n-2024',
};

/** One HTTP request on loopback; resolves { status, headers, text, json }. Never rejects on a status. */
function request(url, { method = 'GET', headers = {}, body, timeoutMs = 30000 } = {}) {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		if (!/^(127\.|localhost$|\[::1\]$)/.test(target.hostname))
			return reject(new Error(`refusing a non-loopback address: ${url}`));
		const data =
			body === undefined
				? undefined
				: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		const req = http.request(
			target,
			{
				method,
				timeout: timeoutMs,
				headers: {
					...(data
						? { 'content-type': 'application/json', 'content-length': String(data.length) }
						: {}),
					...headers,
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () =>
			req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)),
		);
		req.on('error', reject);
		req.end(data);
	});
}

/**
 * n8n's internal REST API, as the editor uses it: owner setup (first start), login (cookie +
 * browser-id), run a workflow manually, read an execution.
 */
class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.cookie = '';
		this.browserId = `e2e-${crypto.randomBytes(6).toString('hex')}`;
	}

	async call(method, p, body, { timeoutMs } = {}) {
		const headers = { 'browser-id': this.browserId };
		if (this.cookie) headers.cookie = this.cookie;
		const res = await request(`${this.baseUrl}${p}`, { method, body, headers, timeoutMs });
		const setCookie = res.headers['set-cookie'];
		if (setCookie) {
			const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
			if (auth) this.cookie = auth;
		}
		return res;
	}

	/** Is an owner set up already? (GET /rest/settings → userManagement.showSetupOnFirstLoad) */
	async needsOwnerSetup() {
		const res = await this.call('GET', '/rest/settings');
		const data = res.json?.data ?? res.json;
		return data?.userManagement?.showSetupOnFirstLoad === true;
	}

	/** Create the owner (only possible while none exists), else log in. */
	async ensureOwner(owner = DEMO_OWNER) {
		if (await this.needsOwnerSetup()) {
			const res = await this.call('POST', '/rest/owner/setup', owner);
			if (res.status !== 200)
				throw new Error(`owner setup failed: ${res.status} ${res.text.slice(0, 300)}`);
			return 'created';
		}
		await this.login(owner);
		return 'existing';
	}

	async login(owner = DEMO_OWNER) {
		const res = await this.call('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (res.status !== 200)
			throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`);
	}

	async getWorkflow(id) {
		const res = await this.call('GET', `/rest/workflows/${id}`);
		if (res.status !== 200)
			throw new Error(`GET workflow ${id}: ${res.status} ${res.text.slice(0, 300)}`);
		return res.json.data ?? res.json;
	}

	/** What the editor's "Execute workflow" sends: the whole workflow, from its manual trigger. */
	async runManually(id, triggerName) {
		const workflowData = await this.getWorkflow(id);
		const trigger =
			triggerName ??
			workflowData.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name;
		const res = await this.call('POST', `/rest/workflows/${id}/run`, {
			workflowData,
			triggerToStartFrom: { name: trigger },
		});
		if (res.status !== 200) throw new Error(`run ${id}: ${res.status} ${res.text.slice(0, 500)}`);
		const data = res.json.data ?? res.json;
		if (!data.executionId)
			throw new Error(`run ${id}: no executionId in ${res.text.slice(0, 300)}`);
		return String(data.executionId);
	}

	/** An execution with its run data parsed (n8n stores it with `flatted`). */
	async getExecution(id, parse) {
		const res = await this.call('GET', `/rest/executions/${id}`);
		if (res.status !== 200) return null;
		const ex = res.json.data ?? res.json;
		if (typeof ex.data === 'string') ex.data = parse(ex.data);
		return ex;
	}

	async waitForExecution(
		id,
		parse,
		{ statuses = ['success', 'error', 'crashed', 'canceled'], timeoutMs = 60000 } = {},
	) {
		const deadline = Date.now() + timeoutMs;
		let last;
		for (;;) {
			last = await this.getExecution(id, parse);
			if (last && statuses.includes(last.status)) return last;
			if (Date.now() > deadline)
				throw new Error(`execution ${id} still ${last?.status ?? 'missing'} after ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}
}

module.exports = { DEMO_OWNER, request, N8nRest };
