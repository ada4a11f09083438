'use strict';
/**
 * Dify simulator: the run store shared by every workflow-backed route. A Chatflow reply or a
 * Workflow run is kept with its event blocks and how many the client read completely, so that
 * - `GET /workflow/:id/events` reopens a broken stream: with `include_state_snapshot=true` it first
 *   sends again what the run did so far (all events by default, or with `+summary` only the
 *   workflow and node records), then the rest;
 * - a run paused for Human Input continues once its form is submitted (`POST /form/human_input/:token`)
 *   with the fixture named `<fixture>-resumed` (`human-input-pause` → `human-input-resumed`).
 * Flags in the directive text: `+cut@N` breaks the first stream after N bytes, `+stall@N` stops
 * sending there, `+cutresume` breaks every reopened stream too (after one new event), `+summary`
 * as above, `+expired` registers the run's forms as expired.
 */
const { blocksOf, deliveredBefore, offsetFlag, writeBlocks } = require('./stream');

const SNAPSHOT_SUMMARY_EVENTS = new Set(['workflow_started', 'node_started', 'node_finished']);

function createRunState() {
	return { runs: new Map(), forms: new Map(), workflowStops: [], completionStops: [] };
}

function lastWorkflowEvent(blocks) {
	for (let i = blocks.length - 1; i >= 0; i--) {
		const event = blocks[i].event;
		if (event && (event.event === 'workflow_finished' || event.event === 'workflow_paused'))
			return event;
	}
	return undefined;
}

/** The run's status as Dify's Get Run Detail reports it. */
function runStatus(run) {
	if (run.stopped) return 'stopped';
	const last = lastWorkflowEvent(run.blocks.slice(0, run.delivered));
	if (!last || run.delivered < run.blocks.length) return 'running';
	if (last.event === 'workflow_paused') return run.submitted ? 'running' : 'paused';
	return last.data.status || 'succeeded';
}

/**
 * Keep a workflow-backed stream's run (no-op for chat replies, which carry no workflow_run_id).
 * Returns the stream options for `writeBlocks`.
 */
function registerRun(state, { fixtures, name, bytes, user, text, inputs, app }) {
	const blocks = blocksOf(bytes);
	const first = blocks.find((block) => block.event && block.event.workflow_run_id);
	const cutAt = offsetFlag(text, 'cut');
	const stallAt = offsetFlag(text, 'stall');
	if (!first) return { blocks, cutAt, stallAt };
	const id = first.event.workflow_run_id;
	const started = blocks.find((block) => block.event && block.event.event === 'workflow_started');
	const run = {
		id,
		user,
		app,
		taskId: first.event.task_id,
		workflowId: started ? started.event.data.workflow_id : null,
		inputs: inputs || {},
		blocks,
		delivered: deliveredBefore(blocks, cutAt ?? stallAt),
		snapshot: /(?:^|\s)\+summary\b/.test(text || '') ? 'summary' : 'full',
		cutEveryReopen: /(?:^|\s)\+cutresume\b/.test(text || ''),
		continuation: fixtures[`${name.replace(/-pause$/, '')}-resumed`]
			? `${name.replace(/-pause$/, '')}-resumed`
			: null,
		submitted: null,
		reopened: 0,
		createdAt: Math.floor(Date.now() / 1000),
	};
	state.runs.set(id, run);
	const expired = /(?:^|\s)\+expired\b/.test(text || '');
	for (const block of blocks) {
		if (!block.event || block.event.event !== 'human_input_required') continue;
		const form = { ...block.event.data };
		// the fixtures' expiration times are in the past: forms expire a day after the run here
		form.expiration_time = expired ? 1 : Math.floor(Date.now() / 1000) + 86400;
		state.forms.set(form.form_token, { runId: id, form, submitted: false });
	}
	return { blocks, cutAt, stallAt, run };
}

