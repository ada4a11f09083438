'use strict';
/**
 * Dify simulator: the app-key routes besides chat, workflows and conversations: audio (speech to
 * text, text to speech: ./audio.js), annotations and annotation reply jobs, end users, the
 * WebApp settings (`GET /site`) and file previews. Spread into providers/dify.js's routes.
 *
 * The store is `state.difyApp` (made on first use, so it is reset with the rest of the state).
 * Knobs a test may set on it: `speechToText` / `textToSpeech` (false: the feature is off),
 * `audioLimitBytes` (413 above it; Dify's is 30 MB), `ttsFormat` ('wav': one `audio/wav` body;
 * 'mpeg': `audio/mpeg` in chunks, as Dify answers when the TTS provider streams), and `jobMs`
 * (how long an annotation reply job is `waiting`, then `processing`, before it is `completed`).
 * An annotation reply job whose `embedding_model_name` is `sim-fail` ends in `error`; `sim-stuck`
 * stays `processing`.
 */
const crypto = require('crypto');
const schemas = require('../schemas/dify-app.json');
const resources = require('./resources');
const audio = require('./audio');

const DOCS_END_USER = 'f1e2d3c4-b5a6-7890-abcd-ef1234567890';
const DOCS_ANNOTATION = 'a1b2c3d4-5678-90ab-cdef-1234567890ab';
const TENANT_ID = '11223344-5566-7788-99aa-bbccddeeff00';
const APP_ID = 'a1b2c3d4-5678-90ab-cdef-1234567890ab';
/** The MIME types Speech to Text accepts (openapi_service.json: `audio/mpeg` is refused). */
const STT_TYPES = new Set(['audio/mp3', 'audio/m4a', 'audio/wav', 'audio/amr', 'audio/mpga']);

const SITE = {
	title: 'My Chat App',
	chat_color_theme: '#4A90D9',
	chat_color_theme_inverted: false,
	icon_type: 'emoji',
	icon: '🤖',
	icon_background: '#FFFFFF',
	icon_url: null,
	description: 'A helpful customer service chatbot.',
	copyright: '2025 Dify',
	privacy_policy: 'https://example.com/privacy',
	input_placeholder: 'Ask me anything about our products...',
	custom_disclaimer: '',
	default_language: 'en-US',
	show_workflow_steps: false,
	use_icon_as_answer_icon: true,
};

function fail(status, code, message) {
	return { status, body: { code, message, status } };
}

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

function createStore() {
	const store = {
		endUsers: new Map(),
		annotations: [],
		jobs: new Map(),
		annotationReply: { enabled: false },
		speechToText: true,
		textToSpeech: true,
		audioLimitBytes: 30 * 1024 * 1024,
		ttsFormat: 'wav',
		jobMs: { waiting: 150, processing: 300 },
	};
	store.endUsers.set(DOCS_END_USER, {
		id: DOCS_END_USER,
		tenant_id: TENANT_ID,
		app_id: APP_ID,
		type: 'service-api',
		external_user_id: 'abc-123',
		name: null,
		is_anonymous: false,
		session_id: 'abc-123',
		created_at: '2024-01-16T12:00:29Z',
		updated_at: '2024-01-16T12:00:29Z',
	});
	store.annotations.push({
		id: DOCS_ANNOTATION,
		question: 'What is Dify?',
		answer: 'Dify is an open-source LLM application development platform.',
		hit_count: 5,
		created_at: 1705407629,
	});
	return store;
}

/** The app store of a simulator state (made on first use). */
function storeOf(state) {
	if (!state.difyApp) state.difyApp = createStore();
	return state.difyApp;
}

/** The end user Dify keeps for a `user` value of the app's requests (made on first use). */
function endUserFor(state, user) {
	const store = storeOf(state);
	const external = user || 'DEFAULT-USER';
	for (const record of store.endUsers.values())
		if (record.external_user_id === external) return record;
	const hash = sha256(`end-user:${external}`);
	const id = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
	const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	const record = {
		id,
		tenant_id: TENANT_ID,
		app_id: APP_ID,
		type: 'service-api',
		external_user_id: external,
		name: null,
		is_anonymous: !user,
		session_id: external,
		created_at: now,
		updated_at: now,
	};
	store.endUsers.set(id, record);
	return record;
}

