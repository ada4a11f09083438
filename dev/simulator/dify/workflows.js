'use strict';
const { uuidFrom } = require('../random');
/**
 * Dify simulator: Workflow apps (`POST /workflows/run`, `/workflows/:workflow_id/run`,
 * `GET /workflows/run/:id`, `GET /workflows/logs`, `POST /workflows/tasks/:task_id/stop`) and
 * Text Generator apps (`POST /completion-messages`, `.../:task_id/stop`).
 *
 * The reply is picked by directives in the request's text (any string input, or `query`), as for
 * chat: `sim:<fixture>` (default `workflow-run` / `completion`), `sim:http-<status>`,
 * `sim:error-<code>`, and the run flags of ./runs.js (`+cut@N`, `+stall@N`, `+cutresume`, `+summary`).
 * `GET /workflows/logs` pages through 250 seeded runs (newest first) plus every run started here.
 */
const { registerRun, runStatus, lastWorkflowEvent } = require('./runs');
const { blocksOf, writeBlocks } = require('./stream');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEEDED_LOGS = 250;
const STATUSES = ['succeeded', 'failed', 'stopped'];

function seededLogs() {
	const logs = [];
	for (let n = SEEDED_LOGS; n >= 1; n--) {
		const id = uuidFrom('workflow-log', n);
		const created = 1717000000 + n * 60;
		logs.push({
			id,
			workflow_run: {
				id: uuidFrom('workflow-run', n),
				version: '2025-01-16 12:00:00.000000',
				status: STATUSES[n % 3],
				error: n % 3 === 1 ? 'Node LLM run failed' : null,
				elapsed_time: 1 + (n % 7) / 10,
				total_tokens: 100 + n,
				total_steps: 3,
				created_at: created,
				finished_at: created + 2,
				exceptions_count: 0,
				triggered_from: 'app-run',
			},
			created_from: 'service-api',
			created_by_role: 'end_user',
			created_by_account: null,
			created_by_end_user: {
				id: uuidFrom('end-user', n % 5),
				type: 'service-api',
				is_anonymous: false,
				session_id: `seed-user-${n % 5}`,
			},
			created_at: created,
		});
	}
	return logs;
}

function directiveText(inputs, query) {
	const parts = [query || ''];
	for (const value of Object.values(inputs || {})) if (typeof value === 'string') parts.push(value);
	return parts.join(' ');
}

/** The documented error for `sim:http-<status>` / `sim:error-<code>`, else undefined. */
function scriptedError(scenario, { ERRORS, DEFAULT_CODE, fail }) {
	const http = /^http-(\d{3})$/.exec(scenario || '');
	if (http) {
		const status = Number(http[1]);
		const code = Object.keys(ERRORS).find((c) => ERRORS[c][0] === status) || DEFAULT_CODE[status];
		return fail(status, code, ERRORS[code] ? ERRORS[code][1] : `HTTP ${status}`);
	}
	const named = /^error-(\w+)$/.exec(scenario || '');
	if (named && ERRORS[named[1]]) return fail(ERRORS[named[1]][0], named[1], ERRORS[named[1]][1]);
	return undefined;
}