function routes({ fixtures, fail, schemas }) {
	const findForm = (state, token) => {
		const entry = state.forms.get(token);
		if (!entry) return { problem: fail(404, 'not_found', 'Form not found') };
		const formId = entry.form.form_id;
		if (entry.submitted)
			return {
				problem: fail(
					412,
					'human_input_form_submitted',
					`This form has already been submitted by another user, form_id=${formId}`,
				),
			};
		if (entry.form.expiration_time && entry.form.expiration_time * 1000 < Date.now())
			return {
				problem: fail(412, 'human_input_form_expired', `This form has expired, form_id=${formId}`),
			};
		return { entry };
	};

	return [
		{
			method: 'GET',
			path: '/form/human_input/:form_token',
			params: schemas.formTokenParams,
			handle({ params, state }) {
				const { entry, problem } = findForm(state, params.form_token);
				if (problem) return problem;
				const form = entry.form;
				return {
					status: 200,
					body: {
						form_content: form.form_content,
						inputs: form.inputs || [],
						resolved_default_values: form.resolved_default_values || {},
						user_actions: form.actions || [],
						expiration_time: form.expiration_time ?? null,
					},
				};
			},
		},
		{
			method: 'POST',
			path: '/form/human_input/:form_token',
			contentType: 'application/json',
			params: schemas.formTokenParams,
			body: schemas.humanInputSubmitRequest,
			handle({ params, body, state }) {
				const { entry, problem } = findForm(state, params.form_token);
				if (problem) return problem;
				const form = entry.form;
				const actions = (form.actions || []).map((action) => action.id);
				if (!actions.includes(body.action))
					return fail(400, 'invalid_form_data', `Invalid action: ${body.action}`);
				const missing = (form.inputs || [])
					.filter((input) => input.type === 'paragraph')
					.map((input) => input.output_variable_name)
					.filter((name) => typeof body.inputs[name] !== 'string');
				if (missing.length)
					return fail(400, 'invalid_form_data', `Missing required inputs: ${missing.join(', ')}`);
				entry.submitted = true;
				const run = state.runs.get(entry.runId);
				if (run) run.submitted = { action: body.action, inputs: body.inputs, user: body.user };
				return { status: 200, body: {} };
			},
		},
		{
			method: 'GET',
			path: '/workflow/:workflow_run_id/events',
			params: schemas.workflowRunParams,
			query: schemas.workflowEventsQuery,
			handle({ params, query, state, record }) {
				const run = state.runs.get(params.workflow_run_id);
				if (!run || run.user !== query.user)
					return fail(404, 'not_found', 'Workflow run not found');
				run.reopened++;
				const seed = 1000 + run.reopened;
				const snapshot =
					query.include_state_snapshot === true || query.include_state_snapshot === 'true';
				if (run.delivered < run.blocks.length) {
					// the client's stream broke: replay, then the rest
					const before = run.blocks.slice(0, run.delivered);
					const rest = run.blocks.slice(run.delivered);
					const replay = !snapshot
						? []
						: run.snapshot === 'summary'
							? before.filter(
									(block) => block.event && SNAPSHOT_SUMMARY_EVENTS.has(block.event.event),
								)
							: before;
					const out = replay.concat(rest);
					let cutAt;
					if (run.cutEveryReopen && rest.length > 1) {
						const replayBytes = replay.reduce((sum, block) => sum + block.bytes.length, 0);
						cutAt = replayBytes + rest[0].bytes.length + Math.floor(rest[1].bytes.length / 2);
						run.delivered += 1;
					} else {
						run.delivered = run.blocks.length;
					}
					record.replayed = replay.length;
					return { status: 200, stream: writeBlocks(out, { seed, cutAt }) };
				}
				const last = lastWorkflowEvent(run.blocks);
				if (last && last.event === 'workflow_paused') {
					if (run.submitted && run.continuation) {
						const more = blocksOf(fixtures[run.continuation]);
						run.blocks = run.blocks.concat(more);
						run.delivered = run.blocks.length;
						run.continuation = null;
						run.submitted = null;
						for (const block of more) {
							if (!block.event || block.event.event !== 'human_input_required') continue;
							const form = { ...block.event.data };
							form.expiration_time = Math.floor(Date.now() / 1000) + 86400;
							state.forms.set(form.form_token, { runId: run.id, form, submitted: false });
						}
						// with continue_on_pause Dify keeps the stream open at a new pause
						const holdOpen =
							(query.continue_on_pause === true || query.continue_on_pause === 'true') &&
							lastWorkflowEvent(more)?.event === 'workflow_paused';
						return { status: 200, stream: writeBlocks(more, { seed, holdOpen }) };
					}
					// still waiting: the pause again (the stream closes at the first pause)
					const pause = run.blocks.filter(
						(block) =>
							block.event &&
							(block.event.event === 'human_input_required' ||
								block.event.event === 'workflow_paused'),
					);
					return { status: 200, stream: writeBlocks(pause, { seed }) };
				}
				// finished: one workflow_finished event, as Dify documents
				const finished = run.blocks.filter(
					(block) => block.event && block.event.event === 'workflow_finished',
				);
				return { status: 200, stream: writeBlocks(finished.slice(-1), { seed }) };
			},
		},
	];
}

module.exports = { createRunState, registerRun, runStatus, lastWorkflowEvent, routes };