function findMessage(state, id) {
	for (const conversation of resources.storeOf(state).conversations.values()) {
		const message = conversation.messages.find((m) => m.id === id);
		if (message) return message;
	}
	return undefined;
}

/** The bytes in chunks of `size`, a millisecond apart (so a client that stops reading is seen). */
async function* inChunks(bytes, size, record) {
	record.sentBytes = 0;
	for (let offset = 0; offset < bytes.length; offset += size) {
		const piece = bytes.subarray(offset, offset + size);
		yield piece;
		record.sentBytes += piece.length;
		yield { delayMs: 1 };
	}
}

/** An annotation reply job's status now: waiting → processing → completed (or error). */
function jobStatus(store, job) {
	const elapsed = Date.now() - job.startedAt;
	if (elapsed < store.jobMs.waiting) return { job_status: 'waiting', error_msg: '' };
	if (job.model === 'sim-stuck' || elapsed < store.jobMs.waiting + store.jobMs.processing)
		return { job_status: 'processing', error_msg: '' };
	if (job.model === 'sim-fail')
		return {
			job_status: 'error',
			error_msg: `Embedding model ${job.model} is not available for provider ${job.provider}.`,
		};
	if (!job.applied) {
		job.applied = true;
		store.annotationReply = { enabled: job.action === 'enable', ...job.settings };
	}
	return { job_status: 'completed', error_msg: '' };
}