function routes(shared) {
	const { fixtures, fail, schemas, parseDirectives } = shared;

	function runWorkflow({ params, body, state, record }) {
		const text = directiveText(body.inputs, '');
		const { scenario } = parseDirectives(text);
		const scripted = scriptedError(scenario, shared);
		if (scripted) return scripted;
		if (body.user.trim() === '') return fail(400, 'invalid_param', 'Arg user must be provided.');
		if (params.workflow_id !== undefined && !UUID.test(params.workflow_id))
			return fail(400, 'bad_request', `Invalid workflow_id format: '${params.workflow_id}'.`);
		const name = scenario || 'workflow-run';
		if (!fixtures[name]) return fail(400, 'invalid_param', `simulator: no fixture named ${name}`);
		const n = ++state.requestCount;
		state.workflowRuns.push({
			n,
			inputs: body.inputs,
			user: body.user,
			response_mode: body.response_mode,
			workflow_id: params.workflow_id,
			files: body.files,
		});
		const { blocks, cutAt, stallAt, run } = registerRun(state, {
			fixtures,
			name,
			bytes: fixtures[name],
			user: body.user,
			text,
			inputs: body.inputs,
			app: 'workflow',
		});
		if (run) {
			if (params.workflow_id) run.workflowId = params.workflow_id;
			state.logs.unshift({
				id: `log-${run.id}`,
				workflow_run: { id: run.id, status: 'running', created_at: run.createdAt },
				created_from: 'service-api',
				created_by_role: 'end_user',
				created_by_account: null,
				created_by_end_user: { session_id: body.user, type: 'service-api', is_anonymous: false },
				created_at: run.createdAt,
			});
		}
		if (body.response_mode !== 'streaming') {
			// blocking (also when response_mode is omitted, as Dify documents)
			const last = lastWorkflowEvent(blocks);
			if (!last || last.event === 'workflow_paused')
				return fail(400, 'bad_request', 'This run pauses for Human Input: use streaming mode.');
			const error = blocks.find((block) => block.event && block.event.event === 'error');
			if (error) return fail(error.event.status || 500, error.event.code, error.event.message);
			return {
				status: 200,
				body: { task_id: last.task_id, workflow_run_id: last.workflow_run_id, data: last.data },
			};
		}
		record.runId = run && run.id;
		return { status: 200, stream: writeBlocks(blocks, { seed: n, cutAt, stallAt }) };
	}

	function stopRoute(path, list) {
		return {
			method: 'POST',
			path,
			contentType: 'application/json',
			params: schemas.stopParams,
			body: schemas.stopRequest,
			handle({ params, body, state }) {
				state[list].push({ task_id: params.task_id, user: body.user, at: Date.now() });
				for (const run of state.runs.values())
					if (run.taskId === params.task_id) run.stopped = true;
				return { status: 200, body: { result: 'success' } };
			},
		};
	}

	return [
		{
			method: 'POST',
			path: '/workflows/run',
			contentType: 'application/json',
			body: schemas.workflowRunRequest,
			handle: runWorkflow,
		},
		{
			method: 'GET',
			path: '/workflows/run/:workflow_run_id',
			params: schemas.workflowRunParams,
			handle({ params, state }) {
				const run = state.runs.get(params.workflow_run_id);
				if (!run) return fail(404, 'not_found', 'Workflow run not found.');
				const last = lastWorkflowEvent(run.blocks.slice(0, run.delivered)) || { data: {} };
				const status = runStatus(run);
				const finished = status !== 'running' && status !== 'paused';
				return {
					status: 200,
					body: {
						id: run.id,
						workflow_id: run.workflowId,
						status,
						inputs: JSON.stringify(run.inputs),
						outputs: (finished && last.data.outputs) || {},
						error: (finished && last.data.error) || null,
						total_steps: last.data.total_steps ?? 0,
						total_tokens: last.data.total_tokens ?? 0,
						created_at: run.createdAt,
						finished_at: finished ? (last.data.finished_at ?? null) : null,
						elapsed_time: last.data.elapsed_time ?? null,
					},
				};
			},
		},
		{
			method: 'GET',
			path: '/workflows/logs',
			query: schemas.workflowLogsQuery,
			handle({ query, state }) {
				if (query.created_by_account && query.created_by_account !== 'admin@example.com')
					return fail(400, 'invalid_param', `Account not found: ${query.created_by_account}`);
				const page = query.page ?? 1;
				const limit = query.limit ?? 20;
				const before = query.created_at__before
					? Date.parse(query.created_at__before) / 1000
					: Infinity;
				const after = query.created_at__after
					? Date.parse(query.created_at__after) / 1000
					: -Infinity;
				const matching = state.logs.filter(
					(log) =>
						(!query.status || log.workflow_run.status === query.status) &&
						(!query.keyword || JSON.stringify(log).includes(query.keyword)) &&
						(!query.created_by_end_user_session_id ||
							log.created_by_end_user.session_id === query.created_by_end_user_session_id) &&
						(!query.created_by_account || log.created_by_account === query.created_by_account) &&
						log.created_at < before &&
						log.created_at > after,
				);
				const data = matching.slice((page - 1) * limit, page * limit);
				return {
					status: 200,
					body: {
						page,
						limit,
						total: matching.length,
						has_more: page * limit < matching.length,
						data,
					},
				};
			},
		},
		{
			method: 'POST',
			path: '/workflows/:workflow_id/run',
			contentType: 'application/json',
			params: schemas.workflowIdParams,
			body: schemas.workflowRunRequest,
			handle: runWorkflow,
		},
		stopRoute('/workflows/tasks/:task_id/stop', 'workflowStops'),
		{
			method: 'POST',
			path: '/completion-messages',
			contentType: 'application/json',
			body: schemas.completionRequest,
			handle({ body, state }) {
				const { scenario } = parseDirectives(directiveText(body.inputs, body.query));
				const scripted = scriptedError(scenario, shared);
				if (scripted) return scripted;
				if (body.user.trim() === '')
					return fail(400, 'invalid_param', 'Arg user must be provided.');
				const name = scenario || 'completion';
				if (!fixtures[name])
					return fail(400, 'invalid_param', `simulator: no fixture named ${name}`);
				const n = ++state.requestCount;
				state.completions.push({
					n,
					inputs: body.inputs,
					query: body.query,
					user: body.user,
					response_mode: body.response_mode,
				});
				const blocks = blocksOf(fixtures[name]);
				if (body.response_mode !== 'streaming') {
					const events = blocks.map((block) => block.event).filter(Boolean);
					const end = events.find((event) => event.event === 'message_end') || {};
					const first = events.find((event) => event.message_id) || {};
					return {
						status: 200,
						body: {
							event: 'message',
							task_id: first.task_id,
							id: end.id || first.message_id,
							message_id: first.message_id,
							mode: 'completion',
							answer: events
								.filter((e) => e.event === 'message')
								.map((e) => e.answer)
								.join(''),
							metadata: end.metadata || {},
							created_at: first.created_at,
						},
					};
				}
				return { status: 200, stream: writeBlocks(blocks, { seed: n }) };
			},
		},
		stopRoute('/completion-messages/:task_id/stop', 'completionStops'),
	];
}

module.exports = { routes, seededLogs };