const routes = [
	{
		method: 'POST',
		path: '/audio-to-text',
		contentType: 'multipart/form-data',
		body: schemas.audioToTextForm,
		handle({ body, state, record }) {
			const store = storeOf(state);
			const file = body.file;
			if (!Buffer.isBuffer(file.data))
				return fail(400, 'no_audio_uploaded', 'Please upload your audio.');
			if (!store.speechToText)
				return fail(400, 'speech_to_text_disabled', 'Speech to text is disabled.');
			if (file.data.length > store.audioLimitBytes)
				return fail(413, 'audio_too_large', 'Audio size larger than 30 mb');
			if (!STT_TYPES.has(file.contentType))
				return fail(415, 'unsupported_audio_type', 'Audio type not allowed.');
			endUserFor(state, body.user);
			record.audio = { sha256: sha256(file.data), bytes: file.data.length, mime: file.contentType };
			return { status: 200, body: { text: audio.transcript(file.data) } };
		},
	},
	{
		method: 'POST',
		path: '/text-to-audio',
		contentType: 'application/json',
		body: schemas.textToAudioRequest,
		handle({ body, state, record }) {
			const store = storeOf(state);
			if (!store.textToSpeech) return fail(400, 'invalid_param', 'TTS is not enabled');
			let text = body.text;
			if (body.message_id) {
				// Dify's reference names no error for an unknown message; its usual one is assumed
				const message = findMessage(state, body.message_id);
				if (!message) return fail(404, 'not_found', 'Message Not Exists.');
				text = message.answer;
			}
			if (typeof text !== 'string' || text.trim() === '')
				return fail(400, 'invalid_param', 'Text is required');
			endUserFor(state, body.user);
			const mpeg = store.ttsFormat === 'mpeg';
			const bytes = mpeg ? audio.mp3(text) : audio.wav(text);
			record.audio = { sha256: sha256(bytes), bytes: bytes.length, text, voice: body.voice };
			if (mpeg)
				return {
					status: 200,
					headers: { 'content-type': 'audio/mpeg', 'cache-control': 'no-cache' },
					stream: inChunks(bytes, 417, record),
				};
			return { status: 200, headers: { 'content-type': 'audio/wav' }, body: bytes };
		},
	},
	{
		method: 'POST',
		path: '/apps/annotations',
		contentType: 'application/json',
		body: schemas.annotationRequest,
		handle({ body, state }) {
			const annotation = {
				id: crypto.randomUUID(),
				question: body.question,
				answer: body.answer,
				hit_count: 0,
				created_at: Math.floor(Date.now() / 1000),
			};
			storeOf(state).annotations.push(annotation);
			return { status: 201, body: annotation };
		},
	},
	{
		method: 'GET',
		path: '/apps/annotations',
		query: schemas.annotationsQuery,
		handle({ query, state }) {
			const page = query.page ?? 1;
			// "Requests above 100 are capped at 100."
			const limit = Math.min(100, query.limit ?? 20);
			const keyword = (query.keyword ?? '').toLowerCase();
			const matching = storeOf(state).annotations.filter(
				(a) =>
					!keyword ||
					String(a.question).toLowerCase().includes(keyword) ||
					String(a.answer).toLowerCase().includes(keyword),
			);
			const data = matching.slice((page - 1) * limit, page * limit);
			return {
				status: 200,
				body: {
					data,
					has_more: page * limit < matching.length,
					limit,
					total: matching.length,
					page,
				},
			};
		},
	},
	{
		method: 'PUT',
		path: '/apps/annotations/:annotation_id',
		contentType: 'application/json',
		params: schemas.annotationParams,
		body: schemas.annotationRequest,
		handle({ params, body, state }) {
			const annotation = storeOf(state).annotations.find((a) => a.id === params.annotation_id);
			if (!annotation) return fail(404, 'not_found', 'Annotation not found');
			annotation.question = body.question;
			annotation.answer = body.answer;
			return { status: 200, body: annotation };
		},
	},
	{
		method: 'DELETE',
		path: '/apps/annotations/:annotation_id',
		params: schemas.annotationParams,
		handle({ params, state }) {
			const store = storeOf(state);
			const index = store.annotations.findIndex((a) => a.id === params.annotation_id);
			if (index === -1) return fail(404, 'not_found', 'Annotation not found');
			store.annotations.splice(index, 1);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/apps/annotation-reply/:action',
		contentType: 'application/json',
		params: schemas.annotationReplyParams,
		body: schemas.annotationReplyRequest,
		handle({ params, body, state }) {
			const job = {
				id: crypto.randomUUID(),
				action: params.action,
				model: body.embedding_model_name,
				provider: body.embedding_provider_name,
				settings: { ...body },
				startedAt: Date.now(),
				polls: 0,
			};
			storeOf(state).jobs.set(job.id, job);
			return { status: 200, body: { job_id: job.id, job_status: 'waiting' } };
		},
	},
	{
		method: 'GET',
		path: '/apps/annotation-reply/:action/status/:job_id',
		params: schemas.annotationReplyStatusParams,
		handle({ params, state, record }) {
			const store = storeOf(state);
			const job = store.jobs.get(params.job_id);
			if (!job || job.action !== params.action)
				return fail(400, 'invalid_param', 'The job does not exist.');
			job.polls++;
			const status = jobStatus(store, job);
			record.jobStatus = status.job_status;
			return { status: 200, body: { job_id: job.id, ...status } };
		},
	},
	{
		method: 'GET',
		path: '/end-users/:end_user_id',
		params: schemas.endUserParams,
		handle({ params, state }) {
			const record = storeOf(state).endUsers.get(params.end_user_id);
			if (!record) return fail(404, 'end_user_not_found', 'End user not found.');
			return { status: 200, body: record };
		},
	},
	{
		method: 'GET',
		path: '/site',
		handle: () => ({ status: 200, body: SITE }),
	},
	{
		method: 'GET',
		path: '/files/:file_id/preview',
		params: schemas.filePreviewParams,
		query: schemas.filePreviewQuery,
		handle({ params, query, state, record }) {
			// "A file is reachable only through the app whose messages reference it."
			const upload = state.uploads.get(params.file_id);
			if (!upload || !upload.referenced || !upload.data)
				return fail(404, 'file_not_found', 'The requested file was not found.');
			const headers = { 'content-type': upload.mime_type };
			if (query.as_attachment)
				headers['content-disposition'] =
					`attachment; filename*=UTF-8''${encodeURIComponent(upload.name)}`;
			return { status: 200, headers, stream: inChunks(upload.data, 64 * 1024, record) };
		},
	},
];

module.exports = { routes, storeOf, endUserFor, DOCS_END_USER, DOCS_ANNOTATION, SITE, STT_TYPES };
